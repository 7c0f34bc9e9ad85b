import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import type { VenueSummary } from '../data/aggregate';
import { labelSide, markerRadius, MIN_RADIUS } from '../map/venue-markers';
import type { SlideTheme } from './themes';
import { el, text } from './xml';

export interface MapView {
  /** [[south, west], [north, east]] of the area to show. */
  bounds: [[number, number], [number, number]];
}

/**
 * The venue map as vector SVG: Natural Earth country shapes in Web Mercator (as on screen),
 * the venues sized by meetings (hollow when only planned), and their names.
 */
export function writeMapSvg(
  venues: readonly VenueSummary[],
  countries: FeatureCollection,
  view: MapView,
  width: number,
  height: number,
  theme: SlideTheme,
  dimmed: ReadonlySet<string> = new Set(),
): string {
  const [[s, w], [n, e]] = view.bounds;
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
  const path = geoPath(projection).digits(1);
  const land = countries.features
    .map((f) => path(f))
    .filter((d): d is string => !!d)
    .map((d) => el('path', { d }))
    .join('');
  const max = Math.max(1, ...venues.map((v) => v.meetings.length));
  const allVenues = venues.map((v) => v.venue);
  const marks = venues
    .filter((v) => v.meetings.length > 0)
    .map((v) => {
      const p = projection([v.venue.lon, v.venue.lat]);
      if (!p || p[0] < 0 || p[0] > width || p[1] < 0 || p[1] > height) return '';
      const [x, y] = p;
      const r = Math.max(MIN_RADIUS, markerRadius(v.meetings.length, max)) * 1.4;
      const onlyPlanned = v.held === 0;
      const opacity = dimmed.has(v.venue.id) ? 0.3 : 1;
      const dot = onlyPlanned
        ? el('circle', {
            cx: x,
            cy: y,
            r,
            fill: theme.background,
            stroke: theme.venue,
            'stroke-width': 3,
            'stroke-dasharray': '5 4',
          })
        : el('circle', { cx: x, cy: y, r, fill: theme.venue, stroke: theme.halo, 'stroke-width': 2.5 });
      const label = `${v.venue.name} ${v.meetings.length}`;
      const left = labelSide(v.venue, allVenues) === 'left';
      const tx = left ? x - r - 8 : x + r + 8;
      const anchor = left ? 'end' : null;
      const at = { x: tx, y: y + 7, 'text-anchor': anchor, 'font-size': 22, 'font-weight': 700 };
      // The halo is a stroked copy under the text: slide programs do not all know paint-order.
      const halo = text(
        { ...at, fill: 'none', stroke: theme.halo, 'stroke-width': 5, 'stroke-linejoin': 'round' },
        label,
      );
      return el('g', { opacity: opacity === 1 ? null : opacity }, dot + halo + text({ ...at, fill: theme.ink }, label));
    })
    .join('');
  return (
    el('rect', { x: 0, y: 0, width, height, fill: theme.water }) +
    el('g', { fill: theme.land, stroke: theme.border, 'stroke-width': 0.8 }, land) +
    marks
  );
}
