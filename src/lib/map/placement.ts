/**
 * Collision-aware placement of venue markers on screen: no DOM, pixels in, offsets out.
 *
 * Each marker is a square touch target centred on its place; its label is a box on one side.
 * Markers whose targets overlap another target, another's label or a map control are pushed
 * apart (the one with fewer meetings moves more) and kept inside the map; the map then draws a
 * leader line from the moved marker back to its true place. A label over another's target goes to
 * its own marker's other side first, where that is clear: the marker under it then stays put. Hand-written: no kept library
 * places point labels with obstacles (d3-force would, but pulls in a simulation for three dots).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedMarker {
  id: string;
  /** The place on screen, in the map container's pixels. */
  x: number;
  y: number;
  /** Side of the square touch target. */
  size: number;
  /** The label's size and side (it is not a target, but must not cover one). */
  label: { width: number; height: number; side: 'left' | 'right' };
  /** How firmly it stays put against others (its meetings): a small venue moves, a big one stays. */
  weight: number;
}

export interface Offset {
  dx: number;
  dy: number;
}

/** Where placement puts a marker: its offset, and the side its label goes. */
export interface Placement extends Offset {
  side: 'left' | 'right';
}

/** Gap kept between targets, and between a target and a control. */
export const GAP = 4;

function targetBox(m: PlacedMarker, o: Offset): Box {
  return { x: m.x + o.dx - m.size / 2, y: m.y + o.dy - m.size / 2, width: m.size, height: m.size };
}

function labelBox(m: PlacedMarker, o: Offset, side = m.label.side): Box {
  const cx = m.x + o.dx;
  const cy = m.y + o.dy;
  const x = side === 'right' ? cx + m.size / 2 : cx - m.size / 2 - m.label.width;
  return { x, y: cy - m.label.height / 2, width: m.label.width, height: m.label.height };
}

/** The four ways `a` may move (left, right, up, down) to clear `b` by `gap`; null when apart. */
function escapes(a: Box, b: Box, gap: number): Offset[] | null {
  const left = b.x - gap - (a.x + a.width); // < 0 when overlapping from the left
  const right = b.x + b.width + gap - a.x; // > 0 when overlapping from the right
  const up = b.y - gap - (a.y + a.height);
  const down = b.y + b.height + gap - a.y;
  if (left >= 0 || right <= 0 || up >= 0 || down <= 0) return null;
  return [
    { dx: left, dy: 0 },
    { dx: right, dy: 0 },
    { dx: 0, dy: up },
    { dx: 0, dy: down },
  ];
}

const shortest = (moves: readonly Offset[]): Offset =>
  moves.reduce((best, m) => (Math.abs(m.dx + m.dy) < Math.abs(best.dx + best.dy) ? m : best));

/** How far `a` must move (dx or dy, the shorter way) to clear `b` by `gap`; null when apart. */
function separation(a: Box, b: Box, gap: number): Offset | null {
  const moves = escapes(a, b, gap);
  return moves && shortest(moves);
}

/**
 * Last, each dot is made tappable and seen: busiest first, a target under a map button or note, out
 * of the map, or with its centre within half a target of a dot settled before it, goes to the nearest
 * spot (rings 2 px apart, up to three targets away) where none of that is so. Among many venues the
 * pushes of placeMarkers may stop short: on a 320 px phone's map of 26 venues, Town 8's dot lay under
 * "16 names hidden: …", where no tap reached it, and at 768 px five towns lay on others' very centres
 * (targets on one spot share no overlap: hitAreas has no line to cut along). Targets left overlapping
 * share it (hitAreas); where no spot is free, one clear of the buttons alone will do.
 */
function settle(
  markers: readonly PlacedMarker[],
  offsets: Offset[],
  obstacles: readonly Box[],
  bounds: { width: number; height: number },
): void {
  const order = markers.map((_, i) => i).sort((a, b) => markers[b]!.weight - markers[a]!.weight);
  const done: number[] = [];
  const free = (i: number, o: Offset, apart: boolean): boolean => {
    const m = markers[i]!;
    const t = targetBox(m, o);
    if (t.x < 0 || t.y < 0 || t.x + t.width > bounds.width || t.y + t.height > bounds.height) return false;
    if (obstacles.some((ob) => escapes(t, ob, GAP))) return false;
    const [x, y] = [m.x + o.dx, m.y + o.dy];
    return (
      !apart ||
      done.every((k) => {
        const [cx, cy] = [markers[k]!.x + offsets[k]!.dx, markers[k]!.y + offsets[k]!.dy];
        return Math.max(Math.abs(cx - x), Math.abs(cy - y)) >= m.size / 2;
      })
    );
  };
  const ways = [
    [0, -1],
    [0, 1],
    [-1, 0],
    [1, 0],
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ] as const;
  for (const i of order) {
    const o = offsets[i]!;
    if (!free(i, o, true)) {
      const spot = (apart: boolean): Offset | undefined => {
        for (let r = 2; r <= 3 * markers[i]!.size; r += 2)
          for (const [ux, uy] of ways) {
            const at = { dx: o.dx + ux * r, dy: o.dy + uy * r };
            if (free(i, at, apart)) return at;
          }
        return undefined;
      };
      const at = spot(true) ?? (free(i, o, false) ? undefined : spot(false));
      if (at) Object.assign(o, at);
    }
    done.push(i);
  }
}

