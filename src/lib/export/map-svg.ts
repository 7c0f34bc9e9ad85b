import { geoMercator, geoPath, type GeoStream } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import type { VenueSummary } from '../data/aggregate';
import { formatCount } from '../data/format-count';
import { isolate } from '../data/isolate';
import { placeMarkers } from '../map/placement';
import { labelSide, markerRadius, MIN_RADIUS, venueCountText, type VenueFilterTally } from '../map/venue-markers';
import type { SlideTheme } from './themes';
import { el, text, title } from './xml';

export interface MapView {
  /** [[south, west], [north, east]] of the area to show. */
  bounds: [[number, number], [number, number]];
}

/**
 * A stream filter on projected points that drops each point closer than `tolerance` px to the
 * last one kept, and rings left with fewer than four points (specks smaller than a few pixels).
 * d3-geo projects and clips but does not simplify; topojson-simplify is not a dependency, and
 * this radial-distance pass is all a slide needs (shapes are drawn at most ~2000 px wide).
 */
export function simplifyStream(sink: GeoStream, tolerance: number): GeoStream {
  let ring: [number, number][] | null = null;
  let inPolygon = false;
  const t2 = tolerance * tolerance;
  return {
    point(x, y) {
      if (!ring) return sink.point(x, y);
      const last = ring.at(-1);
      if (!last || (x - last[0]) ** 2 + (y - last[1]) ** 2 >= t2) ring.push([x, y]);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      const points = ring!;
      ring = null;
      if (inPolygon && points.length < 4) return;
      sink.lineStart();
      for (const [x, y] of points) sink.point(x, y);
      sink.lineEnd();
    },
    polygonStart() {
      inPolygon = true;
      sink.polygonStart();
    },
    polygonEnd() {
      inPolygon = false;
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

/** A label's or a dot's extent on the picture. */
type Box = { x0: number; y0: number; x1: number; y1: number };

/** Venues named on an exported map, the busiest first; the rest are dots (and listed in the alt text). */
const MAX_LABELS = 60;

/** Bytes of country shapes a map export may carry (the whole file stays under 120 KB). */
const LAND_BUDGET = 105_000;

/** Steps of a nudge, nearest first, up to `most` each way: 3, -3, 6, -6, … */
const steps = (step: number, most: number): number[] =>
  Array.from({ length: Math.floor(most / step) }, (_, k) => [(k + 1) * step, -(k + 1) * step]).flat();

/** A number at 0.1 px, as short as SVG allows: "-0.5" → "-.5". */
const num = (n: number): string => {
  const r = Math.round(n * 10) / 10 || 0;
  return String(r).replace(/^(-?)0\./, '$1.');
};

/**
 * A canvas-like context that writes path data with relative line commands (from positions
 * rounded to 0.1 px, so no error adds up): about half the bytes of geoPath's absolute output.
 */
export class CompactPath {
  #d = '';
  #x = 0;
  #y = 0;
  #inLine = false;
  moveTo(x: number, y: number) {
    this.#x = Math.round(x * 10);
    this.#y = Math.round(y * 10);
    this.#d += `M${num(this.#x / 10)},${num(this.#y / 10)}`;
    this.#inLine = false;
  }
  lineTo(x: number, y: number) {
    const nx = Math.round(x * 10);
    const ny = Math.round(y * 10);
    if (nx === this.#x && ny === this.#y) return;
    const dx = num((nx - this.#x) / 10);
    const dy = num((ny - this.#y) / 10);
    this.#d += `${this.#inLine ? (dx.startsWith('-') ? '' : ' ') : 'l'}${dx}${dy.startsWith('-') ? '' : ','}${dy}`;
    this.#inLine = true;
    this.#x = nx;
    this.#y = ny;
  }
  beginPath() {
    // Each shape's path data is taken whole (see take()).
  }
  closePath() {
    this.#d += 'z';
    this.#inLine = false;
  }
  arc() {
    // Points (venues) are drawn as circles elsewhere; shapes never ask for arcs.
  }
  /** The path data written since the last call, and a fresh start. */
  take(): string {
    const d = this.#d;
    this.#d = '';
    return d;
  }
}

/**
 * The venue map as vector SVG: Natural Earth country shapes in Web Mercator (as on screen),
 * clipped to the exported extent and simplified to about a pixel, the venues sized by meetings
 * (hollow when only planned), and their names.
 */
export function writeMapSvg(
  venues: readonly VenueSummary[],
  countries: FeatureCollection,
  view: MapView,
  width: number,
  height: number,
  theme: SlideTheme,
  dimmed: ReadonlySet<string> = new Set(),
  /** While filtering, each venue's matching meetings: its label reads "2/3", as on the page. */
  tallies: ReadonlyMap<string, NonNullable<VenueFilterTally>> | null = null,
): string {
  // Web Mercator ends short of the poles: a world-wide view's ±90° would make the fit's scale 0 and
  // every position NaN (a blank slide). Leaflet reports such bounds when zoomed out past the world.
  const [[s, w], [n, e]] = [
    [Math.max(-85, view.bounds[0][0]), Math.max(-180, view.bounds[0][1])],
    [Math.min(85, view.bounds[1][0]), Math.min(180, view.bounds[1][1])],
  ];
  const projection = geoMercator()
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [w, s],
          [e, n],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  // Shapes to about 2 px of a 1920 px slide; coarser only if a wide view would still be heavy.
  let land = '';
  for (const tolerance of [2, 3, 4.5, 7, 10]) {
    const simplified = { stream: (sink: GeoStream) => projection.stream(simplifyStream(sink, tolerance)) };
    const context = new CompactPath();
    const path = geoPath(simplified, context);
    land = countries.features
      .map((f) => {
        path(f);
        return context.take();
      })
      .filter((d) => d.length > 0)
      .map((d) => el('path', { d }))
      .join('');
    if (land.length <= LAND_BUDGET) break;
  }
  // A loop, not Math.max(...venues): spreading tens of thousands of arguments overflows the stack.
  let max = 1;
  for (const v of venues) if (v.meetings.length > max) max = v.meetings.length;
  // Venues in view, most meetings first: all get a dot, the first MAX_LABELS a name (more would pile up).
  const inView: { v: VenueSummary; x: number; y: number }[] = [];
  for (const v of venues) {
    if (v.meetings.length === 0) continue;
    const p = projection([v.venue.lon, v.venue.lat]);
    if (!p || p[0] < 0 || p[0] > width || p[1] < 0 || p[1] > height) continue;
    inView.push({ v, x: p[0], y: p[1] });
  }
  inView.sort((a, b) => b.v.meetings.length - a.v.meetings.length);
  const named = inView.slice(0, MAX_LABELS).map(({ v }) => v.venue);
  const radius = (v: VenueSummary) => Math.max(MIN_RADIUS, markerRadius(v.meetings.length, max)) * 1.4;
  // Dots that would overlap (Kabul's ring on Islamabad's dot, seen from afar) are pushed apart as on
  // the live map, the busier staying put, with a leader line and a small dot at the true place.
  const leaders: string[] = [];
  const anchors: Box[] = [];
  if (inView.length > 1 && inView.length <= MAX_LABELS) {
    // Shifted far from the placement's edges: a dot near the slide's edge is clipped there, not pulled in.
    const far = 1e5;
    const offsets = placeMarkers(
      inView.map(({ v, x, y }) => ({
        id: v.venue.id,
        x: x + far,
        y: y + far,
        size: 2 * radius(v) + 6,
        label: { width: 0, height: 0, side: 'right' as const },
        weight: Math.max(1, v.meetings.length),
      })),
      [],
      { width: width + 2 * far, height: height + 2 * far },
    );
    for (const at of inView) {
      const { dx, dy } = offsets.get(at.v.venue.id) ?? { dx: 0, dy: 0 };
      if (dx === 0 && dy === 0) continue;
      // A venue outside the filters fades with its leader: a solid dot at its true place would read
      // as a held meeting at a venue labelled "0/1".
      const opacity = dimmed.has(at.v.venue.id) ? 0.3 : null;
      leaders.push(
        el('line', { x1: at.x, y1: at.y, x2: at.x + dx, y2: at.y + dy, opacity }),
        el('circle', { cx: at.x, cy: at.y, r: 3.5, opacity }),
      );
      anchors.push({ x0: at.x - 4, y0: at.y - 4, x1: at.x + 4, y1: at.y + 4 });
      at.x += dx;
      at.y += dy;
    }
  }
  // Each name where it overlaps no name placed before it (the busiest first) nor any dot, inside the
  // picture: its usual side, the other side, above, below; else clear of names at least; else left out (the dot's
  // title and the alt text still name it). Two names printed over each other read as neither.
  const placed: Box[] = [];
  const dotBoxes = inView.map(({ v, x, y }) => {
    const r = radius(v);
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
  const clear = (b: Box, others: readonly Box[]) =>
    !others.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  const dots: string[] = [];
  /** Opaque land under each faded dot: what lay beneath (its own leader's dot, borders) showed through it. */
  const under: string[] = [];
  const labels: string[] = [];
  inView.forEach(({ v, x, y }, i) => {
    const r = radius(v);
    const faded = dimmed.has(v.venue.id);
    if (faded) under.push(el('circle', { cx: x, cy: y, r: r + 1.5 }));
    const labelled = i < MAX_LABELS;
    const name = labelled
      ? title(`${v.venue.name}: ${formatCount(v.held)} held, ${formatCount(v.planned)} planned`)
      : '';
    dots.push(
      v.held === 0
        ? el(
            'circle',
            {
              cx: x,
              cy: y,
              r,
              fill: theme.background,
              stroke: theme.venue,
              'stroke-width': 3,
              'stroke-dasharray': '5 4',
              opacity: faded ? 0.3 : null,
            },
            name,
          )
        : el(
            'circle',
            {
              cx: x,
              cy: y,
              r,
              fill: theme.venue,
              stroke: theme.halo,
              'stroke-width': 2.5,
              opacity: faded ? 0.3 : null,
            },
            name,
          ),
    );
    if (!labelled) return;
    // A venue outside the filters keeps a readable name: its dot fades, its label turns to the muted ink.
    // The name isolated: an Urdu name does not take the count into its direction ("9 اسلام آباد").
    const label = `${isolate(v.venue.name)} ${venueCountText(v, tallies ? (tallies.get(v.venue.id) ?? null) : undefined)}`;
    // 22 px bold: about 0.6 of the size a character (isolates, where a name has them, take none); the box from cap height to baseline, with a margin.
    const w = label.replace(/[\u2068\u2069]/g, '').length * 13.2;
    const side = labelSide(v.venue, named);
    const own = {
      x: side === 'left' ? x - r - 8 : x + r + 8,
      y: y + 7,
      anchor: side === 'left' ? 'end' : null,
    } as const;
    const flip = {
      x: side === 'left' ? x + r + 8 : x - r - 8,
      y: y + 7,
      anchor: side === 'left' ? null : 'end',
    } as const;
    const above = { x, y: y - r - 8, anchor: 'middle' } as const;
    const below = { x, y: y + r + 24, anchor: 'middle' } as const;
    type Spot = { x: number; y: number; anchor: 'end' | 'middle' | null };
    const moved = (c: Spot, dx: number, dy: number): Spot => ({ x: c.x + dx, y: c.y + dy, anchor: c.anchor });
    // Then the same a little further (as the live map's labelSpots): a side's name up or down by up
    // to half its height, a name above or below lifted off its dot by up to 8 px, and to either side by up to
    // half its width. Without them, among Tehran, Doha and Islamabad every one of Kabul's four spots
    // touched a dot by a pixel or two, and "Kabul 2" was printed over Tehran's dot.
    const candidates: Spot[] = [
      own,
      flip,
      above,
      below,
      ...steps(3, 12).flatMap((dy) => [moved(own, 0, dy), moved(flip, 0, dy)]),
      ...[0, 4, 8].flatMap((lift) =>
        [0, ...steps(6, w / 2)].flatMap((dx) => [moved(above, dx, -lift), moved(below, dx, lift)]),
      ),
    ];
    const boxOf = (c: Spot): Box => {
      const x0 = c.anchor === 'end' ? c.x - w : c.anchor === 'middle' ? c.x - w / 2 : c.x;
      return { x0: x0 - 3, y0: c.y - 19, x1: x0 + w + 3, y1: c.y + 6 };
    };
    const others = dotBoxes.filter((_, k) => k !== i).concat(anchors);
    // Inside the picture first: a name its edge cuts ("Islama") reads as another name.
    const inside = (b: Box) => b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height;
    const spot =
      candidates.find((c) => inside(boxOf(c)) && clear(boxOf(c), placed) && clear(boxOf(c), others)) ??
      candidates.find((c) => inside(boxOf(c)) && clear(boxOf(c), placed)) ??
      candidates.find((c) => clear(boxOf(c), placed) && clear(boxOf(c), others)) ??
      candidates.find((c) => clear(boxOf(c), placed));
    if (!spot) return;
    placed.push(boxOf(spot));
    const at = { x: spot.x, y: spot.y, 'text-anchor': spot.anchor };
    // The halo is a stroked copy under the text: slide programs do not all know paint-order.
    labels.push(
      text({ ...at, fill: 'none', stroke: theme.halo, 'stroke-width': 5, 'stroke-linejoin': 'round' }, label),
    );
    labels.push(text({ ...at, fill: faded ? theme.muted : null }, label));
  });
  return (
    el('rect', { width, height, fill: theme.water }) +
    el('g', { fill: theme.land, stroke: theme.border, 'stroke-width': 0.8 }, land) +
    (leaders.length
      ? el('g', { class: 'leaders', stroke: theme.venue, fill: theme.venue, 'stroke-width': 2 }, leaders.join(''))
      : '') +
    (under.length ? el('g', { class: 'under', fill: theme.land }, under.join('')) : '') +
    el('g', { class: 'venues' }, dots.join('')) +
    (labels.length ? el('g', { 'font-size': 22, 'font-weight': 700, fill: theme.ink }, labels.join('')) : '')
  );
}
