import CadenceChart from '../charts/CadenceChart.svelte';
import { SVG_MARK_LIMIT } from '../charts/cadence-geometry';
import TopicChart from '../charts/TopicChart.svelte';
import { loadCountries } from '../map/countries';
import type { Dashboard } from '../state/dashboard.svelte';
import { altText, VIEW_TITLES, type ViewName } from './alt';
import { describeFilters, sourceLine } from './describe';
import { writeMapSvg, type MapView } from './map-svg';
import { renderChartOffscreen } from './serialize-chart';
import { bodyBox, composeSlide, slideSize, type LegendItem, type SlidePreset } from './slide';
import { SLIDE_THEMES } from './themes';

export type { ViewName };

export interface Context {
  dash: Dashboard;
  colour: (partner: string) => string;
  /** The map's visible area, when the map is on screen. */
  mapView?: MapView | null;
}

function common(ctx: Context) {
  const { dash } = ctx;
  const topic = (id: string) => dash.data.dataset.topics.find((t) => t.id === id)?.label ?? id;
  const venue = (id: string) => dash.data.venueNames.get(id) ?? id;
  return {
    subtitle: describeFilters(dash.filters, { topic, venue }),
    source: sourceLine(dash.data.dataset.sources, dash.data.dataset.dialogues, dash.data.label),
    partners: dash.data.partners.map((p): LegendItem => ({ label: p, colour: ctx.colour(p) })),
  };
}

/** A view as a slide-ready, self-contained SVG document. */
export async function slideSvg(view: ViewName, ctx: Context, preset: SlidePreset): Promise<string> {
  const { dash, colour } = ctx;
  const { subtitle, source, partners } = common(ctx);
  const theme = SLIDE_THEMES[preset.theme];
  const { width, height } = slideSize(preset.ratio);
  const box = bodyBox(width, height);
  const content = { title: VIEW_TITLES[view], subtitle, source, alt: altText(view, dash) };

  if (view === 'map') {
    const countries = await loadCountries();
    const bounds: MapView['bounds'] = ctx.mapView?.bounds ?? boundsOf(dash);
    const dimmed = new Set(
      dash.filtering ? dash.data.venues.filter((v) => !dash.visibleVenues.has(v.venue.id)).map((v) => v.venue.id) : [],
    );
    const body = writeMapSvg(dash.data.venues, countries, { bounds }, box.width, box.height, theme, dimmed);
    const legend: LegendItem[] = [
      { label: 'held meetings (size: number of meetings)', colour: theme.venue, shape: 'dot' },
      { label: 'planned meetings only', colour: theme.venue, shape: 'ring' },
    ];
    return composeSlide({ ...content, legend, body, bodyWidth: box.width, bodyHeight: box.height }, preset, theme);
  }

  // Charts are drawn for a screen (12 px type): draw narrower, then scale up to fill the slide,
  // by as much as fits the height (at most 2×), so type reads at about 18–24 px on the slide.
  const render = (width: number) =>
    view === 'topics'
      ? renderChartOffscreen(
          TopicChart,
          {
            counts: dash.data.topicCounts,
            partners: dash.data.partners,
            colour,
            width,
            visible: dash.filtering ? dash.visibleTopicCounts : undefined,
          },
          preset.theme,
        )
      : renderChartOffscreen(
          CadenceChart,
          {
            lanes: dash.data.lanes,
            colour,
            width,
            today: dash.today,
            venueName: (id: string) => dash.data.venueNames.get(id) ?? id,
            visibleIds: dash.filtering && dash.data.dataset.dialogues.length <= SVG_MARK_LIMIT ? dash.visibleIds : null,
            visibleRows: dash.filtering ? dash.visibleRows : null,
            insights: dash.insights,
          },
          preset.theme,
        );
  const first = render(box.width);
  const grow = Math.max(1, Math.min(2, box.height / first.height));
  const chart = grow > 1.05 ? render(Math.round(box.width / grow)) : first;
  const legend: LegendItem[] =
    view === 'cadence'
      ? [
          ...partners,
          { label: 'held', colour: theme.muted, shape: 'dot' },
          { label: 'planned', colour: theme.muted, shape: 'ring' },
        ]
      : partners;
  return composeSlide(
    { ...content, legend, body: chart.markup, bodyWidth: chart.width, bodyHeight: chart.height },
    preset,
    theme,
  );
}

/** The venues' extent with some margin, when the map is not on screen to ask. */
function boundsOf(dash: Dashboard): MapView['bounds'] {
  const vs = dash.data.dataset.venues;
  if (vs.length === 0)
    return [
      [-50, -170],
      [70, 170],
    ];
  const lats = vs.map((v) => v.lat);
  const lons = vs.map((v) => v.lon);
  const pad = 6;
  return [
    [Math.min(...lats) - pad, Math.min(...lons) - pad],
    [Math.max(...lats) + pad, Math.max(...lons) + pad],
  ];
}
