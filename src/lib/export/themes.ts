import { EDGE_BACKGROUND } from '../charts/mark-edge';

/**
 * Colours of an exported slide, per theme: every text and mark of an export takes its colour
 * from here (or, for the timeline, from the page's variables resolved in this theme), never from
 * the page's theme. Text colours meet WCAG AA (4.5:1) on `background` (checked in tests).
 */
export interface SlideTheme {
  /** Which theme: partners' colours take its variants (charts/dark-palette.ts). */
  name: ThemeName;
  background: string;
  /** Chart surface under planned (hollow) marks. */
  surface: string;
  ink: string;
  muted: string;
  rule: string;
  grid: string;
  axis: string;
  /** The part of a bar outside the filters. */
  ghost: string;
  water: string;
  land: string;
  border: string;
  venue: string;
  halo: string;
  /** What partners' edges are computed against (charts/mark-edge.ts): the page's, so a slide's edges are the page's. */
  edgeBackground: string;
}

export type ThemeName = 'light' | 'dark';

export const SLIDE_THEMES: Record<ThemeName, SlideTheme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    surface: '#ffffff',
    ink: '#1d2430',
    muted: '#5b6573',
    rule: '#e3e6eb',
    grid: '#e3e6eb',
    axis: '#8a93a0',
    ghost: '#bcc2cb',
    water: '#dbe7ef',
    land: '#f7f4ee',
    border: '#b7bfca',
    venue: '#1f3a5f',
    halo: '#ffffff',
    edgeBackground: EDGE_BACKGROUND.light,
  },
  dark: {
    name: 'dark',
    background: '#11151b',
    surface: '#11151b',
    ink: '#e8ecf2',
    muted: '#98a2b3',
    rule: '#2c3440',
    grid: '#2c3440',
    axis: '#6b7585',
    ghost: '#444e5c',
    water: '#0f1c2a',
    land: '#232b36',
    border: '#3d4857',
    venue: '#9cc3f0',
    halo: '#11151b',
    edgeBackground: EDGE_BACKGROUND.dark,
  },
};

/**
 * The font stack slide programs resolve on any system: no web fonts to embed or fetch. Arial first:
 * the legend is spaced by Arial's widths (text-width.ts), and LibreOffice reads only the first name
 * of the list, then falls back to a font of its own. 'Segoe UI' first came out in DejaVu Sans, about
 * 15% wider, and each legend label ran into the next item; Arial it draws in Liberation Sans, which
 * has Arial's widths, as PowerPoint and Keynote draw Arial.
 */
export const FONT_STACK = "Arial, 'Liberation Sans', Helvetica, 'Helvetica Neue', sans-serif";
