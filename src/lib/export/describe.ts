import type { CadenceLane, TopicCount, VenueSummary } from '../data/aggregate';
import { isFiltering, type Filters } from '../data/filters';
import { formatCount } from '../data/format-count';
import { describeMedian, type TrackInsight } from '../data/insights';
import { formatPartialDate, parsePartialDate, periodText, type PartialDate } from '../data/partial-date';
import type { Dialogue, Source } from '../data/schema';
import { andList as list } from '../data/and-list';
import { isolate } from '../data/isolate';
import { unplacedWords, type Unplaced } from '../data/unplaced';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * The active filters in words, for a subtitle or a title: "Partner: European Union · Topic:
 * Migration and mobility · Held meetings only · From 2024", or "All meetings".
 *
 * `fits` says whether a wording has room (a slide's two lines, a title's length). When it has
 * not, the longest list of names is summarised a name at a time ("Counter-terrorism, Border
 * security and 18 more topics"), down to its count ("20 topics"), then the next longest: the status
 * and the period, which change every count drawn, are always kept whole. The one rule for every
 * export (SVG, PNG, .pptx, embed and briefing titles), so that they never disagree.
 */
/** More names than any subtitle or title has room for. */
const MOST_NAMES_SHOWN = 40;

export function describeFilters(
  f: Filters,
  labels: { topic: (id: string) => string; venue: (id: string) => string },
  fits: (text: string) => boolean = () => true,
): string {
  const lists = [
    { what: 'Partner', names: f.partners.map(isolate) },
    { what: 'Topic', names: f.topics.map((t) => isolate(labels.topic(t))) },
    { what: 'Venue', names: f.venues.map((v) => isolate(labels.venue(v))) },
  ]
    .filter((l) => l.names.length > 0)
    .map((l) => ({ ...l, shown: l.names.length }));
  // "Partner: A or B or C", "A, B and 1 more partner", "3 partners".
  const listText = ({ what, names, shown }: (typeof lists)[number]) => {
    const rest = names.length - shown;
    const noun = what.toLowerCase();
    if (rest === 0) return `${what}: ${names.join(' or ')}`;
    if (shown === 0) return plural(names.length, noun);
    return `${names.slice(0, shown).join(', ')} and ${plural(rest, `more ${noun}`)}`;
  };
  // Held/planned, said shorter ("Held only") where the room is short even with every list a count, or
  // before a single name gives way: a 300×250 banner lost its period's end year and its link, or its one topic.
  let short = false;
  const status = () =>
    f.status === 'all' ? [] : [`${f.status === 'held' ? 'Held' : 'Planned'}${short ? '' : ' meetings'} only`];
  // "Mar 2023 – Aug 2025", "From 2024", "Until Aug 2025": as the filter chip writes it.
  const period = periodText(f.from, f.to);
  // Past every other step, the lists' counts as one: "10 filters · Held only · Feb 2023 – Sep 2025".
  let merged = false;
  const listWords = () =>
    merged && lists.length > 1
      ? [
          plural(
            lists.reduce((n, l) => n + l.names.length, 0),
            'filter',
          ),
        ]
      : lists.map(listText);
  const words = () => [...listWords(), ...status(), ...(period ? [period] : [])].join(' · ') || 'All meetings';
  let text = words();
  // No room holds dozens of names (two lines of a slide, a title's 100 characters): a list of
  // thousands starts from the first few dozen rather than giving each up in turn.
  if (!fits(text)) for (const l of lists) l.shown = Math.min(l.shown, MOST_NAMES_SHOWN);
  text = words();
  while (!fits(text)) {
    // The longest list still naming a name gives one up; a single name ("Topic: Counter-terrorism") is
    // kept while a list can say less: a count stands for a list, and "1 topic" says nothing.
    const naming = lists.filter((l) => l.shown > 0);
    const several = naming.filter((l) => l.names.length > 1);
    const longest = (several.length ? several : naming).reduce<(typeof lists)[number] | null>(
      (a, l) => (a && listText(a).length >= listText(l).length ? a : l),
      null,
    );
    if (several.length === 0 && !short && f.status !== 'all') short = true;
    else if (longest) longest.shown--;
    else if (!merged && lists.length > 1) merged = true;
    else break;
    text = words();
  }
  return text;
}

/** The filters in a title (an embed's frame, a tab, the briefing): as many characters as a screen reader reads out at ease. */
export const TITLE_FILTER_CHARS = 100;

/** describeFilters for a title: lists summarised past TITLE_FILTER_CHARS characters. */
export const titleFilters = (f: Filters, labels: { topic: (id: string) => string; venue: (id: string) => string }) =>
  describeFilters(f, labels, (t) => t.length <= TITLE_FILTER_CHARS);

/** The dashboard's tab title unfiltered, as index.html has it (with the page's ’, not a straight '). */
export const SITE_TITLE = 'Dialogue Atlas — Pakistan’s bilateral security dialogues';

/**
 * The dashboard's tab title (bookmarks, history, a screen reader's window name): the open meeting
 * ("United States · Counterterrorism Dialogue, 12 Aug 2025 · Dialogue Atlas"), else the filters as
 * embeds and Present name them, else {@link SITE_TITLE}.
 */
export function pageTitle(
  f: Filters,
  labels: { topic: (id: string) => string; venue: (id: string) => string },
  meeting: Dialogue | null,
): string {
  if (meeting) {
    const round = meeting.round === null ? '' : `, round ${meeting.round}`;
    const date = meeting.date ? formatPartialDate(meeting.date) : 'date not announced';
    return `${meeting.partner} · ${meeting.track}${round}, ${date} · Dialogue Atlas`;
  }
  return isFiltering(f) ? `${titleFilters(f, labels)} · Dialogue Atlas` : SITE_TITLE;
}

/**
 * "Source: Dialogue Atlas, published data, from 3 sources; data as of 12 Aug 2025", and with
 * `overdueOn` (a timeline that marks something overdue) the day that was judged on: a slide
 * outlives the day it was made. `sources`: those the meetings cite (an uploaded sources.csv may
 * list more, and their dates are not this data's).
 */
export function sourceLine(
  sources: readonly Source[],
  dialogues: readonly Dialogue[],
  dataLabel: string,
  overdueOn?: Date,
): string {
  const dates = [
    ...sources.flatMap((s) => (s.published ? [s.published] : [])),
    ...dialogues.flatMap((d) => (d.status === 'held' && d.date ? [d.date] : [])),
  ];
  const latest = dates.sort((a, b) => b.start.getTime() - a.start.getTime())[0];
  const asOf = latest ? `; data as of ${formatPartialDate(latest)}` : '';
  const judged = overdueOn
    ? `; “overdue” as of ${formatPartialDate(parsePartialDate(overdueOn.toISOString().slice(0, 10))!)}`
    : '';
  return `Source: Dialogue Atlas, ${dataLabel}, from ${plural(sources.length, 'source')}${asOf}${judged}`;
}

/**
 * The day a timeline's "overdue" marks were judged on, for {@link sourceLine}: `today` where one of the
 * tracks drawn (`insights`: theirs) is marked overdue, else none (the line says nothing of it).
 * The deck's timeline slides and Present's timeline both say it.
 */
export const overdueAsOf = (insights: readonly TrackInsight[], today: Date): Date | undefined =>
  insights.some((i) => i.next?.overdue) ? today : undefined;

/**
 * "Counter-terrorism came up in 5 of 9 meetings (held or planned), more than any other topic; …". `drawn`: the
 * bars the chart draws, when filters leave fewer topics than that (the others drawn faded); `status`, a
 * status filter, which the meetings counted then all have.
 */
export function topicAltText(
  counts: readonly TopicCount[],
  meetings: number,
  drawn = counts.length,
  /** The status filter: the meetings counted are held ones, planned ones, or either. */
  status: 'all' | 'held' | 'planned' = 'all',
): string {
  if (counts.length === 0) return 'No meeting in the data lists a topic.';
  const top = counts[0];
  // Topics tied at the top are named together: no one of them came up "more than any other".
  const tied = counts.filter((c) => c.total === top!.total);
  const next = counts
    .slice(tied.length)
    .slice(0, 2)
    .map((c) => `${c.label} (${formatCount(c.total)})`);
  const split = top!.byPartner.filter((p) => p.count > 0).map((p) => `${p.partner} ${formatCount(p.count)}`);
  const statusText = status === 'all' ? 'held or planned' : status;
  const chart =
    drawn > counts.length
      ? `Bar chart of ${plural(drawn, 'topic')} by the number of meetings, held or planned, on each, ${plural(counts.length, 'topic')} highlighted for the ${plural(meetings, 'meeting')} the filters match. `
      : `Bar chart of ${plural(counts.length, 'topic')} by the number of meetings, held or planned, on each. `;
  return (
    chart +
    (tied.length > 1
      ? `${list([...tied.slice(0, 3).map((c) => c.label), ...(tied.length > 3 ? [`${formatCount(tied.length - 3)} more`] : [])])} came up most, tied at ${formatCount(top!.total)} of ${plural(meetings, 'meeting')} (${statusText}) each`
      : `${top!.label} came up in ${formatCount(top!.total)} of ${plural(meetings, 'meeting')} (${statusText}), more than any other topic (${split.join(', ')})`) +
    (next.length ? `; next come ${list(next)}.` : '.')
  );
}

/** A timeline's text alternative names its tracks when it draws this many or fewer, and its partners when they are this many or fewer. */
export const NAMED_TRACKS = 3;
export const NAMED_PARTNERS = 3;

/**
 * "Timeline of 9 meetings in 6 tracks with Afghanistan, European Union and United States, Mar 2023 to 2026: …"
 * ("in 1 track with Afghanistan (Additional Secretary-level talks)" for few tracks, "with 5 partners" for many).
 * One pass, no sorting: it runs for a million meetings too.
 */
export function cadenceAltText(
  lanes: readonly CadenceLane[],
  insights: readonly TrackInsight[],
  filtered = false,
  /** Every track's, where `lanes` are some of them (the deck's overview): what is overdue is told of all of these. */
  every?: readonly TrackInsight[],
): string {
  let total = 0;
  let held = 0;
  let first: PartialDate | null = null;
  let last: PartialDate | null = null;
  const partners = new Set<string>();
  for (const lane of lanes) {
    partners.add(lane.partner);
    total += lane.meetings.length;
    held += lane.held; // a held meeting always has a date
    // By date, undated last: the first dated one starts the lane; it ends with whichever ends last,
    // the last dated one or a round of that year known only to its month or year ("2025" ends after
    // "17 Jul 2025" but is ordered before it), so the span never reads "2025 to 17 Jul 2025".
    const early = lane.meetings[0]?.date;
    let k = lane.meetings.length - 1;
    while (k >= 0 && !lane.meetings[k]!.date) k--;
    let late = k >= 0 ? lane.meetings[k]!.date : null;
    if (late) {
      const year = Date.UTC(late.start.getUTCFullYear(), 0, 1);
      for (let j = k - 1; j >= 0; j--) {
        const date = lane.meetings[j]!.date!;
        if (date.start.getTime() < year) break;
        if (date.end > late.end) late = date;
      }
    }
    if (early && (!first || early.start < first.start)) first = early;
    if (late && (!last || late.end > last.end)) last = late;
  }
  // Filtered, a track none of whose meetings matches is still shown for its round expected from the
  // usual interval where that matches (from Jan 2026, the U.S. track, expected Oct 2026).
  if (total === 0 && !(filtered && insights.length)) return 'No meetings to show.';
  // Few tracks are named, by partner ("with Afghanistan (Additional Secretary-level talks)"); few partners are named.
  const byPartner = new Map<string, string[]>();
  for (const lane of lanes) {
    const tracks = byPartner.get(lane.partner);
    if (tracks) tracks.push(lane.track);
    else byPartner.set(lane.partner, [lane.track]);
  }
  const named = [...byPartner].map(([p, tracks]) =>
    lanes.length <= NAMED_TRACKS ? `${isolate(p)} (${tracks.map(isolate).join(', ')})` : isolate(p),
  );
  const withWhom = partners.size <= NAMED_PARTNERS ? list(named) : plural(partners.size, 'partner');
  const [from, to] = [first && formatPartialDate(first), last && formatPartialDate(last)];
  const span = from && to ? (from === to ? `, ${from}` : `, ${from} to ${to}`) : '';
  // Filtered, the lanes hold the meetings shown; a track's rhythm is still its whole record's.
  const heldShown = new Map(lanes.map((l) => [l.key, l.held]));
  const regular = insights
    .filter((i) => i.medianMonths !== null)
    .map((i) => {
      // "United States: Counterterrorism Dialogue", not a possessive ("United States's").
      const every = `about every ${describeMedian(i.medianMonths)}`;
      return filtered
        ? `${i.partner}: ${i.track}, ${plural(heldShown.get(i.key) ?? 0, 'held meeting')} shown, meets ${every}`
        : `${i.partner}: ${i.track} met ${plural(i.held, 'time')}, ${every}`;
    });
  // A planned round past its date, and a track past its usual interval: two different things.
  const judged = every ?? insights;
  const overdue = judged.filter((i) => i.next?.basis === 'planned' && i.next.overdue).length;
  const late = judged.filter((i) => i.next?.basis === 'interval' && i.next.overdue);
  const lapsed = late.length;
  const across = every && (overdue || lapsed) ? ` Across all ${plural(every.length, 'track')}:` : '';
  // Filtered, one or two such tracks are named, with the month expected, as the line under the timeline names them.
  const lateNamed =
    filtered && !every && lapsed <= 2
      ? late.map(
          (i) =>
            ` ${i.partner}: ${i.track} has gone longer than usual without meeting (expected about ${formatPartialDate((i.next as { date: PartialDate }).date)}).`,
        )
      : null;
  return (
    (total
      ? `Timeline of ${plural(total, 'meeting')} in ${plural(lanes.length, 'track')} with ${withWhom}${span}: ` +
        `${formatCount(held)} held, ${formatCount(total - held)} planned.`
      : `No meeting matches the filters; ${plural(insights.length, 'track is', 'tracks are')} shown for the round expected from the usual interval.`) +
    (regular.length ? ` ${regular.join('; ')}.` : '') +
    across +
    (overdue ? ` ${plural(overdue, 'planned round is', 'planned rounds are')} overdue.` : '') +
    (lateNamed
      ? lateNamed.join('')
      : lapsed
        ? ` ${plural(lapsed, 'track has', 'tracks have')} gone longer than usual without meeting.`
        : '')
  );
}

/** A venue and how many of the meetings shown were held or are planned there. */
export type VenueTally = Pick<VenueSummary, 'venue' | 'held' | 'planned'>;

/**
 * "2 of 3 meetings name no venue and are not on the map" (or name a venue the map has no location
 * for, naming it): of the meetings shown, those no venue counts. Empty when every one is on the map,
 * or not told. Said by the map's alt text and slide.
 */
export function unplacedText(unplaced: Unplaced | undefined): string {
  return (unplaced && unplacedWords(unplaced, true)?.join('')) ?? '';
}

/** "Map of 3 venues: Islamabad (2 held, 1 planned), …", and how many of the `meetings` shown are not on it. */
export function mapAltText(venues: readonly VenueTally[], unplacedMeetings?: Unplaced): string {
  const total = (v: VenueTally) => v.held + v.planned;
  const used = venues.filter((v) => total(v) > 0).sort((a, b) => total(b) - total(a));
  const unplaced = unplacedText(unplacedMeetings);
  const off = unplaced ? ` ${unplaced}.` : '';
  if (used.length === 0) return `Map with no venues.${off}`;
  const shown = used.slice(0, 8).map((v) => {
    const parts = [
      v.held ? `${formatCount(v.held)} held` : '',
      v.planned ? `${formatCount(v.planned)} planned` : '',
    ].filter(Boolean);
    return `${v.venue.name} (${parts.join(', ')})`;
  });
  const more = used.length > 8 ? ` and ${formatCount(used.length - 8)} more` : '';
  return `Map of ${plural(used.length, 'venue')} where meetings were held or are planned: ${list(shown)}${more}.${off}`;
}
