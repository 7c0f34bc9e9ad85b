import { describe, expect, it } from 'vitest';
import { parseVenueTable } from '../../src/lib/data/venue-table';
import { parseVenues } from '../../src/lib/data/venues';
import { ingestFiles } from '../../src/lib/ingest/ingest';
import { bundledTexts, fixture, fixtureBlob } from '../fixtures/read';

/**
 * How an upload recognises a file and explains one it cannot use: each message names the file,
 * the line or feature, the value and what was expected.
 */
const current = bundledTexts();
const upload = (name: string, data: Blob | string = fixtureBlob(name), mode: 'replace' | 'merge' = 'replace') =>
  ingestFiles([{ name, data }], current, mode);

describe('a zip that is not whole', () => {
  it('the Data package cut short is said to be a damaged zip, with what it begins with, not a spreadsheet', async () => {
    const r = await upload('package-cut-short.zip');
    expect(r.errors).toBe(1);
    expect(r.files).toEqual([{ name: 'package-cut-short.zip', kind: null, message: r.problems[0]!.message }]);
    expect(r.problems[0]!.message).toBe(
      'This zip file is damaged or incomplete (a download cut short, or a copy not finished): its list of contents cannot be read, so none of its files can. It begins with “datapackage.json” and “dialogues.csv”. Download the package again and upload that, or unzip a good copy and upload its CSV and GeoJSON files.',
    );
    // Named otherwise, its files still say it is a package, not a workbook.
    const renamed = await upload('package', fixtureBlob('package-cut-short.zip'));
    expect(renamed.problems[0]!.message).toMatch(/^This zip file is damaged or incomplete/);
  });

  it('a workbook renamed .csv is still a workbook, whole or cut short (its first part names it)', async () => {
    for (const name of ['workbook-renamed.csv', 'workbook-cut-short.csv']) {
      const r = await upload(name);
      expect(r.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/^This is a spreadsheet workbook \(\.xlsx or \.ods\), not a CSV file\./),
      ]);
    }
  });
});

describe('a file not known', () => {
  it('quotes its header as written, on its line, and says which file it looks like and what to rename', async () => {
    const r = await upload('dialogues-foreign-header.csv');
    expect(r.problems).toEqual([
      {
        file: 'dialogues-foreign-header.csv',
        line: 1,
        message:
          'Not a file we know: its header, line 1, names “Meeting ID”, “Meeting Date”, “Status”, “Counterpart Country”, “Dialogue Name”. It looks like dialogues.csv (it names status): rename “Meeting ID” to id and “Meeting Date” to date, and add the columns partner, track, venue_id, topics and source_id.',
        severity: 'error',
      },
    ]);
  });

  it('counts blank lines above the header, and quotes a header of a single endless line as far as read', async () => {
    const r = await upload('notes.csv', '\n\nName, Age ,,Name\nAda,36,,\n');
    expect(r.problems[0]).toMatchObject({ line: 3 });
    expect(r.problems[0]!.message).toMatch(
      /^Not a file we know: its header, line 3, names “Name”, “Age”, “Name”\. Expected dialogues\.csv/,
    );
    const endless = await upload('one-line.csv', 'a,'.repeat(100_000));
    expect(endless.problems[0]!.message).toMatch(
      /^Not a file we know: its header, line 1, names “a”, “a”, “a”, “a”, “a”, “a” and more\./,
    );
  });

  it('calls a saved web page one, with its title and how to download the file itself', async () => {
    const r = await upload('web-page-saved-as.csv');
    expect(r.problems).toEqual([
      expect.objectContaining({ file: 'web-page-saved-as.csv', line: 1, severity: 'error' }),
    ]);
    expect(r.problems[0]!.message).toMatch(
      /^This is a web page \(HTML\), not a CSV file: its title is “dialogues\.csv - Google Sheets”\. .*Google Sheets: File › Download › Comma-separated values/,
    );
  });
});