/**
 * Offsets that leave every target clear of the others, of the labels and of `obstacles`
 * (map controls), inside `bounds` where it can, and the side each label goes. Targets that do not
 * collide keep offset 0. A label over another's target is put on its marker's other side, where
 * that covers no target and stays inside `bounds`, before the target is moved off it: moved off
 * "London 5", Berlin was drawn 20 px north over the Baltic, and the name then went left of London
 * all the same (clear of Berlin's true place).
 */
export function placeMarkers(
  markers: readonly PlacedMarker[],
  obstacles: readonly Box[],
  bounds: { width: number; height: number },
  iterations = 60,
): Map<string, Placement> {
  const offsets = markers.map(() => ({ dx: 0, dy: 0 }));
  const sides = markers.map((m) => m.label.side);
  const other = (side: 'left' | 'right') => (side === 'left' ? 'right' : 'left');
  /** Whether marker `k`'s label, on its other side, covers no target and stays inside the map. */
  const flips = (k: number): boolean => {
    const m = markers[k]!;
    if (m.label.width === 0) return false;
    const box = labelBox(m, offsets[k]!, other(sides[k]!));
    if (box.x < 0 || box.x + box.width > bounds.width) return false;
    if (obstacles.some((ob) => separation(box, ob, 0))) return false;
    return markers.every((t, n) => n === k || !separation(targetBox(t, offsets[n]!), box, GAP));
  };
  for (let step = 0; step < iterations; step++) {
    let moved = false;
    for (let i = 0; i < markers.length; i++) {
      const a = markers[i]!;
      for (let j = i + 1; j < markers.length; j++) {
        const b = markers[j]!;
        // Target against target, and each target against the other's label.
        const push = separation(targetBox(a, offsets[i]!), targetBox(b, offsets[j]!), GAP);
        if (push) {
          const share = b.weight / (a.weight + b.weight);
          offsets[i]!.dx += push.dx * share;
          offsets[i]!.dy += push.dy * share;
          offsets[j]!.dx -= push.dx * (1 - share);
          offsets[j]!.dy -= push.dy * (1 - share);
          moved = true;
        }
        for (const [t, l, k, o] of [
          [a, b, i, j],
          [b, a, j, i],
        ] as const) {
          const p = separation(targetBox(t, offsets[k]!), labelBox(l, offsets[o]!, sides[o]), GAP);
          if (p && flips(o)) {
            sides[o] = other(sides[o]!);
            moved = true;
            continue;
          }
          // A name moves a marker a little, no further than its own size from its place: pushed
          // further by names it went a country away on a phone. placeOnMap then flips or hides the name.
          if (p && Math.hypot(offsets[k]!.dx + p.dx, offsets[k]!.dy + p.dy) <= t.size) {
            offsets[k]!.dx += p.dx;
            offsets[k]!.dy += p.dy;
            moved = true;
          }
        }
      }
      for (const ob of obstacles) {
        const p = separation(targetBox(a, offsets[i]!), ob, GAP);
        if (p) {
          offsets[i]!.dx += p.dx;
          offsets[i]!.dy += p.dy;
          moved = true;
        }
      }
      // Inside the map, a gap from its edges: with its label where the two fit, else the target alone.
      const target = targetBox(a, offsets[i]!);
      const label = labelBox(a, offsets[i]!, sides[i]);
      const x0 = Math.min(target.x, label.x);
      const x1 = Math.max(target.x + target.width, label.x + label.width);
      const whole = x1 - x0 <= bounds.width - 2 * GAP;
      const box = whole ? { x: x0, y: target.y, width: x1 - x0, height: target.height } : target;
      const minX = GAP - box.x;
      const maxX = bounds.width - GAP - (box.x + box.width);
      const minY = GAP - box.y;
      const maxY = bounds.height - GAP - (box.y + box.height);
      if (minX <= maxX) offsets[i]!.dx += Math.min(Math.max(0, minX), maxX);
      if (minY <= maxY) offsets[i]!.dy += Math.min(Math.max(0, minY), maxY);
    }
    if (!moved) break;
  }
  settle(markers, offsets, obstacles, bounds);
  return new Map(
    markers.map((m, i) => [m.id, { dx: Math.round(offsets[i]!.dx), dy: Math.round(offsets[i]!.dy), side: sides[i]! }]),
  );
}

/** A box on screen by its edges (as getBoundingClientRect gives it). */
export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The class that puts a name where it is: null for the side it is on now. */
export type LabelPlace = 'label-left' | 'label-right' | 'label-above' | 'label-below' | null;

export interface LabelSpot {
  place: LabelPlace;
  /** How far the name is slid from that place's usual spot, still beside (or above, below) its marker. */
  dx: number;
  dy: number;
  /** Where its name would be drawn, on screen. */
  rect: Rect;
}

