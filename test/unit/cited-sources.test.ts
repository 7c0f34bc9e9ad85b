import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { packDataset, unpackSteps } from '../../src/lib/data/packed';
import { runNow } from '../../src/lib/data/steps';
import { datasetViews } from '../../src/lib/data/views';
import { sourceLine } from '../../src/lib/export/describe';
import { bundled } from '../fixtures/read';

// The published sources (s1, s2, s3) with meetings that cite s1 alone: an all-new upload that kept sources.csv.
const texts = {
  dialogues:
    'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary\n' +
    'ke-1,2024-03-02,held,Kenya,Security Dialogue,1,,,,,,s1,q,s\nke-2,2024-12-02,held,Kenya,Security Dialogue,2,,,,,,s1,q,s\n',
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

describe('the sources a dataset cites', () => {
  it('are those its meetings name, packed or not: the source line counts and dates only them', () => {
    const plain = runNow(datasetViews(buildDataset(texts).dataset));
    const packed = runNow(datasetViews(runNow(unpackSteps(packDataset(texts))).dataset));
    for (const views of [plain, packed]) {
      expect(views.citedSources.map((s) => s.id)).toEqual(['s1']);
      // s2 (29 Jun 2025) is cited by none of these meetings: its date is not this data's.
      expect(sourceLine(views.citedSources, [], 'upload')).toBe('Source: Dialogue Atlas, upload, from 1 source');
    }
  });
});
