import { describe, expect, it } from 'vitest';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { parseTopics } from '../../src/lib/data/vocabulary';
import { dialoguesCsv } from '../../src/lib/export/csv-download';
import { columnCopies, columnCopiesMessage, readingLaterCopies } from '../../src/lib/ingest/column-copies';
import { ingest } from '../../src/lib/ingest/ingest';
import { validateFiles } from '../../src/lib/ingest/validate';
import { bundled, bundledTexts, fixture } from '../fixtures/read';

const current = bundledTexts();
const upload = (name: string, text = fixture(name), mode: 'replace' | 'merge' = 'replace') =>
  ingest([{ name, text }], current, mode, () => {}, true);
const repeats = (r: { problems: { message: string }[] }) =>
  r.problems.filter((p) => / appears (twice|\d+ times)/.test(p.message));

describe('a column named twice in an upload: the warning says what each copy holds', () => {
  it('the first copy empty in every row and the second full: the second is read, said so, and no summary is lost', () => {
    const r = upload('dialogues-summary-twice-first-empty.csv');
    expect(repeats(r)).toEqual([
      {
        file: 'dialogues-summary-twice-first-empty.csv',
        line: 1,
        column: 'summary',
        value: 'summary',
        message:
          'The column “summary” appears twice in the header (columns 14 and 15); the first is empty in every row and the second has 9 values, so the second is read (and kept when the data is applied or downloaded). Delete the empty one.',
        severity: 'warning',
      },
    ]);
    // Read from the copy with values: the same meetings as shown now, nothing blanked.
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
    expect(r.warnings).toBe(1);
  });

  it('the file kept after Apply reads the same on reload (the first view’s reader), and its download uploads back unchanged', () => {
    const r = upload('dialogues-summary-twice-first-empty.csv');
    // The text stored is the one the first view reads on reload: the empty copy's name is blanked, nothing else changes.
    expect(r.texts.dialogues).toBe(
      fixture('dialogues-summary-twice-first-empty.csv').replace(',summary,summary\n', ',,summary\n'),
    );
    const reloaded = parseDialogues(r.texts.dialogues);
    expect(reloaded.rows.map((d) => d.summary)).toEqual(
      parseDialogues(bundled('dialogues.csv')).rows.map((d) => d.summary),
    );
    const downloaded = dialoguesCsv(reloaded.rows);
    expect(downloaded).toBe(bundled('dialogues.csv'));
    const again = ingest(
      [{ name: 'dialogues.csv', text: downloaded }],
      { ...current, dialogues: r.texts.dialogues },
      'replace',
    );
    expect([again.diff.added, again.diff.changed, again.diff.removed, again.warnings]).toEqual([0, 0, 0, 0]);
  });

  it('copies that differ: the first is read, and the warning gives the first line they differ on with both values', () => {
    const r = upload('dialogues-date-twice-differing.csv', undefined, 'merge');
    expect(repeats(r).map((p) => p.message)).toEqual([
      'The column “date” appears twice in the header (columns 2 and 15); only the first is read, and they differ on 2 lines, first on line 3: “2025” and “2025-09”. Keep the one that is right and delete the other.',
    ]);
    expect(r.diff.changed).toBe(0);
  });

  it('copies that hold the same values say so; a repeat in a file with no rows is the readers’ warning with its columns', () => {
    expect(repeats(upload('dialogues-status-twice-same.csv', undefined, 'merge')).map((p) => p.message)).toEqual([
      'The column “status” appears twice in the header (columns 3 and 15); only the first is read, and the second holds the same values. Delete either.',
    ]);
    const header = fixture('dialogues-status-twice-same.csv').split('\n')[0]!;
    expect(repeats(upload('header-only.csv', `${header}\n`, 'merge')).map((p) => p.message)).toEqual([
      'The column “status” appears twice in the header (columns 3 and 15); only the first is read.',
    ]);
  });

  it('checked as published (npm run validate), the first copy is read as the site will: the warning says every value is read as empty', () => {
    const v = validateFiles(
      [{ name: 'dialogues.csv', text: fixture('dialogues-summary-twice-first-empty.csv') }],
      current,
    );
    expect(v.problems.map((p) => p.message)).toEqual([
      'The column “summary” appears twice in the header (columns 14 and 15); only the first is read, and it is empty in every row while the second has 9 values: as it is, every row’s summary is read as empty. Delete the empty one.',
    ]);
  });

  it('in topics.csv too: an empty first label is passed over for the one with values', () => {
    const topics = current.topics
      .replace(/^(?!id,)([^,\n]+),/gm, '$1,,')
      .replace('id,label,theme', 'id,label,Label,theme');
    const r = upload('topics.csv', topics);
    expect(repeats(r).map((p) => p.message)).toEqual([
      'The column “label” appears twice in the header (columns 2 and 3); the first is empty in every row and the second has 20 values, so the second is read (and kept when the data is applied or downloaded). Delete the empty one.',
    ]);
    expect(r.diff.changed).toBe(0);
    expect(parseTopics(r.texts.topics).rows).toEqual(parseTopics(current.topics).rows);
  });

  it('three copies: each one after the copy read is compared with it', () => {
    const text = 'id,title,title,title\ns1,,A,B\ns2,,C,C\n';
    const [c] = columnCopies(text);
    expect(c).toMatchObject({ name: 'title', at: [1, 2, 3], values: [0, 2, 2], read: 1, rows: 2 });
    expect(c!.differs[2]).toEqual({ line: 2, values: ['A', 'B'], lines: 1 });
    expect(columnCopiesMessage(c!)).toBe(
      'The column “title” appears 3 times in the header (columns 2, 3 and 4); the first is empty in every row and the second has 2 values, so the second is read (and kept when the data is applied or downloaded), and the third differs from the second on line 2: “A” and “B”. Keep the one that is right and delete the others.',
    );
  });

  it('a name repeated thousands of times is one warning counting them; a header past the file’s first 64 KB keeps the readers’ warnings', () => {
    const names = Array.from({ length: 5_000 }, (_, i) => (i % 2 ? 'id' : `c${i}`));
    const [c, ...more] = columnCopies(`id,${names.join(',')}\nx\n`);
    expect(more).toEqual([]);
    expect(columnCopiesMessage(c!)).toBe(
      'The column “id” appears 2,501 times in the header (columns 1, 3, 5, 7, 9, 11 and 2,495 more); only the first is read.',
    );
    const wide = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'id' : `c${i}`));
    expect(columnCopies(`id,${wide.join(',')}\nx\n`)).toEqual([]);
  });

  it('the empty copy’s name is blanked in place: a BOM, a sep= line, quotes and CRLF stay as they were', () => {
    const text = '\uFEFFsep=;\r\nid;"Summary";summary;x\r\na;;s;"1;2"\r\n';
    const copies = columnCopies(text);
    expect(copies).toMatchObject([{ name: 'summary', read: 1 }]);
    expect(readingLaterCopies(text, copies)).toBe('\uFEFFsep=;\r\nid;;summary;x\r\na;;s;"1;2"\r\n');
    // The first copy read: the text is left as it is.
    expect(readingLaterCopies(text, columnCopies(text, {}, false))).toBe(text);
  });
});
