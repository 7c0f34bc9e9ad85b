import { cadenceLanes, listPartners, topicFrequency, venueSummaries } from '../data/aggregate';
import { buildColumns } from '../data/columns';
import { buildDataset, type DatasetTexts } from '../data/dataset';
import { fetchDatasetTexts } from '../data/fetch-dataset';
import type { Problem } from '../data/problems';
import { EMPTY_DATASET, type Dataset } from '../data/schema';

export type LoadStatus = 'loading' | 'ready' | 'failed';

/** The dataset the dashboard shows, how loading it went, and the views derived from it. */
export class DatasetState {
  status = $state<LoadStatus>('loading');
  /** Why loading failed, in words for the viewer. */
  failure = $state<string | null>(null);
  dataset = $state.raw<Dataset>(EMPTY_DATASET);
  /** Which data this is, in words: "bundled data", or an uploaded file's name and time. */
  label = $state('bundled data');
  /** The files' text as loaded, for writing them out again (the offline briefing). */
  texts = $state.raw<DatasetTexts | null>(null);
  problems = $state.raw<Problem[]>([]);

  partners = $derived(listPartners(this.dataset.dialogues));
  topicCounts = $derived(topicFrequency(this.dataset.dialogues, this.dataset.topics, this.partners));
  lanes = $derived(cadenceLanes(this.dataset.dialogues));
  venues = $derived(venueSummaries(this.dataset.dialogues, this.dataset.venues));
  // A read-only lookup, rebuilt whole by $derived: it needs no reactivity of its own.
  venueNames = $derived(new Map(this.dataset.venues.map((v) => [v.id, v.name])));
  /** The meetings as typed columns, for fast filtering. */
  columns = $derived(buildColumns(this.dataset.dialogues));
  /** Each meeting's position in `dataset.dialogues` (and so in `columns`). */
  rowOf = $derived(new Map(this.dataset.dialogues.map((d, i) => [d, i])));
  /** Ids a link may name, built once per dataset (not per filter change). */
  known = $derived({
    partners: new Set(this.partners),
    topics: new Set(this.columns.topics),
    venues: new Set(this.dataset.venues.map((v) => v.id)),
    meetings: new Set(this.dataset.dialogues.map((d) => d.id)),
  });
  held = $derived(this.dataset.dialogues.filter((d) => d.status === 'held').length);
  planned = $derived(this.dataset.dialogues.length - this.held);

  /** Fetches the files from `baseUrl` (the served `data/` folder) and shows what they hold. */
  async load(baseUrl: string, fetcher: typeof fetch = fetch): Promise<void> {
    this.status = 'loading';
    this.failure = null;
    try {
      this.show(await fetchDatasetTexts(baseUrl, fetcher), this.label);
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.status = 'failed';
    }
  }

  /** Shows data already in hand (the briefing file carries its own). */
  show(texts: DatasetTexts, label: string): void {
    const { dataset, problems } = buildDataset(texts);
    this.texts = texts;
    this.label = label;
    this.dataset = dataset;
    this.problems = problems;
    this.failure = null;
    this.status = 'ready';
  }
}
