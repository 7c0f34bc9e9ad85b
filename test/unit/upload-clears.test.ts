import { describe, expect, it } from 'vitest';

import { ingest } from '../../src/lib/ingest/ingest';
import { bundledTexts } from '../fixtures/read';

/** The data shown holds an R `NA` (read as empty, a warning kept with it); a corrected file holds the cell empty. */
const published = bundledTexts();
const withNA = (text: string) => text.replace(',,', ',NA,');

describe('an upload that changes no value but clears the data shown’s problems', () => {
  it.each(['dialogues', 'sources'] as const)('%s.csv: replacing says how many it clears', (kind) => {
    expect(published[kind]).toContain(',,');
    const shown = { ...published, [kind]: withNA(published[kind]) };
    const r = ingest([{ name: `${kind}.csv`, text: published[kind] }], shown, 'replace');
    expect(r.diff.added + r.diff.changed + r.diff.removed).toBe(0);
    expect(r.clears).toBe(1);
    // The same file as shown, NA and all: nothing cleared.
    expect(ingest([{ name: `${kind}.csv`, text: shown[kind] }], shown, 'replace').clears).toBeUndefined();
    // The other way round: the upload brings the NA in, and clears nothing.
    expect(ingest([{ name: `${kind}.csv`, text: shown[kind] }], published, 'replace').clears).toBeUndefined();
  });
});
