import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { csvText } from '../../src/lib/data/csv-write';
import { buildDataset } from '../../src/lib/data/dataset';
import { parseTopics } from '../../src/lib/data/vocabulary';
import { parseHash } from '../../src/lib/data/url-codec';
import { dialoguesCsv } from '../../src/lib/export/csv-download';
import { ingest } from '../../src/lib/ingest/ingest';
import { arabicFolded } from '../../src/lib/ingest/lookalike-ids';
import { bundledTexts, fixture } from '../fixtures/read';

/** The bundled data with meetings named in Urdu and a partner written with e + U+0301 (NFD). */
const shown = { ...bundledTexts(), dialogues: fixture('dialogues-urdu-shown.csv') };
const upload = (name: string) => [{ name, text: fixture(name) }];
const partners = (dialogues: string) => [
  ...new Set(buildDataset({ ...shown, dialogues }).dataset.dialogues.map((d) => d.partner)),
];

describe('names that look alike: Arabic-keyboard letters in Urdu or Persian text', () => {
  it('a partner and a track typed with ي and ك for ی and ک are warned of, naming the letters, not rewritten', () => {
    const r = ingest(upload('dialogues-arabic-keyboard-letters.csv'), shown, 'merge', () => {}, true);
    const said = r.problems.map((p) => [p.file, p.line, p.column, p.value, p.severity]);
    expect(said).toEqual([
      ['dialogues-arabic-keyboard-letters.csv', 2, 'partner', 'ايران', 'warning'],
      ['dialogues-arabic-keyboard-letters.csv', 2, 'track', 'پاك ايران مشتركہ سرحدي كميشن', 'warning'],
    ]);
    const [partner, track] = r.problems.map((p) => p.message);
    expect(partner).toBe(
      '“ايران” (with ي (U+064A, Arabic yeh) where the other has ی (U+06CC, Farsi yeh): letters that look alike, as an Arabic keyboard and an Urdu or Persian one type them) would be a new partner, but the data shown now has “ایران”: if they are the same partner, write it as “ایران”, or the charts show them as two.',
    );
    // The track is compared with the tracks of the partner its partner's name reads as.
    expect(track).toContain('U+0643, Arabic kaf');
    expect(track).toContain('would be a new track of ایران, but the data shown now has “پاک ایران مشترکہ سرحدی کمیشن”');
    // Different letters: kept as written.
    expect(r.texts.dialogues).toContain('ايران');
  });

  it('the folding key maps each Arabic keyboard letter to its Urdu lookalike and leaves others alone', () => {
    expect(arabicFolded('\u064A\u0649\u0643\u0647')).toBe('\u06CC\u06CC\u06A9\u06C1');
    expect(arabicFolded('ایران 中国 Union')).toBe('ایران 中国 Union');
  });
});

describe('names that look alike: canonically equivalent Unicode (NFC and NFD) is one name', () => {
  it('“Union européenne” with é as one character is the partner written with e + U+0301: no new partner, no warning', () => {
    const r = ingest(upload('dialogues-precomposed-accent.csv'), shown, 'merge', () => {}, true);
    expect(r.problems).toEqual([]);
    expect([r.diff.added, r.diff.changed]).toEqual([1, 0]);
    expect(partners(r.texts.dialogues)).toEqual(['ایران', 'افغانستان', 'Union européenne'.normalize('NFC')]);
  });

  it('names are read composed (NFC): the dialogues, topics and venues files, and a link’s filters', () => {
    expect(partners(shown.dialogues)).toContain('Union européenne'.normalize('NFC'));
    const topics = parseTopics('id,label\nimmigration,Immigration e\u0301trange\u0300re\n').rows;
    expect(topics[0]!.label).toBe('Immigration étrangère'.normalize('NFC'));
    const link = parseHash(`#/?partner=${encodeURIComponent('Union européenne'.normalize('NFD'))}`);
    expect(link.view.filters.partners).toEqual(['Union européenne'.normalize('NFC')]);
  });

  const piece = fc.constantFrom(
    'a',
    'B',
    ' ',
    ',',
    '"',
    'e\u0301',
    'é',
    'ي',
    'ی',
    'ہ\u0654',
    'ۂ',
    '中',
    'A\u030A',
    'Å',
    '\u0301',
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join('').trim());
  const named = text.filter((s) => s !== '' && !s.startsWith('\u0301'));

  it('property: any names, NFD or NFC → download → upload (as written, or saved again in the other form) gives an empty diff', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), named, named, text), {
          selector: ([id]) => id,
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        (rows, form) => {
          const header = fixture('dialogues-urdu-shown.csv').split('\n')[0]!.split(',');
          const csv = csvText(
            header,
            rows.map(([id, partner, track, words]) =>
              [id, '2025', 'planned', partner, track, '', '', '', 'counter-terrorism', '', '', 's1', words, words].map(
                (v) => v.normalize(form),
              ),
            ),
          );
          const data = { ...shown, dialogues: csv };
          const { dataset } = buildDataset(data);
          const downloaded = dialoguesCsv(dataset.dialogues);
          for (const again of [
            downloaded,
            downloaded.normalize('NFC'),
            downloaded.normalize('NFD'),
            csv.normalize('NFC'),
          ]) {
            const r = ingest([{ name: 'dialogues.csv', text: again }], data, 'replace');
            expect(r.errors).toBe(0);
            expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
            expect(r.problems.filter((p) => p.column === 'partner' || p.column === 'track')).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('text lost to a plain CSV: letters saved as “?”', () => {
  it('values of “?” that replace Urdu text, and “??” in new rows beside it, are one warning for the file, counted', () => {
    const r = ingest(upload('dialogues-excel-plain-csv-question-marks.csv'), shown, 'merge', () => {}, true);
    expect(r.problems).toEqual([
      {
        file: 'dialogues-excel-plain-csv-question-marks.csv',
        line: 2,
        column: 'partner',
        value: '?????????',
        message:
          '“?????????” would replace “افغانستان” (6 values in 2 rows of this file look so): the text looks lost by saving as plain CSV, which writes “?” for each letter its language setting cannot hold (Excel’s “CSV (Comma delimited)” on English Windows does so to Urdu, Arabic and Chinese). Save the file from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8) and upload it again; the letters lost in this copy cannot be read back from it.',
        severity: 'warning',
      },
    ]);
  });

  it('a question mark in text, or “??” in data with only Latin letters, is not taken for lost text', () => {
    const header = fixture('dialogues-urdu-shown.csv').split('\n')[0]!;
    const asked = `${header}\naf-jcc-1,2023-02-22,held,افغانستان,مشترکہ رابطہ کمیٹی,1,,kabul,counter-terrorism,,,s1,کیا اجلاس ہوا؟ Yes?,Met?\n`;
    expect(ingest([{ name: 'd.csv', text: asked }], shown, 'merge').problems).toEqual([]);
    const latin = bundledTexts();
    const added = `${header}\nnew-1,2027,planned,European Union,Energy Talks ??,,,,counter-terrorism,,,s1,q??,s\n`;
    expect(ingest([{ name: 'd.csv', text: added }], latin, 'merge').problems).toEqual([]);
  });
});
