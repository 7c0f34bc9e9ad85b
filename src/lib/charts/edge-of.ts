/**
 * A palette colour's edge on the page, for a style: `var(--edge-E69F00)`, declared in app.css per theme
 * (mark-edge.ts computes them): a mark outlined in it reads at 3:1 on the page, its fill unchanged.
 * A module of its own: the timeline's and the exports' chunks importing palette.ts pulled d3-scale's
 * parts out of the first view's chunk, and mark-edge.ts's code is not needed there.
 */
export const edgeOf = (colour: string): string => `var(--edge-${colour.slice(1)})`;
