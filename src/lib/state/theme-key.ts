/** Where the viewer's theme choice is kept (localStorage); the page rendered ahead reads it too (scripts/vite-plugin-app-shell.ts). */
export const THEME_KEY = 'dialogue-atlas:theme';