const slid = (spot: LabelSpot, dx: number, dy: number): LabelSpot => ({
  place: spot.place,
  dx,
  dy,
  rect: {
    left: spot.rect.left + dx,
    right: spot.rect.right + dx,
    top: spot.rect.top + dy,
    bottom: spot.rect.bottom + dy,
  },
});

/** Steps of a slide, nearest first, up to `most` each way: 2, -2, 4, -4, … */
const steps = (step: number, most: number) =>
  Array.from({ length: Math.floor(most / step) }, (_, k) => [(k + 1) * step, -(k + 1) * step]).flat();

export const meets = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/**
 * The places a marker's name may go, in the order tried: its side, its marker's other side, above
 * and below it; then the same slid a little, each still by its marker: a side's name up or down by
 * up to half its height, a name above or below to either side by up to half its width. `label` is
 * where it is drawn now (on its side, `right` or left), `target` its marker. Without the slides, a
 * name whose every spot touched another name by a pixel or two was hidden: on a 360 px phone, Kabul's
 * left spot met the foot of "Islamabad 3" by 4×1 px, with the room below it empty.
 */
export function labelSpots(target: Rect, label: Rect, right: boolean): LabelSpot[] {
  const width = label.right - label.left;
  const height = label.bottom - label.top;
  const gap = right ? label.left - target.right : target.left - label.right;
  const left = right ? target.left - gap - width : target.right + gap;
  const middle = (target.left + target.right) / 2 - width / 2;
  const spots: LabelSpot[] = [
    { place: null, dx: 0, dy: 0, rect: label },
    {
      place: right ? 'label-left' : 'label-right',
      dx: 0,
      dy: 0,
      rect: { left, right: left + width, top: label.top, bottom: label.bottom },
    },
    {
      place: 'label-above',
      dx: 0,
      dy: 0,
      rect: { left: middle, right: middle + width, top: target.top - height, bottom: target.top },
    },
    {
      place: 'label-below',
      dx: 0,
      dy: 0,
      rect: { left: middle, right: middle + width, top: target.bottom, bottom: target.bottom + height },
    },
  ];
  const [side, other, above, below] = spots as [LabelSpot, LabelSpot, LabelSpot, LabelSpot];
  return [
    ...spots,
    ...steps(2, height / 2).flatMap((dy) => [slid(side, 0, dy), slid(other, 0, dy)]),
    ...steps(4, width / 2).flatMap((dx) => [slid(above, dx, 0), slid(below, dx, 0)]),
  ];
}

/** The first spot inside `frame` that covers none of `others` (dots, map buttons, names placed before). */
export function findLabelSpot(
  spots: readonly LabelSpot[],
  frame: Rect,
  others: readonly Rect[],
): LabelSpot | undefined {
  return spots.find(
    ({ rect: r }) =>
      r.left >= frame.left &&
      r.right <= frame.right &&
      r.top >= frame.top &&
      r.bottom <= frame.bottom &&
      !others.some((o) => meets(r, o)),
  );
}

/** A marker's touch target where it is drawn: its centre on screen and its side. */
export interface Target {
  x: number;
  y: number;
  size: number;
}

type Point = [number, number];

/** The part of `polygon` on the side of the line through `at`, normal `n`, where (p − at)·n ≤ 0 (Sutherland–Hodgman). */
function clipHalfPlane(polygon: readonly Point[], at: Point, n: Point): Point[] {
  const side = ([x, y]: Point) => (x - at[0]) * n[0] + (y - at[1]) * n[1];
  const out: Point[] = [];
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length]!;
    const [sp, sq] = [side(p), side(q)];
    if (sp <= 0) out.push(p);
    if (sp < 0 !== sq < 0 && sp !== 0 && sq !== 0) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

/**
 * What of each marker's square target a tap may meet: where targets overlap (placement may stop
 * short among many venues), each keeps the part nearer its own centre than the other's, so a tap
 * on any dot's centre meets that dot's venue, not a neighbour drawn above it. Points are in the
 * target's own pixels from its top-left corner; null where the whole square is its own.
 */
export function hitAreas(targets: readonly Target[]): (Point[] | null)[] {
  return targets.map((a, i) => {
    const half = a.size / 2;
    let cell: Point[] = [
      [a.x - half, a.y - half],
      [a.x + half, a.y - half],
      [a.x + half, a.y + half],
      [a.x - half, a.y + half],
    ];
    let cut = false;
    targets.forEach((b, j) => {
      const n: Point = [b.x - a.x, b.y - a.y];
      const reach = half + b.size / 2;
      // Apart, or drawn on the very same spot (no line between them to cut along).
      if (j === i || Math.abs(n[0]) >= reach || Math.abs(n[1]) >= reach || (n[0] === 0 && n[1] === 0)) return;
      cell = clipHalfPlane(cell, [(a.x + b.x) / 2, (a.y + b.y) / 2], n);
      cut = true;
    });
    return cut ? cell.map(([x, y]) => [x - (a.x - half), y - (a.y - half)] as Point) : null;
  });
}
