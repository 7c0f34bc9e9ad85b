import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseVenueTable } from '../../src/lib/data/venue-table';
import { parseVenues } from '../../src/lib/data/venues';
import { detectKind } from '../../src/lib/ingest/detect';
import { ingest } from '../../src/lib/ingest/ingest';
import { bundledTexts, fixture } from '../fixtures/read';

const current = bundledTexts();

describe('venues as a table (a spreadsheet of cities)', () => {
  it('is known by its columns, latitude and longitude spelled out too', () => {
    expect(detectKind('id,name,country,lat,lon\n')).toEqual({ kind: 'venues' });
    expect(detectKind('ID;Name;Latitude;Longitude\n')).toEqual({ kind: 'venues' });
    expect(detectKind('id,name,country\n').kind).toBeNull(); // no coordinates: not venues
  });

  it('missing one coordinate column is still a venues table, and the check names the column', () => {
    expect(detectKind('id,name,country,lat\n').kind).toBe('venues');
    const r = ingest(
      [{ name: 'cities.csv', text: 'id,name,country,latitude\nkabul,Kabul,Afghanistan,34.5553\n' }],
      current,
      'replace',
    );
    expect(r.files[0]).toMatchObject({ name: 'cities.csv', kind: 'venues' });
    expect(r.problems[0]).toMatchObject({ file: 'cities.csv', line: 1, severity: 'error' });
    expect(r.problems[0]!.message).toContain('lon');
  });

  it('a meeting whose venue the uploaded table lacks is warned of by the table’s own name', () => {
    const text = 'id,name,country,lat,lon\nbrussels,Brussels,Belgium,50.8503,4.3517\n';
    const r = ingest([{ name: 'cities.csv', text }], current, 'replace');
    const unknown = r.problems.filter((p) => p.column === 'venue_id');
    expect(unknown.length).toBeGreaterThan(0);
    for (const p of unknown) {
      expect(p).toMatchObject({ file: 'dialogues.csv (shown now)', severity: 'warning' });
      expect(p.message).toContain('no venue in cities.csv has this id');
    }
    // Merged into the venues shown, the warning names the venues as they are kept.
    const merged = ingest(
      [{ name: 'cities.csv', text: 'id,name,country,lat,lon\ndoha,Doha,Qatar,25.2854,51.531\n' }],
      current,
      'merge',
    );
    expect(merged.problems.filter((p) => p.column === 'venue_id')).toEqual([]);
  });

  it('reads Excel’s semicolons and decimal commas into the same places as the GeoJSON', () => {
    const { rows, problems } = parseVenueTable(fixture('venues-excel-semicolon-decimal-comma.csv'), 'venues.csv');
    expect(problems).toEqual([]);
    const geo = parseVenues(current.venues).rows;
    for (const v of geo) expect(rows.find((r) => r.id === v.id)).toMatchObject(v);
    expect(rows.find((r) => r.id === 'doha')).toMatchObject({ lat: 25.2854, lon: 51.531, line: 5 });
  });

  it('names each problem by line and column: a missing number, a latitude out of range, a row with no id', () => {
    const { rows, problems, leftOut } = parseVenueTable(fixture('venues-table-problems.csv'), 'venues.csv');
    expect(rows.map((r) => r.id)).toEqual(['brussels', 'islamabad']);
    expect(problems.map((p) => [p.line, p.column, p.severity])).toEqual([
      [4, 'lat', 'error'],
      [5, 'lat', 'error'],
      [6, 'id', 'error'],
    ]);
    expect(problems[1]!.message).toContain('The numbers look swapped');
    expect(problems[1]!.message).toContain('Write lat -33.8688, lon 151.2093');
    expect([...leftOut!]).toEqual([
      ['kabul', 4],
      ['sydney', 5],
    ]);
  });

  it('uploaded, it is checked like venues.geojson, kept as GeoJSON, and a swapped point is a warning at its line', () => {
    const r = ingest([{ name: 'venues.csv', text: fixture('venues-table-problems.csv') }], current, 'replace');
    expect(r.kinds).toEqual(['venues']);
    expect(r.files[0]).toMatchObject({ kind: 'venues', delimiter: ',', rows: 2, records: 5 });
    // Kabul is removed only because its row has errors, and the diff says which line.
    const kabul = r.diff.rows.find((d) => d.id === 'kabul')!;
    expect(kabul).toMatchObject({ change: 'removed', errorLine: 4 });
    const swapped = r.problems.find((p) => p.column === 'lat, lon')!;
    expect(swapped).toMatchObject({ line: 3, severity: 'warning', value: '73.0479, 33.6844' });
    expect(swapped.message).toContain('Write lat 33.6844, lon 73.0479');

    const good = ingest(
      [{ name: 'cities.csv', text: fixture('venues-excel-semicolon-decimal-comma.csv') }],
      current,
      'replace',
    );
    expect([good.errors, good.warnings]).toEqual([0, 0]);
    expect([good.diff.added, good.diff.changed, good.diff.removed]).toEqual([1, 0, 0]);
    expect(good.texts.venues.trimStart().startsWith('{')).toBe(true);
    expect(parseVenues(good.texts.venues).rows.map((v) => v.id)).toEqual(['brussels', 'islamabad', 'kabul', 'doha']);
  });

  it('an upload’s problems name a column as its header spells it (“Latitude”, “lng”), not as it is read (lat, lon)', () => {
    const text = [
      'ID,Name,Country,Latitude,lng',
      'kabul,Kabul,Afghanistan,north,69.2075',
      'brussels,Brussels,Belgium,50.8503,east',
      'sydney,Sydney,Australia,151.2093,-33.8688',
      'islamabad,Islamabad,Pakistan,73.0479,33.6844',
    ].join('\n');
    const r = ingest([{ name: 'cities.csv', text }], current, 'replace');
    const rows = r.problems.filter((p) => p.file === 'cities.csv' && p.line !== undefined && p.line > 1);
    expect(rows.map((p) => [p.line, p.column])).toEqual([
      [2, 'Latitude'],
      [3, 'lng'],
      [4, 'Latitude'],
      [5, 'Latitude, lng'],
    ]);
    // Its message's advice too: the swap written in the file's names.
    expect(rows[2]!.message).toContain('is the latitude in the lng column? Write Latitude -33.8688, lng 151.2093');
    expect(rows[3]!.message).toContain('Write Latitude 33.6844, lng 73.0479');
  });

  it('a semicolon table with decimal commas (European Excel) gets the swap advice a dot-decimal one gets, its numbers written with decimal commas, and none when right', () => {
    const head = 'id;name;country;lat;lon';
    const swapped = ingest(
      [{ name: 'v.csv', text: `${head}\nislamabad;Islamabad;Pakistan;73,0479;33,6844\n` }],
      current,
      'merge',
    );
    const dots = ingest(
      [{ name: 'v.csv', text: `${head}\nislamabad;Islamabad;Pakistan;73.0479;33.6844\n` }],
      current,
      'merge',
    );
    const advice = (r: typeof swapped) =>
      r.problems.filter((p) => p.message.includes('look swapped')).map((p) => p.message);
    // Written as the file writes its numbers, so the advice can be typed into a comma-locale spreadsheet.
    expect(advice(swapped)).toEqual([
      'Venue “islamabad” is placed outside Pakistan: the numbers look swapped. Write lat 33,6844, lon 73,0479.',
    ]);
    expect(advice(dots)).toEqual([
      'Venue “islamabad” is placed outside Pakistan: the numbers look swapped. Write lat 33.6844, lon 73.0479.',
    ]);
    expect(swapped.problems.find((p) => p.message.includes('look swapped'))?.value).toBe('73,0479; 33,6844');
    expect(swapped.swapped?.map((v) => v.id)).toEqual(['islamabad']);
    const right = ingest(
      [{ name: 'v.csv', text: `${head}\nislamabad;Islamabad;Pakistan;33,6844;73,0479\n` }],
      current,
      'merge',
    );
    expect(advice(right)).toEqual([]);
    expect(right.swapped).toEqual([]);
    // A mistyped number's example is written the file's way too.
    const typo = ingest(
      [{ name: 'v.csv', text: `${head}\nkabul;Kabul;Afghanistan;34,5553x;69,2075\n` }],
      current,
      'merge',
    );
    expect(typo.problems.find((p) => p.column === 'lat')?.message).toBe(
      'Expected the latitude as a number of degrees, e.g. 33,6844 (north positive).',
    );
  });

  it('a table headed “Venue ID” is refused in one line, which says to rename it id; no warning says its ids were dropped', () => {
    const text = ['Venue ID,name,country,lat,lon', 'kabul,Kabul,Afghanistan,34.5553,69.2075'].join('\n');
    const r = ingest([{ name: 'cities.csv', text }], current, 'replace');
    const own = r.problems.filter((p) => p.file === 'cities.csv');
    expect(own).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'id',
        severity: 'error',
        message:
          'Missing required column: id. The header must name: id, lat, lon. The column “Venue ID” may be id: rename it id.',
      }),
    ]);
    // A meetings file headed “Meeting ID” likewise.
    const [head, ...rest] = current.dialogues.split('\n');
    const meetings = ingest(
      [{ name: 'm.csv', text: [head!.replace(/^id,/, 'Meeting ID,'), ...rest].join('\n') }],
      current,
      'replace',
    );
    expect(meetings.problems.filter((p) => p.file === 'm.csv').map((p) => [p.severity, p.message])).toEqual([
      ['error', expect.stringContaining('The column “Meeting ID” may be id: rename it id.')],
    ]);
  });

  it('the review’s changed values name each column as the header spells it (“latitude”, “Lng”), not as it is read (lat, lon)', () => {
    const text = [
      'id;name;country;latitude;Lng',
      'brussels;Brussels;Belgium;50,85;4,3517',
      'islamabad;Islamabad;Pakistan;33,6844;73,05',
      'doha;Doha;Qatar;25,2854;51,531',
    ].join('\n');
    const r = ingest([{ name: 'cities.csv', text }], current, 'replace');
    // The id has a column of its own in the review.
    const fields = (id: string) => r.diff.rows.find((row) => row.id === id)!.fields.filter((f) => f.column !== 'id');
    expect(fields('brussels')).toEqual([{ column: 'latitude', before: '50.8503', after: '50.85' }]);
    expect(fields('islamabad')).toEqual([{ column: 'Lng', before: '73.0479', after: '73.05' }]);
    expect(fields('doha').map((f) => f.column)).toEqual(['name', 'country', 'latitude', 'Lng']);
    // A venue the file drops is named in its terms too.
    expect(fields('kabul').map((f) => f.column)).toEqual(['name', 'country', 'latitude', 'Lng']);
  });

  it('a meetings file’s changed values name its columns as its header does (“Venue ID”)', () => {
    const [head, ...rest] = current.dialogues.trimEnd().split('\n');
    const text = [head!.replace('venue_id', 'Venue ID'), ...rest.map((l) => l.replace(',brussels,', ',islamabad,'))];
    const r = ingest([{ name: 'meetings.csv', text: text.join('\n') }], current, 'replace');
    const changed = r.diff.rows.filter((row) => row.change === 'changed');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((row) => row.fields.every((f) => f.column === 'Venue ID'))).toBe(true);
  });

  it('any venues written as a table by a spreadsheet (comma, or semicolon with decimal commas; LF or CRLF) read back the same', () => {
    const venue = fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
      name: fc
        .string({ unit: fc.constantFrom('a', 'B', ' ', ',', ';', '"', 'é', '\n'), minLength: 1, maxLength: 8 })
        .filter((n) => n.trim() === n && n !== 'NA'),
      country: fc.constantFrom('', 'Pakistan', 'Côte d’Ivoire', 'Bosnia; Herz.'),
      lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => Math.round(x * 1e4) / 1e4),
      lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => Math.round(x * 1e4) / 1e4),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(venue, { selector: (v) => v.id, minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        (venues, delimiter, newline) => {
          const number = (x: number) => (delimiter === ';' ? String(x).replace('.', ',') : String(x));
          const text = Papa.unparse(
            {
              fields: ['id', 'name', 'country', 'latitude', 'longitude'],
              data: venues.map((v) => [v.id, v.name, v.country, number(v.lat), number(v.lon)]),
            },
            { delimiter, newline },
          );
          const { rows, problems } = parseVenueTable(text, 'venues.csv');
          expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(rows.map(({ line: _, ...v }) => v)).toEqual(
            venues.map((v) => ({ ...v, lat: v.lat + 0, lon: v.lon + 0 })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
