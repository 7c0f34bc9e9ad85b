// src/lib/export: what leaves the page — slides (SVG, PNG, .pptx), chart SVG, CSV, data packages, the offline briefing — drawn from the layers below.
import CadenceChart from '../charts/CadenceChart.svelte';
import { SVG_MARK_LIMIT } from '../charts/cadence-geometry';
import { COMPACT_BELOW } from '../charts/cadence-layout';
import { themedColour } from '../charts/dark-palette';
import { markEdge } from '../charts/mark-edge';
import { approxTextWidth } from '../charts/text';
import { otherPartners, partnerLegend, sharedColour } from './partner-legend';
import { COUNTRY_SHAPES_CREDIT, loadCountries } from '../map/countries';
import type { Dashboard } from '../state/dashboard.svelte';
import { matchingInsights, matchingLanes, matchingPartners, matchingTracks } from '../state/matching';
import type { SlidePreset } from '../state/slide-preset';
import { altText, shownUnplaced, VIEW_TITLES, type ViewName } from './alt';
import { describeFilters, overdueAsOf, sourceLine, unplacedText } from './describe';
import { writeMapSvg, type MapView } from './map-svg';
import { renderChartOffscreen } from './serialize-chart';
import {
  bodyBox,
  composeSlide,
  legendRowsOf,
  noteLines,
  slideSize,
  slideSubtitleFits,
  sourceLines,
  type LegendItem,
} from './slide';
import { FONT_STACK, SLIDE_THEMES, type SlideTheme } from './themes';
import { deckBoxWidth, deckSlideWidth, deckSubtitleFits, pictureBox, topicsThatFit, type DeckSlide } from './deck';
import { overviewNote, overviewTracks, OVERVIEW_MIN_PT } from './overview-tracks';
import { fitTopics, TOPIC_FRAME_EXTRA } from '../charts/topic-fit';
import { ROW_ONE_LINE } from '../charts/topic-layout';
import { isolate } from '../data/isolate';
import { formatPartialDate } from '../data/partial-date';
import type { Dialogue, Source } from '../data/schema';
import { writeTopicSvg } from './topic-svg';
import { text as svgText } from './xml';

export type { ViewName };

/** More partners than this get no slide each in the deck (the timeline of all of them stays). */
const MAX_PARTNER_SLIDES = 8;

/**
 * An SVG slide's pixels to the deck slide's inch: 1920 px across 13.333 in (16:9), 1440 across 10
 * (4:3), 144 either way. A chart drawn for a box of the deck's at this density is drawn as the SVG
 * and PNG slides draw it, type and all.
 */
const slidePpi = (ratio: SlidePreset['ratio']) => slideSize(ratio).width / deckSlideWidth(ratio);

/** A deck's timeline is drawn as on an SVG slide: 192 px to the inch, across its picture's box (12.4 in on 16:9, 9.1 in on 4:3). */
const timelineAcross = (ratio: SlidePreset['ratio']) => Math.round(deckBoxWidth(ratio) * 192);

export interface Context {
  dash: Dashboard;
  colour: (partner: string) => string;
}

/**
 * `#rrggbb` drawn at `opacity` over `#rrggbb`. Written here: the one colour mix the slides need,
 * and d3-interpolate imported from export code would be split into a chunk of its own.
 */
