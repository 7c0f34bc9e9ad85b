/**
 * The dark theme's own partner colours, where the palette's (palette.ts) fall under 3:1 on its page
 * and cards: Tol's indigo and the dark brown, 1.5:1 and 1.4:1 on #11151b, read there only by their
 * edges. Lighter, of about the same hues (indigo a little bluer, brown toward sienna), chosen as the
 * furthest from the other colours seen with each common colour blindness (test/unit/palette.test.ts);
 * every other colour reaches 3:1 on the dark page as it is. The page takes them from app.css
 * (`--fill-332288`, over a mark's fill="#332288"; checked to be these); exports and the density
 * strips' pixels, which CSS does not reach, from here. A module of its own: the first view's chunk,
 * which holds palette.ts, does without it.
 */
export const DARK_PARTNER_COLOURS: Readonly<Record<string, string>> = {
  '#332288': '#8A7AF5',
  '#661100': '#A65735',
};

/** A palette colour as drawn in `theme`: its dark variant in the dark theme, where it has one. */
export const themedColour = (colour: string, theme: string | undefined): string =>
  (theme === 'dark' && DARK_PARTNER_COLOURS[colour.toUpperCase()]) || colour;
