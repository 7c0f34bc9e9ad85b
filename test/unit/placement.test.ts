import { describe, expect, it } from 'vitest';
import {
  findLabelSpot,
  hitAreas,
  labelSpots,
  meets,
  placeMarkers,
  type PlacedMarker,
  type Rect,
} from '../../src/lib/map/placement';

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

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });

describe('a venue name on a crowded phone map', () => {
  // Present's map on a 360×740 phone, as measured there: "Islamabad 3", placed first, sits above its
  // marker; Kabul (planned, dashed), moved 16 px left of Islamabad, has its name on its left.
  const frame = rect(10.8, 197.4, 349.2, 570.9);
  const islamabad = { dot: rect(256.8, 405.4, 280.8, 429.4), label: rect(213.8, 378.9, 323.8, 403.4) };
  const kabul = { target: rect(222.8, 400.4, 250.8, 428.4), label: rect(149.9, 402.1, 217.8, 426.6) };
  const others = [
    islamabad.dot,
    islamabad.label,
    rect(260.8, 414.4, 266.8, 420.4), // where Islamabad really is (its leader line's end)
    rect(60.9, 343.4, 74.7, 357.3), // Brussels' dot and name
    rect(86.8, 338.1, 180, 362.6),
    rect(20.8, 207.4, 54.8, 271.4), // the zoom buttons, layers and credit
    rect(291.2, 207.4, 339.2, 255.4),
    rect(109.6, 555.5, 349.2, 570.9),
  ];

  it('is shown beside its marker where there is room, though its usual spot touches another name by a few px', () => {
    // Its left overlapped the bottom of "Islamabad 3" by 4×1 px, and every other spot by as little:
    // no spot was clear, so "Kabul 1" was hidden with the space left of and below it empty.
    expect(meets(kabul.label, islamabad.label)).toBe(true);
    const spot = findLabelSpot(labelSpots(kabul.target, kabul.label, false), frame, others);
    expect(spot, 'Kabul 1 is hidden').toBeDefined();
    const { rect: r } = spot!;
    // Clear of every name and dot, inside the map, and still next to Kabul's marker: beside it (sharing
    // its rows) or above or below it (sharing its columns), not drifted off to read as another's.
    expect(others.filter((o) => meets(r, o))).toEqual([]);
    expect(r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom).toBe(true);
    const rows = r.top < kabul.target.bottom && r.bottom > kabul.target.top;
    const columns = r.left < kabul.target.right && r.right > kabul.target.left;
    expect(rows || columns).toBe(true);
    expect(meets(r, kabul.target)).toBe(false);
    expect(r.right - r.left).toBeCloseTo(kabul.label.right - kabul.label.left);
  });

  it('keeps its own side, unmoved, where that is clear', () => {
    const spot = findLabelSpot(labelSpots(kabul.target, kabul.label, false), frame, [islamabad.dot]);
    expect(spot).toEqual({ place: null, rect: kabul.label, dx: 0, dy: 0 });
  });
});

describe('venue markers far apart but for a name', () => {
  // Present's map at 1366×768 with the five-partner upload, as measured there (the map's pixels):
  // "London 5" on London's right reached over Berlin's marker, 92 px east of London.
  const europe: PlacedMarker[] = [
    ['london', 229, 71, 75, 5],
    ['berlin', 321, 60, 72, 2],
    ['madrid', 206, 180, 72, 2],
    ['ankara', 453, 184, 72, 4],
  ].map(([id, x, y, width, weight]) => ({
    id: id as string,
    x: x as number,
    y: y as number,
    size: 28,
    label: { width: width as number, height: 19, side: 'right' as const },
    weight: weight as number,
  }));
  const buttons = [
    { x: 10, y: 10, width: 34, height: 64 },
    { x: 1226, y: 10, width: 48, height: 48 },
  ];

  it('stay in place: the name goes to its own marker’s other side instead of pushing Berlin north', () => {
    const placed = placeMarkers(europe, buttons, { width: 1284, height: 582 });
    for (const m of europe) expect(placed.get(m.id), m.id).toMatchObject({ dx: 0, dy: 0 });
    expect(placed.get('london')!.side).toBe('left');
    expect(placed.get('berlin')!.side).toBe('right');
  });

  it('still move a marker off a name that has no clear other side', () => {
    // A venue just west of London takes the room its name would flip to.
    const crowded = [...europe, { ...europe[2]!, id: 'west', x: 170, y: 71, label: { ...europe[2]!.label } }];
    const placed = placeMarkers(crowded, buttons, { width: 1284, height: 582 });
    const berlin = placed.get('berlin')!;
    expect(placed.get('london')!.side).toBe('right');
    expect(Math.hypot(berlin.dx, berlin.dy)).toBeGreaterThan(0);
  });
});

describe('hitAreas: overlapping targets share the overlap, each dot’s centre its own', () => {
  const inside = (poly: [number, number][], [x, y]: [number, number]) =>
    poly.every(([x1, y1], i) => {
      const [x2, y2] = poly[(i + 1) % poly.length]!;
      return (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= 0;
    });
  it('leaves a target clear of the others whole', () => {
    expect(
      hitAreas([
        { x: 0, y: 0, size: 28 },
        { x: 40, y: 0, size: 28 },
      ]),
    ).toEqual([null, null]);
  });
  it('cuts two overlapping targets along the line halfway between their centres', () => {
    const [a, b] = hitAreas([
      { x: 100, y: 100, size: 28 },
      { x: 110, y: 104, size: 28 },
    ]);
    // Rawalpindi's square reached over Dushanbe's centre: now neither reaches the other's.
    expect(inside(a!, [14, 14])).toBe(true);
    expect(inside(a!, [24, 18])).toBe(false);
    expect(inside(b!, [14, 14])).toBe(true);
    expect(inside(b!, [4, 10])).toBe(false);
  });
  it('cuts one target by every neighbour, and cannot split two drawn on the same spot', () => {
    const [a] = hitAreas([
      { x: 0, y: 0, size: 28 },
      { x: 12, y: 0, size: 28 },
      { x: 0, y: -12, size: 28 },
    ]);
    expect(inside(a!, [14, 14])).toBe(true);
    expect(inside(a!, [26, 14])).toBe(false);
    expect(inside(a!, [14, 2])).toBe(false);
    expect(
      hitAreas([
        { x: 5, y: 5, size: 28 },
        { x: 5, y: 5, size: 28 },
      ]),
    ).toEqual([null, null]);
  });
});
