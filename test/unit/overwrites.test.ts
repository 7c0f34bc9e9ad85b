import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/lib/ingest/ingest';
import { overwritesText } from '../../src/lib/ingest/ingest-result';
import { overwrites } from '../../src/lib/ingest/overwrites';
import { bundledTexts } from '../fixtures/read';

const before = bundledTexts();
const [header, ...rows] = before.dialogues.trimEnd().split('\n');
const withRows = (list: string[]) => ({ ...before, dialogues: `${[header, ...list].join('\n')}\n` });
/** A row of the bundled data with words added to its summary (its last cell, quoted or not). */
const edited = (i: number, words: string) => {
  const row = rows[i]!;
  return row.endsWith('"') ? `${row.slice(0, -1)} ${words}"` : `${row} ${words}`;
};
const added =
  'eu-2026-new-round,2026-03,planned,European Union,Migration and Mobility Dialogue,3,,,migration,,,s1,q,Third round.';

describe('what an upload takes back of another tab’s change', () => {
  it('counts a meeting the other tab added that the upload removes, and a change of its that the upload undoes', () => {
    // Tab A edits the first summary and adds a meeting; tab B's file, picked before, edits the third.
    const now = withRows([edited(0, 'Edited in tab A.'), ...rows.slice(1), added]);
    const fileB = withRows([...rows.slice(0, 2), edited(2, 'Edited in tab B.'), ...rows.slice(3)]);
    const after = ingest([{ name: 'edit-B.csv', text: fileB.dialogues }], now, 'replace');
    const counts = overwrites(before, now, after.texts, after.kinds);
    expect(counts).toEqual({
      dialogues: { removesAdded: 1, changesAdded: 0, undoes: 1, rewrites: 0, removesChanged: 0, restores: 0 },
    });
    expect(overwritesText(counts)).toBe('removes 1 meeting it added and undoes 1 change it made');

    // Merged instead, B's file keeps the meeting A added: only the change is undone.
    const merged = ingest([{ name: 'edit-B.csv', text: fileB.dialogues }], now, 'merge');
    expect(overwritesText(overwrites(before, now, merged.texts, merged.kinds))).toBe('undoes 1 change it made');
  });

  it('counts changes made again, removals of what it changed, and what it removed brought back', () => {
    const now = withRows([edited(0, 'A.'), edited(1, 'A.'), ...rows.slice(3)]); // row 2 removed
    const upload = withRows([edited(0, 'B.'), rows[2]!, ...rows.slice(3)]); // row 1 gone, row 2 back
    const counts = overwrites(before, now, upload, ['dialogues']);
    expect(counts.dialogues).toMatchObject({ rewrites: 1, removesChanged: 1, restores: 1 });
    expect(overwritesText(counts)).toBe(
      'changes again 1 meeting it changed, removes 1 meeting it changed and brings back 1 meeting it removed',
    );
  });

  it('counts nothing where the upload keeps what the other tab did, or leaves its files alone', () => {
    const now = withRows([...rows, added]);
    // The upload holds the other tab's meeting as it is, and one more.
    const upload = withRows([...rows, added, added.replace('eu-2026-new-round', 'eu-2026-another')]);
    expect(overwrites(before, now, upload, ['dialogues'])).toEqual({});
    // A topics upload does not touch the meetings the other tab added.
    const topics = ingest([{ name: 'topics.csv', text: before.topics }], now, 'replace');
    expect(overwrites(before, now, topics.texts, topics.kinds)).toEqual({});
    expect(overwritesText({})).toBe('');
  });

  it('names the entries of other files by their kind', () => {
    const venues = JSON.parse(before.venues) as { features: { properties: { id: string; name: string } }[] };
    venues.features[0]!.properties.name = 'Renamed in tab A';
    const now = { ...before, venues: JSON.stringify(venues) };
    expect(overwritesText(overwrites(before, now, before, ['venues']))).toBe('undoes 1 change it made to venues');
  });
});
