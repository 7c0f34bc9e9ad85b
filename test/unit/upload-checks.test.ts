import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/lib/ingest/ingest';
import { extraColumns, venuesOutsideCountry } from '../../src/lib/ingest/upload-checks';
import { oneSlipApart } from '../../src/lib/ingest/typing-slips';
import { DIALOGUE_COLUMNS } from '../../src/lib/data/schema';
import { bundled, fixture } from '../fixtures/read';

const current = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

describe('checks on the upload path (worker and command line)', () => {
  it('an extra column is a warning naming it, and the rows still load', () => {
    const result = ingest([{ name: 'extra.csv', text: fixture('dialogues-extra-column.csv') }], current, 'merge');
    expect(result.errors).toBe(0);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'extra.csv', line: 1, column: 'notes', severity: 'warning' }),
    );
  });

  it('a required column missing beside one named around it ("Dialogue ID") says that one may be it', () => {
    const text = bundled('dialogues.csv').replace(/^id,/, 'Dialogue ID,');
    const result = ingest([{ name: 'renamed.csv', text }], current, 'replace');
    const missing = result.problems.find((p) => p.message.startsWith('Missing required column: id.'));
    expect(missing?.message).toContain('The column “Dialogue ID” may be id: rename it id.');
    // A column that is read (venue_id, source_id) is never offered as the id.
    expect(missing?.message).not.toMatch(/“(venue_id|source_id)” may be/);
  });

  it('a required column missing beside an optional one named around it (partner, lead_partner) does not offer the optional one', () => {
    const text = bundled('dialogues.csv').replace(/^(.*)$/m, (h) => h.replace(',partner,', ',Country,'));
    const result = ingest([{ name: 'sheet.csv', text }], current, 'replace');
    const missing = result.problems.find((p) => p.message.startsWith('Missing required column: partner.'));
    expect(missing?.message).toBe(
      'Missing required column: partner. The header must name: id, date, status, partner, track, venue_id, topics, source_id.',
    );
  });

  it('required columns missing beside columns named short of them (Venue, topic, source) say those may be them', () => {
    const text = bundled('dialogues.csv').replace(/^(.*)$/m, (h) =>
      h.replace('venue_id', 'Venue').replace('topics', 'topic').replace('source_id', 'source'),
    );
    const result = ingest([{ name: 'sheet.csv', text }], current, 'replace');
    const missing = result.problems.find((p) => p.message.startsWith('Missing required columns:'));
    expect(missing?.message).toContain(
      'The column “Venue” may be venue_id: rename it venue_id; the column “topic” may be topics: rename it topics; the column “source” may be source_id: rename it source_id.',
    );
  });

  it('a required column misspelt by a typing slip ("Stauts", "titel") is named as that column in the error, the one line about it', () => {
    const text = bundled('dialogues.csv').replace(/^(.*)$/m, (h) => h.replace('status', 'Stauts'));
    const problems = ingest([{ name: 'sheet.csv', text }], current, 'replace').problems;
    expect(problems.find((p) => p.message.startsWith('Missing required column: status.'))?.message).toContain(
      'The column “Stauts” may be status: rename it status.',
    );
    // No warning beside it that its values are dropped and each row's status left empty: no row is read.
    expect(problems.filter((p) => p.column === 'Stauts' || p.message.includes('“Stauts”'))).toHaveLength(1);
    // A letter changed in sources.csv's title, beside the other slips named with it.
    const sources = ingest([{ name: 's.csv', text: 'id,titel,publisher,published\ns1,A,,2025\n' }], current, 'replace');
    expect(sources.problems[0]!.message).toBe(
      'Missing required column: title. The header must name: id, title. The column “titel” may be title: rename it title.',
    );
  });

  it('a name two slips from a column, or one slip from a short one ("State", "Data"), is not offered as it', () => {
    const text = bundled('dialogues.csv').replace(/^(.*)$/m, (h) =>
      h.replace('status', 'State').replace('date', 'Data'),
    );
    const problems = ingest([{ name: 'sheet.csv', text }], current, 'replace').problems;
    const missing = problems.find((p) => p.message.startsWith('Missing required columns: date, status.'));
    expect(missing?.message).not.toContain('may be');
    for (const column of ['State', 'Data'])
      expect(problems.find((p) => p.column === column)?.message).not.toContain('did you mean');
  });

  it('counts a swap of two letters side by side as one typing slip, as restricted Damerau–Levenshtein distance does', () => {
    const cases = [
      { args: ['stauts', 'status'], expected: true },
      { args: ['sumary', 'summary'], expected: true },
      { args: ['titel', 'title'], expected: true },
      { args: ['statuss', 'status'], expected: true },
      { args: ['status', 'status'], expected: true },
      { args: ['state', 'status'], expected: false },
      { args: ['sutats', 'status'], expected: false },
      { args: ['x'.repeat(100_000), 'status'], expected: false },
    ] as const;
    for (const { args, expected } of cases) expect(oneSlipApart(args[0], args[1]), args.join(' / ')).toBe(expected);
    // Against the distance's table, on short words of few letters (where slips collide most).
    const distance = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => oneSlipApart(a, b) === distance(a, b) <= 1),
      { numRuns: 2000 },
    );
  });

  it('names every extra column, semicolon-separated or not, and none for the app’s own columns in any case', () => {
    expect(
      extraColumns('ID;Date;Status;Partner;Notes;Owner\n', 'x.csv', ['id', 'date', 'status', 'partner']).map(
        (p) => p.column,
      ),
    ).toEqual(['Notes', 'Owner']);
    expect(extraColumns(bundled('topics.csv'), 'topics.csv', ['id', 'label', 'theme'])).toEqual([]);
  });

  it('an unread column named like one of the app’s columns the header lacks asks whether it was meant, as applying would leave it empty', () => {
    const header = 'ID,Date,Status,Partner,Track,Venue,Topic,Source,Lead (Pakistan),Lead (partner)\n';
    const problems = extraColumns(header, 'sheet.csv', DIALOGUE_COLUMNS);
    expect(problems.map((p) => [p.column, /did you mean (\w+)\?/.exec(p.message)?.[1]])).toEqual([
      ['Venue', 'venue_id'],
      ['Topic', 'topics'],
      ['Source', 'source_id'],
      ['Lead (Pakistan)', 'lead_pakistan'],
      ['Lead (partner)', 'lead_partner'],
    ]);
    expect(problems[3]!.message).toContain(
      'Rename the column lead_pakistan to read it; as it is, its values are dropped when the data is applied or downloaded, and each row’s lead_pakistan is left empty.',
    );
    // A column the header has already is not offered again, nor a column named unlike any.
    expect(extraColumns('id,venue_id,venue\n', 'x.csv', ['id', 'venue_id'])[0]!.message).not.toContain('did you mean');
    expect(extraColumns('id,notes\n', 'x.csv', DIALOGUE_COLUMNS)[0]!.message).not.toContain('did you mean');
  });

  it('a column with no name but values (pandas’ index, R’s row names) is a warning quoting them; empty trailing columns say nothing', () => {
    const pandas = ',id,date\n0,a,2025-01-01\n1,b,2025-02-01\n2,c,2025-03-01\n3,d,2025-04-01\n';
    const [warning, ...rest] = extraColumns(pandas, 'from-pandas.csv', ['id', 'date']);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ file: 'from-pandas.csv', line: 1, column: '(no name)', severity: 'warning' });
    expect(warning!.message).toContain(
      'Column 1 has no name in the header, so its values (“0”, “1”, “2”…) are not read.',
    );
    expect(extraColumns('id,date,,\na,2025-01-01,,\nb,2025-02-01,,\n', 'excel.csv', ['id', 'date'])).toEqual([]);
  });

  it('pandas’ “Unnamed: N” columns are columns with no name: empty ones say nothing, one with values says what it is', () => {
    const pandas = 'Unnamed: 0,id,date,Unnamed: 3,Unnamed: 4\n0,a,2025-01-01,,\n1,b,2025-02-01,,\n';
    const problems = extraColumns(pandas, 'from-pandas.csv', ['id', 'date']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 'Unnamed: 0', value: 'Unnamed: 0', severity: 'warning' });
    expect(problems[0]!.message).toContain(
      'Column 1 has no name in the header (“Unnamed: 0” is pandas’ name for such a column), so its values (“0”, “1”…) are not read.',
    );
  });

  it('many unread columns are one warning that names a few and counts the rest', () => {
    const header = ['id', ...Array.from({ length: 40 }, (_, i) => `extra_${i}`)].join(',');
    const problems = extraColumns(`${header}\n`, 'wide.csv', ['id']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('40 columns are not ones the app reads (“extra_0”');
    expect(problems[0]!.message).toContain('and 35 more');
  });

  it('a venue outside the country its row names is a warning; swapped numbers are named as such', () => {
    const problems = venuesOutsideCountry(fixture('venues-outside-country.geojson'), 'venues.geojson');
    expect(problems.map((p) => [p.feature, p.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
    ]);
    expect(problems[0]!.message).toContain('look swapped');
    expect(problems[1]!.message).not.toContain('swapped');
  });

  it('the venues whose numbers look swapped are handed to Apply’s question, as the file writes them', () => {
    const geo = ingest(
      [{ name: 'venues.geojson', text: fixture('venues-outside-country.geojson') }],
      current,
      'replace',
    );
    // Kabul, a sign lost, is outside Afghanistan either way round: a warning, not a swap.
    expect(geo.swapped).toEqual([
      {
        id: 'islamabad',
        name: 'Islamabad',
        country: 'Pakistan',
        file: 'venues.geojson',
        feature: 2,
        written: '[33.6844, 73.0479]',
        meant: '[73.0479, 33.6844]',
      },
    ]);
    const table = [
      'id,name,country,lat,lon',
      'brussels,Brussels,Belgium,50.8503,4.3517',
      'islamabad,Islamabad,Pakistan,73.0479,33.6844',
    ].join('\n');
    const fromTable = ingest([{ name: 'venues.csv', text: table }], current, 'replace');
    expect(fromTable.swapped).toEqual([
      expect.objectContaining({
        id: 'islamabad',
        line: 3,
        written: 'lat 73.0479, lon 33.6844',
        meant: 'lat 33.6844, lon 73.0479',
      }),
    ]);
    expect(ingest([{ name: 'venues.geojson', text: current.venues }], current, 'replace').swapped).toEqual([]);
  });

  it('a venue outside its country names its feature where the id is written ID (ArcGIS) or only as the feature’s own id', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [73.05, 33.68] },
          properties: { ID: 'islamabad', NAME: 'Islamabad', COUNTRY: 'Pakistan' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [39.93, 32.86] },
          properties: { ID: 'ankara', NAME: 'Ankara', COUNTRY: 'Turkey' },
        },
        {
          type: 'Feature',
          id: 'rome',
          geometry: { type: 'Point', coordinates: [41.9, 12.5] },
          properties: { name: 'Rome', country: 'Italy' },
        },
      ],
    });
    expect(venuesOutsideCountry(text, 'venues.geojson').map((p) => [p.feature, p.value])).toEqual([
      [2, '[39.93, 32.86]'],
      [3, '[41.9, 12.5]'],
    ]);
  });

  it('the bundled venues, coastal or inland, are inside their countries', () => {
    expect(venuesOutsideCountry(bundled('venues.geojson'), 'venues.geojson')).toEqual([]);
    const coastal = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        ['doha', 51.531, 25.2854, 'Qatar'],
        ['karachi', 67.0011, 24.8607, 'Pakistan'],
        ['washington', -77.0369, 38.9072, 'United States'],
        ['nowhere', 10, 10, 'Atlantis'],
      ].map(([id, lon, lat, country]) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { id, name: id, country },
      })),
    });
    expect(venuesOutsideCountry(coastal, 'venues.geojson')).toEqual([]);
  });
});
