import { describe, expect, it } from 'vitest';
import { doubleEncoded, undoubled } from '../../src/lib/ingest/double-encoded';
import { ingest } from '../../src/lib/ingest/ingest';
import { bundledTexts, fixture } from '../fixtures/read';

/** `text` as Excel on Windows shows a UTF-8 file without a BOM: each byte as Windows-1252. */
const asWindows1252 = (text: string) => {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  return [...new TextEncoder().encode(text)]
    .map((b) => (b >= 0x80 && b < 0xa0 ? high[b - 0x80] : String.fromCharCode(b)))
    .join('');
};

describe('UTF-8 read as Windows-1252 and saved again (a download opened in Excel without a BOM)', () => {
  it('is one warning for the file at its first such value, naming the lines, what it was, and to save as CSV UTF-8', () => {
    const problems = ingest(
      [{ name: 'sources.csv', text: fixture('sources-utf8-read-as-windows-1252.csv') }],
      bundledTexts(),
      'merge',
    ).problems.filter((p) => p.message.includes('read as Windows-1252'));
    expect(problems).toEqual([
      {
        file: 'sources.csv',
        line: 3,
        column: 'title',
        value: 'Chinaâ€“Pakistan counter-terrorism consultations',
        message:
          '“Chinaâ€“Pakistan counter-terrorism consultations” looks like UTF-8 text read as Windows-1252 and saved again (it was “China–Pakistan counter-terrorism consultations”): 2 values look so, on lines 3 and 5. Excel on Windows opens a CSV so when it has no BOM (the app’s downloads have one). Correct the text, or start again from a new download; then save the file from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8) and upload it again.',
        severity: 'warning',
      },
    ]);
  });

  it('finds accents, dashes, quotes, Urdu and emoji so mangled, in any CSV the app reads; not real text in those scripts', () => {
    for (const word of [
      'Ürümqi',
      'Côte d’Ivoire',
      'Pakistan–UK',
      '“quoted”',
      'پاکستان',
      'Zürich 🙂',
      'São Paulo',
      'naïve',
      '中文',
    ])
      expect(doubleEncoded(`id,label\nx,${asWindows1252(word)}\n`, 't.csv'), word).toMatchObject({
        line: 2,
        column: 'label',
      });
    for (const word of [
      'Ürümqi',
      'Côte d’Ivoire',
      'Pakistan–UK',
      '“quoted”',
      'پاکستان',
      'Zürich 🙂',
      'São Paulo',
      'ÀÉÎÕÜ',
      'Ø Å Æ',
      '1 × 2 — ±3°',
      'Straße',
      // One pair that merely looks so: a letter before a no-break space and », or a closing quote.
      '« sécurité\u00A0»',
      '“CAFÉ”',
      '„Groß“',
    ])
      expect(doubleEncoded(`id,label\nx,${word}\n`, 't.csv'), word).toBeNull();
    expect(undoubled(asWindows1252('Ürümqi – پاکستان'))).toBe('Ürümqi – پاکستان');
    // dialogues.csv, topics.csv and a venues table too.
    const dialogues = bundledTexts().dialogues.replace(
      'Foreign Secretary',
      asWindows1252('Foreign Secretary – acting'),
    );
    const topics = 'id,label,theme\npiracy,Piracy,' + asWindows1252('sécurité') + '\n';
    const venues = 'id,name,country,lat,lon\nurumqi,' + asWindows1252('Ürümqi') + ',China,43.8,87.6\n';
    const found = ingest(
      [
        { name: 'd.csv', text: dialogues },
        { name: 't.csv', text: topics },
        { name: 'v.csv', text: venues },
      ],
      bundledTexts(),
      'merge',
    ).problems.filter((p) => p.message.includes('read as Windows-1252'));
    expect(found.map((p) => [p.file, p.line, p.column])).toEqual([
      ['d.csv', 2, 'level'],
      ['t.csv', 2, 'theme'],
      ['v.csv', 2, 'name'],
    ]);
  });
});
