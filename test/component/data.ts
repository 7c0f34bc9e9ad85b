import { cadenceLanes, listPartners, topicFrequency, venueSummaries } from '../../src/lib/data/aggregate';
import { buildDataset } from '../../src/lib/data/dataset';
import { bundled } from '../fixtures/read';

/** The bundled dataset and the views the dashboard derives from it. */
export function bundledViews() {
  const { dataset } = buildDataset({
    dialogues: bundled('dialogues.csv'),
    venues: bundled('venues.geojson'),
    topics: bundled('topics.csv'),
    sources: bundled('sources.csv'),
  });
  const partners = listPartners(dataset.dialogues);
  return {
    dataset,
    partners,
    topicCounts: topicFrequency(dataset.dialogues, dataset.topics, partners),
    lanes: cadenceLanes(dataset.dialogues),
    venues: venueSummaries(dataset.dialogues, dataset.venues),
  };
}
