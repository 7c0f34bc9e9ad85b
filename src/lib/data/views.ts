import { ascending } from 'd3-array';
import {
  lanesOf,
  laneSteps,
  rowsByDate,
  topicCounts,
  venueSteps,
  venueSummariesOf,
  type CadenceLane,
  type TopicCount,
  type VenueSummary,
} from './aggregate';
import { buildColumns, columnSteps, countTopics, type DialogueColumns } from './columns';
import type { PackedViews } from './packed-columns';
import { citedSourceIds, rowOfId } from './packed-meetings';
import type { Dataset, Source } from './schema';
import type { Steps } from './steps';

/** Ids a link may name. */
export interface KnownIds {
  partners: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  venues: ReadonlySet<string>;
  meetings: { has(id: string): boolean };
}

/** Everything the dashboard derives from a dataset before any filter: computed once per dataset. */
export interface DatasetViews {
  /** The meetings as typed columns, for fast filtering. */
  columns: DialogueColumns;
  /** Alphabetical: the order of legends and colours. */
  partners: string[];
  topicCounts: TopicCount[];
  lanes: CadenceLane[];
  venues: VenueSummary[];
  venueNames: ReadonlyMap<string, string>;
  /** The sources the meetings cite, in the file's order: what "from N sources" and "data as of" count. */
  citedSources: Source[];
  known: KnownIds;
  /** A meeting's position in the dialogues, -1 if none has the id (the first, if several do). */
  rowOfMeeting: (id: string) => number;
  held: number;
  planned: number;
}

export const EMPTY_VIEWS: DatasetViews = viewsOf(
  { dialogues: [], venues: [], topics: [], sources: [] },
  buildColumns([]),
  [],
  [],
  [],
);

/**
 * The views of a dataset, in steps (see steps.ts): a million meetings take a few seconds in
 * all, yet no step holds the page for more than a few milliseconds.
 */
export function* datasetViews(dataset: Dataset, made?: PackedViews): Steps<DatasetViews> {
  const { dialogues } = dataset;
  // Made by the worker with the packed dataset (packed-columns.ts), or here.
  const columns = made ? made.columns : yield* columnSteps(dialogues);
  const order = made ? made.order : yield* rowsByDate(columns);
  const partners = [...columns.partners].sort(ascending);
  const lanes = made?.lanes ? lanesOf(made.lanes, dialogues) : yield* laneSteps(dialogues, columns, order, partners);
  const venues = made?.venueRows
    ? venueSummariesOf(made.venueRows, dialogues, dataset.venues, columns.venues)
    : yield* venueSteps(dialogues, dataset.venues, columns, order);
  yield;
  return viewsOf(dataset, columns, partners, lanes, venues, made?.topicCounts);
}

function viewsOf(
  dataset: Dataset,
  columns: DialogueColumns,
  partners: string[],
  lanes: CadenceLane[],
  venues: VenueSummary[],
  counts: Uint32Array = countTopics(columns, null),
): DatasetViews {
  // A link names one meeting: looked up when asked (a pass over the ids), the last answer kept.
  let last = { id: '', row: -1 };
  const rowOfMeeting = (id: string) => {
    if (last.id !== id) last = { id, row: rowOfId(dataset.dialogues, id) };
    return last.row;
  };
  let held = 0;
  for (let i = 0; i < columns.n; i++) if (columns.statusOf[i] === 0) held++;
  return {
    columns,
    partners,
    topicCounts: topicCounts(columns, counts, partners, dataset.topics),
    lanes,
    venues,
    venueNames: new Map(dataset.venues.map((v) => [v.id, v.name])),
    citedSources: citedSourcesOf(dataset),
    known: {
      partners: new Set(partners),
      topics: new Set(columns.topics),
      venues: new Set(dataset.venues.map((v) => v.id)),
      meetings: { has: (id) => rowOfMeeting(id) >= 0 },
    },
    rowOfMeeting,
    held,
    planned: columns.n - held,
  };
}

function citedSourcesOf({ dialogues, sources }: Dataset): Source[] {
  const cited = citedSourceIds(dialogues);
  return sources.filter((s) => cited.has(s.id));
}