function over(colour: string, background: string, opacity: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mixed = [0, 1, 2].map((i) => Math.round(channel(colour, i) * opacity + channel(background, i) * (1 - opacity)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Filters are on and no meeting passes them: a view says so rather than drawing only what does not match. */
const matchesNone = (dash: Dashboard) => dash.filtering && dash.visibleCount === 0;

/** What every slide of a view says besides its chart: title, filters, legend, source, alt text. */
export interface SlideText {
  title: string;
  subtitle: string;
  /** The subtitle with every filter named in full (a subtitle may summarise them): for the speaker notes, which have room. */
  showing: string;
  source: string;
  alt: string;
  legend: LegendItem[];
  /** A map's meetings it cannot place ("2 of 3 meetings name no venue and are not on the map"), on a line under it: empty for none. */
  note: string;
}

export function slideText(
  view: ViewName,
  ctx: Context,
  theme: SlideTheme,
  /** Whether a subtitle has room on the slide (slideSubtitleFits, deckSubtitleFits): past it, describeFilters summarises. */
  fits: (subtitle: string) => boolean,
  /** A timeline of one partner's tracks (a deck's slide per partner): that partner. */
  partner?: string,
  /** A timeline of some tracks only (the deck's overview, when every track would be too small to read): their keys. */
  only?: ReadonlySet<string>,
): SlideText {
  const { dash } = ctx;
  const topic = (id: string) => dash.data.dataset.topics.find((t) => t.id === id)?.label ?? id;
  const venue = (id: string) => dash.data.venueNames.get(id) ?? id;
  const lanes = partnerLanes(dash, partner, only);
  const keys = new Set(lanes.map((l) => l.key));
  const insights = matchingInsights(dash).filter((i) => keys.has(i.key));
  // Under filters a slide draws only the tracks with a matching meeting: the legend names their partners.
  const partners: LegendItem[] = partnerLegend(
    partner
      ? [partner]
      : only
        ? matchingPartners(dash).filter((p) => lanes.some((l) => l.partner === p))
        : matchingPartners(dash),
    ctx.colour,
  ).map((p) => {
    const colour = themedColour(p.colour, theme.name);
    return { ...p, colour, edge: markEdge(colour, theme.edgeBackground) };
  });
  // The marks the timeline draws (every mark, up to the count drawn as marks rather than strips).
  const drawn = view === 'cadence' ? lanes : [];
  const asMarks = drawn.reduce((n, l) => n + l.meetings.length, 0) <= SVG_MARK_LIMIT;
  const draws = (test: (d: Dialogue) => boolean) => drawn.some((l) => l.meetings.some(test));
  const legend: LegendItem[] =
    view === 'map'
      ? [
          { label: 'held there (size: meetings held or planned)', colour: theme.venue, shape: 'dot' },
          { label: 'planned meetings only', colour: theme.venue, shape: 'ring' },
          // A venue none of whose meetings match is drawn faded (at 0.3): its colour over the slide's.
          ...(dash.filtering && dash.data.venues.some((v) => !dash.visibleVenues.has(v.venue.id))
            ? [
                {
                  label: 'not matching the filters',
                  colour: over(theme.venue, theme.background, 0.3),
                  shape: 'dot',
                } as const,
              ]
            : []),
        ]
      : view === 'cadence'
        ? [
            ...partners,
            ...(!asMarks || draws((d) => d.status === 'held')
              ? [{ label: 'held', colour: theme.muted, shape: 'dot' } as const]
              : []),
            ...(!asMarks || draws((d) => d.status === 'planned')
              ? [{ label: 'planned', colour: theme.muted, shape: 'ring' } as const]
              : []),
            // A meeting known only to the month or year, held or planned, is drawn as wide as that month or year.
            ...(asMarks && draws((d) => d.date !== null && d.date.precision !== 'day')
              ? [{ label: 'date known to the month or year', colour: theme.muted, shape: 'pill' } as const]
              : []),
            // The brackets over a track's held meetings, with the months between them.
            ...(asMarks && drawn.some((l) => l.gaps.length > 0)
              ? [{ label: 'interval between held meetings', colour: theme.muted, shape: 'interval' } as const]
              : []),
            ...(insights.some((i) => i.next?.basis === 'interval')
              ? [{ label: 'expected, not announced', colour: theme.muted, shape: 'diamond' } as const]
              : []),
            // The tracks drawn hold meetings the filters leave out, drawn faded.
            ...(dash.filtering && lanes.reduce((n, l) => n + l.rows.length, 0) > shownIn(dash, lanes, partner || only)
              ? [{ label: 'not matching the filters', colour: theme.ghost, shape: 'dot' } as const]
              : []),
          ]
        : matchesNone(dash)
          ? [] // no bars: the slide says no meeting matches
          : dash.filtering
            ? [...partners, { label: 'not matching the filters', colour: theme.ghost }]
            : partners;
  // Around the filters, kept whole as they are: long lists of names are summarised to leave them room.
  const head = partner ? `${isolate(partner)}: ` : '';
  const late = lateTracks(dash);
  const tail = only ? ` · ${overviewNote(lanes.length, partnerLanes(dash).length, late.size > 0)}` : '';
  return {
    title: VIEW_TITLES[view],
    subtitle: head + describeFilters(dash.filters, { topic, venue }, (words) => fits(head + words + tail)) + tail,
    showing: head + describeFilters(dash.filters, { topic, venue }) + tail,
    // A map draws Natural Earth's country shapes: credited as the live map credits them.
    source:
      sourceLine(
        dash.data.citedSources,
        dash.data.dataset.dialogues,
        dash.data.label,
        view === 'cadence' ? overdueAsOf(insights, dash.today) : undefined,
      ) + (view === 'map' ? ` · ${COUNTRY_SHAPES_CREDIT}` : ''),
    alt: altText(view, dash, partner || only ? keys : undefined, !partner && !!only),
    legend,
    // A map slide says how many of the meetings shown it cannot place (no venue, or one the venues file
    // lacks), under the map: after the filters, it set them smaller than on the other views' slides.
    note: view === 'map' ? unplacedText(shownUnplaced(dash)) : '',
  };
}

/** The keys of the tracks drawn with something overdue (a planned round past its date, or past their usual interval). */
function lateTracks(dash: Dashboard): Set<string> {
  return new Set(
    matchingInsights(dash)
      .filter((i) => i.next?.overdue)
      .map((i) => i.key),
  );
}

/** The tracks a timeline slide draws: those with a matching meeting, of one partner when given, of `only` when given. */
function partnerLanes(dash: Dashboard, partner?: string, only?: ReadonlySet<string>) {
  const lanes = matchingLanes(dash);
  return lanes.filter((l) => (!partner || l.partner === partner) && (!only || only.has(l.key)));
}

/** How many of these tracks' meetings pass the filters (of every track, unless `some`: the dashboard's count). */
function shownIn(dash: Dashboard, lanes: readonly { rows: Uint32Array }[], some?: unknown): number {
  if (!some) return dash.visibleCount;
  const shown = new Set(dash.visibleRows);
  let n = 0;
  for (const l of lanes) for (const r of l.rows) if (shown.has(r)) n++;
  return n;
}

/** A view's chart alone, as SVG markup to draw in a box about `width` × `height`. */
export async function chartBody(
  view: ViewName,
  ctx: Context,
  themeName: 'light' | 'dark',
  width: number,
  height: number,
  /** The slide has no background (see renderChartOffscreen). */
  seeThrough = false,
  /** A timeline of one partner's tracks. */
  partner?: string,
  /** A timeline of these tracks only (their keys). */
  only?: ReadonlySet<string>,
): Promise<{ markup: string; width: number; height: number }> {
  const { dash, colour } = ctx;
  const theme = SLIDE_THEMES[themeName];
  if (view === 'map') {
    const countries = await loadCountries();
    // Framed on the venues, for the SVG, the PNG and the deck alike: the live map's area (a tall
    // column at 1280 px) stretched to a slide's width ran from Labrador to Japan, the venues a band in its middle.
    const bounds = venueBounds(dash);
    const dimmed = new Set(
      dash.filtering ? dash.data.venues.filter((v) => !dash.visibleVenues.has(v.venue.id)).map((v) => v.venue.id) : [],
    );
    return {
      markup: writeMapSvg(
        dash.data.venues,
        countries,
        { bounds },
        width,
        height,
        theme,
        dimmed,
        dash.visibleVenueTallies,
      ),
      width,
      height,
    };
  }
  // No track has a matching meeting: the slide says so where the timeline would be (the page does too).
  // Nor where the topics would be: every bar grey, "0/5", looked like a chart of something.
  const lanes = partnerLanes(dash, partner, only);
  if ((view === 'cadence' && lanes.length === 0) || (view === 'topics' && matchesNone(dash))) {
    const message = dash.filtering ? 'No meetings match these filters.' : 'No meetings to show.';
    return { markup: svgText({ x: 0, y: 40, 'font-size': 28, fill: theme.muted }, message), width, height };
  }
  // Charts are laid out for a screen (12 px type): draw narrower, then scale up to fill the slide,
  // by as much as fits the height (at most 3×, for one or two short tracks), so type reads at 18–36 px on the slide.
  const render = (w: number) =>
    view === 'topics'
      ? writeTopicSvg({
          counts: dash.data.topicCounts,
          partners: dash.data.partners,
          colour,
          width: w,
          visible: dash.filtering ? dash.visibleTopicCounts : undefined,
          theme,
        })
      : renderChartOffscreen(
          CadenceChart,
          {
            lanes,
            colour,
            width: w,
            today: dash.today,
            venueName: (id: string) => dash.data.venueNames.get(id) ?? id,
            visibleIds: dash.filtering && dash.data.dataset.dialogues.length <= SVG_MARK_LIMIT ? dash.visibleIds : null,
            visibleRows: dash.filtering ? dash.visibleRows : null,
            rowColumns: dash.data.columns,
            insights: dash.insights,
            // The tracks the filters match, a track shown for its round expected in the period too (not faded).
            shownLanes: matchingTracks(dash),
            // The period filter: the next expected meeting outside it is faded, as on the page.
            periodFrom: dash.filters.from,
            periodTo: dash.filters.to,
            // Its marks take the theme's colours from the host's CSS; the density strips' pixels from this.
            theme: themeName,
          },
          themeName,
          seeThrough,
        );
  const first = render(width);
  // Never narrower than where the timeline puts names above lanes (as on a phone): a slide with one
  // short track would otherwise get the phone's layout, grown. Past 2×, not so narrow that the name
  // column (40% of the width) cuts a track's name short: type at 2× reads, a name cut does not.
  const widest = view === 'cadence' ? lanes.reduce((w, l) => Math.max(w, approxTextWidth(l.track, 12)), 0) + 16 : 0;
  const named = widest > 0 ? Math.max(2, (width * 0.4) / widest) : Infinity;
  const grow = Math.max(1, Math.min(3, height / first.height, width / COMPACT_BELOW, named));
  return grow > 1.05 ? render(Math.round(width / grow)) : first;
}

/** A view as a slide-ready, self-contained SVG document. */
export async function slideSvg(view: ViewName, ctx: Context, preset: SlidePreset): Promise<string> {
  const theme = SLIDE_THEMES[preset.theme];
  const { width, height } = slideSize(preset.ratio);
  const { title, subtitle, source, alt, legend, note } = slideText(view, ctx, theme, slideSubtitleFits(preset.ratio));
  const box = bodyBox(
    width,
    height,
    legendRowsOf(legend, width),
    sourceLines(source, width).lines.length,
    noteLines(note, width).length,
  );
  const chart = await chartBody(view, ctx, preset.theme, box.width, box.height, preset.background === 'transparent');
  return composeSlide(
    {
      title,
      subtitle,
      source,
      alt,
      legend,
      note,
      body: chart.markup,
      bodyWidth: chart.width,
      bodyHeight: chart.height,
    },
    preset,
    theme,
  );
}

/** The venues' extent with some margin: a map slide's area (the SVG's, the PNG's and the deck's). */
function venueBounds(dash: Dashboard): MapView['bounds'] {
  const vs = dash.data.dataset.venues;
  if (vs.length === 0)
    return [
      [-50, -170],
      [70, 170],
    ];
  // Loops, not Math.min(...lats): spreading tens of thousands of venues overflows the stack.
  let [s, w, n, e] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const v of vs) {
    s = Math.min(s, v.lat);
    n = Math.max(n, v.lat);
    w = Math.min(w, v.lon);
    e = Math.max(e, v.lon);
  }
  const pad = 6;
  return [
    [Math.max(-80, s - pad), Math.max(-180, w - pad)],
    [Math.min(84, n + pad), Math.min(180, e + pad)],
  ];
}

/** Each source given: its title, then publisher and date (as the page's footer gives them). */
function citations(sources: readonly Source[]): { text: string; detail: string }[] {
  return sources.map((s) => ({
    text: s.title,
    // The publisher isolated: an Urdu one would take " · " and the date's day into its direction.
    detail: [
      s.publisher && isolate(s.publisher),
      s.published ? formatPartialDate(s.published) : 'publication date not stated',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}

/** The sources for the presenter: under filters, those the meetings shown cite, as the Sources slide lists them. */
function sourceNotes(dash: Dashboard): string[] {
  const cited = dash.data.citedSources;
  const { sources } = shownSources(cited, dash.filtering ? dash.tableMeetings : null);
  const some =
    sources.length < cited.length
      ? ` of the meetings shown (${sources.length.toLocaleString('en')} of the ${cited.length.toLocaleString('en')} the data cites)`
      : '';
  return [`Sources${some}:`, ...citations(sources).map((c) => `- ${isolate(c.text)} · ${c.detail}`)];
}

/** The speaker notes of a view's slide: what it shows in words, the filters, and the sources. */
function speakerNotes(text: SlideText, dash: Dashboard): string {
  return [text.alt, `Showing: ${text.showing}.`, text.source, ...sourceNotes(dash)].join('\n');
}

/** A view's slide in the deck: its words, and speaker notes that name every filter. */
function deckSlide(text: SlideText, dash: Dashboard, body: DeckSlide['body']): DeckSlide {
  const { title, subtitle, legend, source, alt, note } = text;
  return { title, subtitle, legend, source, alt, ...(note && { note }), notes: speakerNotes(text, dash), body };
}

/** Sources listed on the closing slide (7.5 in tall in either shape; a title of two lines and its date each): past these, a line counts the rest. */
const LISTED_SOURCES = { '16:9': 8, '4:3': 8 } as const;

/**
 * The sources the closing slide lists, and its subtitle: every source the data cites, or under
 * filters (`shown`: the meetings that match them) only those the meetings shown cite, saying so.
 * Filters no meeting matches list every source: the slides before say that none matches.
 */
export function shownSources<S extends { id: string }>(
  cited: readonly S[],
  shown: readonly { sourceId: string }[] | null,
): { sources: S[]; subtitle: string } {
  const these = (n: number) => (n === 1 ? 'this source' : `these ${n.toLocaleString('en')} sources`);
  if (!shown)
    return { sources: [...cited], subtitle: `Every meeting on these slides is taken from ${these(cited.length)}.` };
  if (shown.length === 0)
    return {
      sources: [...cited],
      subtitle: `No meeting matches the filters; the data’s meetings are taken from ${these(cited.length)}.`,
    };
  const ids = new Set(shown.map((d) => d.sourceId));
  const sources = cited.filter((s) => ids.has(s.id));
  const meetings =
    shown.length === 1
      ? 'The one meeting shown (it matches the filters)'
      : `The ${shown.length.toLocaleString('en')} meetings shown (those matching the filters)`;
  // Meetings citing only sources the data does not list: the slide credits every source listed.
  if (sources.length === 0)
    return {
      sources: [...cited],
      subtitle: `${meetings} ${shown.length === 1 ? 'cites' : 'cite'} no source the data lists; its meetings are taken from ${these(cited.length)}.`,
    };
  const all = cited.length.toLocaleString('en');
  const of =
    sources.length === cited.length
      ? ''
      : sources.length === 1
        ? `, one of the ${all} the data cites`
        : `, of the ${all} the data cites`;
  return {
    sources,
    subtitle: `${meetings} ${shown.length === 1 ? 'is' : 'are'} taken from ${these(sources.length)}${of}.`,
  };
}

/**
 * The deck's closing slide: the sources the meetings shown are drawn from, for the audience to
 * see (the other slides name only their count, and their notes list them for the presenter).
 */
function sourcesSlide(dash: Dashboard, ratio: SlidePreset['ratio'], source: string): DeckSlide {
  const { sources, subtitle } = shownSources(dash.data.citedSources, dash.filtering ? dash.tableMeetings : null);
  const all = citations(sources);
  const listed = all.slice(0, LISTED_SOURCES[ratio]);
  const rest = all.length - listed.length;
  return {
    title: 'Sources',
    subtitle,
    legend: [],
    source,
    alt: '',
    notes: sourceNotes(dash).join('\n'),
    body: {
      kind: 'list',
      items: listed,
      ...(rest > 0 && { note: `and ${rest.toLocaleString('en')} more, listed in the data’s sources.csv` }),
    },
  };
}

/** The deck's timeline as drawn for its slides (`tall`: its height to its width): of one partner, or of some tracks. */
const timelineBody = (
  ctx: Context,
  preset: SlidePreset,
  tall: number,
  partner?: string,
  only?: ReadonlySet<string>,
) => {
  const across = timelineAcross(preset.ratio);
  return chartBody('cadence', ctx, preset.theme, across, Math.round(across * tall), false, partner, only);
};

/**
 * The tracks the deck's timeline of every track draws, when a slide per partner follows it: all of
 * them where their names come to OVERVIEW_MIN_PT or more on the slide, else as many as do (each
 * partner's busiest first, see overviewTracks). Every track on one slide left five partners' names at
 * about 5 pt, beside a legend at 11. Undefined: every track.
 */
async function overviewKeys(ctx: Context, preset: SlidePreset, tall: number): Promise<ReadonlySet<string> | undefined> {
  const lanes = matchingLanes(ctx.dash);
  // The picture's box on the slide (in), under the legend of every track (as many rows as it can take).
  const fits = deckSubtitleFits(preset.ratio);
  const box = pictureBox(preset.ratio, slideText('cadence', ctx, SLIDE_THEMES[preset.theme], fits).legend);
  // A track's name is drawn at 12 px in the chart, which is placed to fit the box.
  const namePt = async (only?: ReadonlySet<string>) => {
    const chart = await timelineBody(ctx, preset, tall, undefined, only);
    return 12 * 72 * Math.min(box.w / chart.width, box.h / chart.height);
  };
  if (lanes.length < 2 || (await namePt()) >= OVERVIEW_MIN_PT) return undefined;
  const late = lateTracks(ctx.dash);
  // Fewer tracks never draw smaller: the most that still read, by halves.
  let [lo, hi] = [1, lanes.length - 1];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((await namePt(overviewTracks(lanes, mid, late))) >= OVERVIEW_MIN_PT) lo = mid;
    else hi = mid - 1;
  }
  return overviewTracks(lanes, lo, late);
}

/** Every view as a slide of a .pptx deck, in the current filters and the Slide settings. */
export async function deckBytes(ctx: Context, preset: SlidePreset): Promise<Uint8Array> {
  const { dash } = ctx;
  // The native chart's colours are the theme's (charts/dark-palette.ts).
  const colour = (partner: string) => themedColour(ctx.colour(partner), preset.theme);
  const theme = SLIDE_THEMES[preset.theme];
  const slides: DeckSlide[] = [];
  // The picture box under a legend of one row: about 12.4 × 5.2 in (16:9) or 9.1 × 5.2 in (4:3).
  const box = pictureBox(preset.ratio, [{ label: '', colour: '' }]);
  const tall = box.h / box.w;
  const fits = deckSubtitleFits(preset.ratio);
  // A slide per partner follows the timeline of every track: that one may then draw only some tracks.
  const partners = matchingPartners(dash);
  const perPartner = partners.length > 1 && partners.length <= MAX_PARTNER_SLIDES;
  for (const view of ['map', 'topics', 'cadence'] as const) {
    const only = view === 'cadence' && perPartner ? await overviewKeys(ctx, preset, tall) : undefined;
    const text = slideText(view, ctx, theme, fits, undefined, only);
    let body: DeckSlide['body'];
    if (view === 'topics') {
      // Every topic in the page's bar order (most discussed overall first), as the topic SVG draws
      // them: under filters, each partner's matching meetings, then the rest in grey.
      // As many as the slide names at 7.5 pt or more (about 20 on 16:9): past that, the most discussed
      // (under filters, by the matching meetings), as a short embed gives its rows, and a line for the rest.
      const named = [...dash.data.partners, ...(dash.filtering ? ['not matching the filters'] : [])];
      const all = dash.data.topicCounts;
      const fits =
        all.length > topicsThatFit(preset.ratio, named) ? topicsThatFit(preset.ratio, named, true) : all.length;
      const fitted = fitTopics(
        all,
        dash.filtering ? dash.visibleTopicCounts : null,
        fits * ROW_ONE_LINE + TOPIC_FRAME_EXTRA,
        dash.filters.topics,
      );
      const counts = fitted.counts;
      const shownOf = (c: (typeof counts)[number]) => (dash.filtering ? dash.visibleTopicCounts.get(c.id) : c);
      const perPartner = dash.data.partners
        .map((p) => ({
          name: p,
          colour: colour(p),
          edge: markEdge(colour(p), theme.edgeBackground),
          values: counts.map((c) => shownOf(c)?.byPartner.find((b) => b.partner === p)?.count ?? 0),
        }))
        .filter((s) => s.values.some((v) => v > 0));
      // Partners sharing the grey are one series, as in the legend ("4 other partners"): the native
      // chart's own legend would list each of them beside the same grey.
      const shared = sharedColour(
        perPartner.map((s) => s.name),
        colour,
      );
      const grey = perPartner.filter((s) => s.colour === shared);
      const series = [
        ...(shared !== null
          ? [
              ...perPartner.filter((s) => s.colour !== shared),
              {
                name: otherPartners(grey.length),
                colour: shared,
                edge: markEdge(shared, theme.edgeBackground),
                values: counts.map((_, i) => grey.reduce((n, s) => n + s.values[i]!, 0)),
              },
            ]
          : perPartner),
        ...(dash.filtering
          ? [
              {
                name: 'not matching the filters',
                colour: theme.ghost,
                values: counts.map((c) => c.total - (shownOf(c)?.total ?? 0)),
              },
            ]
          : []),
      ];
      body =
        counts.length > 0 && series.length > 0 && !matchesNone(dash)
          ? {
              kind: 'chart',
              categories: counts.map((c) => c.label),
              series,
              valueTitle: 'meetings',
              ...(fitted.note && { note: fitted.note }),
            }
          : // No topics at all (or no meeting matching): a native chart needs data, so the slide says so instead.
            {
              kind: 'picture',
              markup: svgText(
                { x: 0, y: 40, 'font-size': 28, fill: theme.muted },
                matchesNone(dash) ? 'No meetings match these filters.' : 'No topics to show.',
              ),
              width: 780,
              height: 280,
            };
    } else {
      // The map is drawn 132 px to the inch across the box (1,200 px on 4:3); the timeline as on an SVG slide, with its partner
      // headings and intervals: packed into the box's shape, as an embed does, it would drop them.
      // The map's box is as much shorter as its note under it takes.
      const across = view === 'map' ? Math.round(box.w * 132) : timelineAcross(preset.ratio);
      const high = view === 'map' ? pictureBox(preset.ratio, [{ label: '', colour: '' }], text.note).h / box.w : tall;
      const chart = await chartBody(view, ctx, preset.theme, across, Math.round(across * high), false, undefined, only);
      body = { kind: 'picture', markup: chart.markup, width: chart.width, height: chart.height };
    }
    slides.push(deckSlide(text, dash, body));
  }
  // After the timeline, a slide per partner, each grown to fill the box as far as it can: drawn for
  // its picture's box as the SVG and PNG slides draw a timeline for theirs (slideSvg), so one track
  // grows as in the export of that partner (up to 3×). Drawn at 192 px to the inch, it reached the
  // 3× at 13.5 pt names, ~60% of the slide blank, where the export's came to about 20.
  if (perPartner) {
    for (const partner of partners) {
      const text = slideText('cadence', ctx, theme, fits, partner);
      const room = pictureBox(preset.ratio, text.legend);
      const ppi = slidePpi(preset.ratio);
      const chart = await chartBody(
        'cadence',
        ctx,
        preset.theme,
        Math.round(room.w * ppi),
        Math.round(room.h * ppi),
        false,
        partner,
      );
      const body = { kind: 'picture' as const, markup: chart.markup, width: chart.width, height: chart.height };
      slides.push(deckSlide(text, dash, body));
    }
  }
  // Its own source line: the first slide's (the map's) credits country shapes this slide does not draw.
  if (dash.data.citedSources.length)
    slides.push(
      sourcesSlide(
        dash,
        preset.ratio,
        sourceLine(dash.data.citedSources, dash.data.dataset.dialogues, dash.data.label),
      ),
    );
  const { writeDeck } = await import('./deck');
  // Titled with its filters, every one named (as the speaker notes name them): "…: Partner: Afghanistan · Held meetings only".
  const title = `Pakistan’s bilateral security dialogues: ${slideText('map', ctx, theme, () => true).showing}`;
  return writeDeck({ ratio: preset.ratio, theme: preset.theme, slides, title }, FONT_STACK);
}