describe('venues in metres (a projected system)', () => {
  it('a "crs" naming Web Mercator: one error for the file, at the "crs", with how to export degrees', () => {
    const { rows, problems, unreadable } = parseVenues(fixture('venues-web-mercator.geojson'), 'mercator.geojson');
    expect([rows, unreadable]).toEqual([[], true]);
    expect(problems).toEqual([
      {
        file: 'mercator.geojson',
        line: 35,
        column: 'crs',
        value: 'urn:ogc:def:crs:EPSG::3857',
        message:
          'The coordinates are in metres (EPSG:3857, Web Mercator, as the file’s "crs" names it; feature 1 is at [8131655, 3987001]), not degrees: export the file as WGS 84 (EPSG:4326), longitude and latitude in degrees, and upload it again (QGIS: Export › Save Features As…, CRS EPSG:4326; ogr2ogr: -t_srs EPSG:4326).',
        severity: 'error',
      },
    ]);
  });

  it('no "crs", every point far beyond ±180, ±90: the same, named by the first feature', () => {
    const { problems } = parseVenues(fixture('venues-metres-no-crs.geojson'), 'utm.geojson');
    expect(problems).toEqual([
      expect.objectContaining({ feature: 1, column: 'coordinates', value: '[319800, 3728200]', severity: 'error' }),
    ]);
    expect(problems[0]!.message).toMatch(/^The coordinates are in metres, not degrees: every feature lies far beyond/);
    expect(problems[0]!.message).toContain('export the file as WGS 84 (EPSG:4326)');
  });

  it('uploaded, nothing of it is compared and no meeting is warned of its venue', async () => {
    const r = await upload('venues-web-mercator.geojson');
    expect([r.errors, r.warnings]).toEqual([1, 0]);
    expect(r.files[0]).toMatchObject({ kind: 'venues', unreadable: true });
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
  });
});

describe('text that is not UTF-8, or not text', () => {
  it('a GeoJSON in Windows-1252 is told to save or export it as UTF-8, not from a spreadsheet; a CSV still is', async () => {
    const r = await upload('venues-windows-1252.geojson');
    expect(r.problems).toEqual([
      {
        file: 'venues-windows-1252.geojson',
        line: 30,
        message:
          'This file is not UTF-8 text. Line 30 is the first with a character in another encoding: “ü” (as Windows-1252 writes it) in “"name": "Zürich",”. GeoJSON is read as UTF-8: save or export it as UTF-8 (QGIS: Export › Save Features As…, Encoding UTF-8; a text editor such as VS Code or Notepad++: Save with Encoding › UTF-8) and upload it again.',
        severity: 'error',
      },
    ]);
    const csv = await upload('latin1.csv', new Blob([new Uint8Array([0x69, 0x64, 0x0a, 0xe9, 0x0a])]));
    expect(csv.problems[0]!.message).toContain('Save it from the spreadsheet as “CSV UTF-8”');
  });

  it('a stray NUL in text is named by its line and character, to be deleted; not called binary data', async () => {
    const r = await upload('dialogues-nul-byte.csv');
    expect(r.problems).toEqual([
      expect.objectContaining({ file: 'dialogues-nul-byte.csv', line: 3, severity: 'error' }),
    ]);
    expect(r.problems[0]!.message).toMatch(
      /^Line 3 holds an invisible character, NUL \(a zero byte\), at character \d+: “…a fair and organised␀ way\."” \(␀ marks it\)\. .*Delete it/,
    );
  });

  it('UTF-16 without its BOM is read as UTF-16, as with one: the same meetings', async () => {
    const r = await upload('dialogues-utf16le-no-bom.txt', undefined, 'merge');
    expect(r.errors).toBe(0);
    expect(r.files[0]).toMatchObject({ kind: 'dialogues', delimiter: '\t', rows: 3 });
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
  });
});

describe('a venue’s coordinates both out of range', () => {
  it('are both said, in GeoJSON and in a venues table', () => {
    const { problems } = parseVenues(fixture('venues-both-out-of-range.geojson'));
    expect(problems).toEqual([
      expect.objectContaining({
        feature: 1,
        column: 'coordinates',
        value: '[200, 95]',
        message:
          'Longitude 200 and latitude 95 are both out of range: expected a longitude from −180 to 180 and a latitude from −90 to 90.',
      }),
    ]);
    const table = parseVenueTable('id,name,country,lat,lon\nbrussels,Brussels,Belgium,95,200\n', 'venues.csv');
    expect(table.problems).toEqual([
      expect.objectContaining({ line: 2, column: 'lat, lon', value: '95, 200', message: problems[0]!.message }),
    ]);
  });
});
