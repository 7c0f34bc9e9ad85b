/**
 * A slide's settings, as the presenter picks them in the Slide panel: shape, pixel scale,
 * background and theme. Here in state (remembered by export-settings) rather than in export
 * (which reads them to draw), so no import runs up the layers.
 */
export interface SlidePreset {
  ratio: '16:9' | '4:3';
  scale: 1 | 2;
  background: 'solid' | 'transparent';
  theme: 'light' | 'dark';
}

export const DEFAULT_PRESET: SlidePreset = { ratio: '16:9', scale: 1, background: 'solid', theme: 'light' };
