import { describe, expect, it } from 'vitest';
import { placeMarkers, type PlacedMarker } from '../../src/lib/map/placement';

/** Seven venues on a 375 px phone's map (Brussels to Beijing), measured there: four of them within 17 px. */
const phone: PlacedMarker[] = [
  ['brussels', 47, 140, 77, 'right', 1],
  ['islamabad', 145, 173, 90, 'right', 4],
  ['kabul', 139, 172, 57, 'left', 1],
  ['beijing', 207, 162, 66, 'right', 1],
  ['ankara', 88, 162, 67, 'right', 1],
  ['zahedan', 128, 180, 78, 'left', 1],
  ['quetta', 136, 179, 65, 'left', 1],
].map(([id, x, y, width, side, weight]) => ({
  id: id as string,
  x: x as number,
  y: y as number,
  size: 28,
  label: { width: width as number, height: 19, side: side as 'left' | 'right' },
  weight: weight as number,
}));
const controls = [
  { x: 10, y: 10, width: 34, height: 64 },
  { x: 256, y: 10, width: 48, height: 48 },
  { x: 53, y: 303, width: 260, height: 17 },
];

describe('venue markers on a crowded phone map', () => {
  it('move apart by about their own size, not a country away because a name was in the way', () => {
    const offsets = placeMarkers(phone, controls, { width: 314, height: 320 });
    const moved = Object.fromEntries([...offsets].map(([id, o]) => [id, Math.round(Math.hypot(o.dx, o.dy))]));
    // Pushed by the names of their neighbours, Kabul went 72 px (into the Arabian Sea) and Ankara 51 (into Sudan).
    for (const [id, d] of Object.entries(moved)) expect(d, id).toBeLessThanOrEqual(40);
    // Brussels, alone in Europe, and Beijing stay near their places.
    expect(moved.brussels).toBeLessThanOrEqual(28);
    expect(moved.beijing).toBeLessThanOrEqual(28);
  });
});
