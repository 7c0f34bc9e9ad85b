import { describe, expect, it } from 'vitest';
import { rowsByDate } from '../../src/lib/data/aggregate';
import { buildColumns } from '../../src/lib/data/columns';
import { packDataset, unpackSteps } from '../../src/lib/data/packed';
import { runNow } from '../../src/lib/data/steps';
import { datasetViews } from '../../src/lib/data/views';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import { bundled } from '../fixtures/read';

const bundledTexts = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

describe('the views the worker makes from the packed columns', () => {
  it.each([
    ['the bundled data', bundledTexts],
    ['5,000 generated meetings', generateDataset({ meetings: 5_000, venues: 40, seed: 3 })],
    [
      'undated, venue-less and topic-less meetings among others',
      {
        ...bundledTexts,
        dialogues:
          'id,date,status,partner,track,round,venue_id,topics,source_id,summary\n' +
          'a,2025-07,held,P,T,1,islamabad,migration;trade,s1,x\n' +
          'b,,planned,Q,T,,,,s1,\n' +
          'c,2024,held,P,U,,kabul,trade,s1,\n' +
          'd,2025-07,held,Q,T,2,,migration,s1,\n',
      },
    ],
  ])('are the columns and date order the page would make: %s', (_, texts) => {
    const packed = packDataset(texts);
    const dataset = runNow(unpackSteps(packed)).dataset;
    const columns = buildColumns(dataset.dialogues);
    expect(packed.views!.columns).toEqual(columns);
    expect(packed.views!.order).toEqual(runNow(rowsByDate(columns)));
    // And the dashboard's views from them are the same.
    const comparable = (v: ReturnType<typeof datasetViews> extends Generator<unknown, infer R> ? R : never) => [
      v.columns,
      v.partners,
      v.topicCounts,
      v.lanes,
      v.venues,
      v.held,
      v.planned,
    ];
    expect(comparable(runNow(datasetViews(dataset, packed.views)))).toEqual(comparable(runNow(datasetViews(dataset))));
  });
});
