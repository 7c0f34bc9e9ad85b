import type { BuiltDataset } from '../data/dataset';
import type { Problem } from '../data/problems';
import { EMPTY_DATASET, type Dataset } from '../data/schema';
import { EMPTY_VIEWS, type DatasetViews } from '../data/views';
import { BUNDLED_LABEL, type Files } from './data-files';

export type LoadStatus = 'loading' | 'ready' | 'failed';

/** The dataset the dashboard shows, where it came from, and the views derived from it. */
export class ShownDataset {
  status = $state<LoadStatus>('loading');
  /** Why loading failed, in words for the viewer. */
  failure = $state<string | null>(null);
  dataset = $state.raw<Dataset>(EMPTY_DATASET);
  /** The first problems in the files (up to PROBLEM_LIMIT); `problemCounts` counts them all. */
  problems = $state.raw<Problem[]>([]);
  problemCounts = $state.raw({ errors: 0, warnings: 0 });
  /** Which data this is, in words: "published data", or an uploaded file's name and time. */
  label = $state(BUNDLED_LABEL);
  /** The same files as Blobs: what uploads are compared with, and what is stored. */
  files = $state.raw<Files | null>(null);
  /** Changes with every dataset shown: the upload worker indexes each one once. */
  generation = $state(0);
  /** What the views draw of the whole dataset, computed with it (in slices when it is large). */
  views = $state.raw<DatasetViews>(EMPTY_VIEWS);

  get partners() {
    return this.views.partners;
  }
  get topicCounts() {
    return this.views.topicCounts;
  }
  get lanes() {
    return this.views.lanes;
  }
  get venues() {
    return this.views.venues;
  }
  /** The venues some meeting is at: what the map draws and the header counts (not a dot labelled 0). */
  usedVenues = $derived(this.views.venues.filter((v) => v.meetings.length > 0));
  get venueNames() {
    return this.views.venueNames;
  }
  /** The sources the meetings cite (an uploaded sources.csv may hold more). */
  get citedSources() {
    return this.views.citedSources;
  }
  get columns() {
    return this.views.columns;
  }
  get known() {
    return this.views.known;
  }
  get held() {
    return this.views.held;
  }
  get planned() {
    return this.views.planned;
  }

  /** Shows a dataset and its views, all at once (one swap: no chart shows the data before). */
  protected showBuilt(files: Files, label: string, built: BuiltDataset, views: DatasetViews): void {
    this.views = views;
    this.files = files;
    this.label = label;
    this.dataset = built.dataset;
    this.problems = built.problems;
    this.problemCounts = { errors: built.errors, warnings: built.warnings };
    this.failure = null;
    this.status = 'ready';
    this.generation++;
  }
}
