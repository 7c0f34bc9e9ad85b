/** Colours of an exported slide, per theme. Charts take theirs from the page's CSS variables. */
export interface SlideTheme {
  background: string;
  ink: string;
  muted: string;
  rule: string;
  water: string;
  land: string;
  border: string;
  venue: string;
  halo: string;
}

export const SLIDE_THEMES: Record<'light' | 'dark', SlideTheme> = {
  light: {
    background: '#ffffff',
    ink: '#1d2430',
    muted: '#5b6573',
    rule: '#e3e6eb',
    water: '#dbe7ef',
    land: '#f7f4ee',
    border: '#b7bfca',
    venue: '#1f3a5f',
    halo: '#ffffff',
  },
  dark: {
    background: '#11151b',
    ink: '#e8ecf2',
    muted: '#98a2b3',
    rule: '#2c3440',
    water: '#0f1c2a',
    land: '#232b36',
    border: '#3d4857',
    venue: '#9cc3f0',
    halo: '#11151b',
  },
};

/** The font stack slide programs resolve on any system: no web fonts to embed or fetch. */
export const FONT_STACK = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif";
