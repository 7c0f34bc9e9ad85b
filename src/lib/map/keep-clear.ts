/**
 * A map popup and a panel fixed over the page (a meeting's details) keep out of each other's way,
 * by two DOM events on the popup's element; neither side imports the other (nor Leaflet here).
 *
 * - {@link POPUP_SHOWN}: the map says a popup has opened and come to rest on screen; the details,
 *   open, place themselves clear of it where they can (the other side of the screen).
 * - {@link KEEP_CLEAR}: the details, covering the popup wherever they go (beside a phone's map held
 *   sideways), say where they are; the map pans the popup and its venue sideways out from under
 *   them, and cancels the event when they are clear (else the details scroll the page). Asked with
 *   `narrow` (no side had room for it as it is: a small phone on its side), the map may also make
 *   the popup narrower, to the room beside them.
 */
export const POPUP_SHOWN = 'venuepopupshown';
export const KEEP_CLEAR = 'venuepopupkeepclear';

/** A box on screen, as getBoundingClientRect gives it. */
export interface Edges {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What KEEP_CLEAR's event carries: the panel's box, and whether the popup may be narrowed to clear it. */
export interface KeepClearDetail extends Edges {
  narrow?: boolean;
}

/** Room kept between the popup (or its venue) and the panel it is moved clear of. */
const GAP = 8;

/**
 * How far to move `box` sideways (negative: left), staying within `room`, so that `panel` no longer
 * covers it, towards the nearer side that has room: 0 when it is not covered, or cannot be moved clear.
 */
export function sidewaysClear(box: Edges, panel: Edges, room: Edges): number {
  if (!overlap(box, panel)) return 0;
  const toLeft = panel.left - GAP - box.right;
  const toRight = panel.right + GAP - box.left;
  const fitsLeft = box.left + toLeft >= room.left;
  const fitsRight = box.right + toRight <= room.right;
  if (fitsLeft && (!fitsRight || -toLeft <= toRight)) return toLeft;
  return fitsRight ? toRight : 0;
}

/**
 * The width of the wider strip of `room` beside `panel` (left or right of it, short of it by the gap):
 * a popup no wider than this can be moved clear of the panel. 0 where neither side has any.
 */
export function roomBeside(panel: Edges, room: Edges): number {
  return Math.max(0, panel.left - GAP - room.left, room.right - (panel.right + GAP));
}

/** Whether two boxes overlap. */
export function overlap(a: Edges, b: Edges): boolean {
  return a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
}

/** The smallest box holding these. */
export function union(boxes: readonly Edges[]): Edges {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}
