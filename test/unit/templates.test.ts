import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { packageDescriptor } from '../../src/lib/data/package-schema';
import { DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS } from '../../src/lib/data/schema';
import { parseVenueTable, VENUE_TABLE_COLUMNS } from '../../src/lib/data/venue-table';
import { parseSources, parseTopics } from '../../src/lib/data/vocabulary';
import {
  REQUIRED_SOURCE_COLUMNS,
  REQUIRED_TOPIC_COLUMNS,
  REQUIRED_VENUE_TABLE_COLUMNS,
} from '../../src/lib/data/required-columns';
import { toFiles } from '../../src/lib/state/data-files';
import { TEMPLATE_FILES, TEMPLATES_ZIP } from '../../src/lib/export/template-names';
import { templateFiles } from '../../src/lib/export/templates';
import { templatesZip } from '../../src/lib/export/templates-zip';
import { ingest } from '../../src/lib/ingest/ingest';
import { nothingToApply } from '../../src/lib/ingest/not-data';
import { bundled, bundledTexts } from '../fixtures/read';

const NAMES = [
  TEMPLATE_FILES.dialogues,
  TEMPLATE_FILES.venues,
  TEMPLATE_FILES.topics,
  TEMPLATE_FILES.sources,
  TEMPLATE_FILES.readme,
];

/** The published data's line for an id (its first cell), as data/ holds it. */
const publishedLine = (file: string, id: string) =>
  bundled(file)
    .split('\n')
    .find((l) => l.startsWith(`${id},`));

describe('the Template: a zip of every file an analyst can upload', () => {
  it('is dialogue-atlas-templates.zip, holding dialogues.csv, venues.csv, topics.csv, sources.csv and README.txt', async () => {
    expect(TEMPLATES_ZIP).toBe('dialogue-atlas-templates.zip');
    const zip = unzipSync(new Uint8Array(await (await templatesZip(toFiles(bundledTexts()))).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(['README.txt', 'dialogues.csv', 'sources.csv', 'topics.csv', 'venues.csv']);
    // The zip holds the files as templateFiles writes them, each CSV after a UTF-8 BOM.
    const files = templateFiles(bundledTexts());
    for (const name of NAMES)
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(zip[name]), name).toBe(files[name]);
    for (const name of NAMES.slice(0, 4)) expect([...zip[name]!.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(zip['README.txt']!).startsWith('Dialogue Atlas')).toBe(true);
  });

  it('each CSV is its header and example rows copied from the published data: one meeting, its venue, its topics and its source (nothing made up)', () => {
    const files = templateFiles(bundledTexts());
    const lines = (name: string) =>
      files[name]!.replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\n');
    expect(lines('dialogues.csv')).toEqual([
      DIALOGUE_COLUMNS.join(','),
      publishedLine('dialogues.csv', 'eu-2025-07-17-bilateral'),
    ]);
    // Every topic the meeting lists, in its order: the four files uploaded together raise no warning.
    const listed = parseDialogues(files['dialogues.csv']!).rows[0]!.topics;
    expect(listed.length).toBeGreaterThan(1);
    expect(lines('topics.csv')).toEqual([
      TOPIC_COLUMNS.join(','),
      ...listed.map((t) => publishedLine('topics.csv', t)),
    ]);
    expect(lines('sources.csv')).toEqual([SOURCE_COLUMNS.join(','), publishedLine('sources.csv', 's1')]);
    // Brussels as venues.geojson has it: [4.3517, 50.8503], lon first.
    expect(lines('venues.csv')).toEqual([VENUE_TABLE_COLUMNS.join(','), 'brussels,Brussels,Belgium,50.8503,4.3517']);
  });

  it('each parses back through the app’s own parsers with no error and no warning', () => {
    const files = templateFiles(bundledTexts());
    const dialogues = parseDialogues(files['dialogues.csv']!);
    expect(dialogues.problems).toEqual([]);
    expect(dialogues.rows.map((r) => r.id)).toEqual(['eu-2025-07-17-bilateral']);
    for (const [name, parse] of [
      ['venues.csv', parseVenueTable],
      ['topics.csv', parseTopics],
      ['sources.csv', parseSources],
    ] as const) {
      const parsed = parse(files[name]!, name);
      expect(parsed.problems, name).toEqual([]);
      expect(parsed.rows.length, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('a cell a spreadsheet would run as a formula is written neutralised once, and reads back as published', () => {
    // As the app writes such a cell to data/ (with its apostrophe), and as typed there by hand (without).
    for (const published of [`"'=HYPERLINK(""x"")"`, `"=HYPERLINK(""x"")"`]) {
      const texts = bundledTexts();
      texts.sources = texts.sources.replace(/^s1,[^\n]*/m, `s1,${published},,`);
      const files = templateFiles(texts);
      expect(files['sources.csv'], published).toContain(`\ns1,"'=HYPERLINK(""x"")",,\n`);
      expect(parseSources(files['sources.csv']!).rows[0]!.title, published).toBe('=HYPERLINK("x")');
    }
  });

  it('uploaded together, the four files raise no problem at all, nor does their README.txt uploaded with them (a folder selected whole)', () => {
    const files = templateFiles(bundledTexts());
    const upload = ingest(
      NAMES.map((name) => ({ name, text: files[name]! })),
      bundledTexts(),
      'replace',
      () => {},
      true,
    );
    expect(upload.problems.map((p) => `${p.severity} ${p.file} ${p.column} ${p.value}: ${p.message}`)).toEqual([]);
    expect(upload.files.flatMap((f) => f.kind ?? []).sort()).toEqual(['dialogues', 'sources', 'topics', 'venues']);
    // The README is passed over, said so in the file list, and is no error to fix (it blocked Apply).
    expect(upload.files.filter((f) => f.kind === null).map((f) => [f.name, f.message])).toEqual([
      [
        'README.txt',
        'it describes the templates’ columns and formats, and holds no data itself; the CSV files beside it do.',
      ],
    ]);
  });

  it('the README.txt uploaded alone: nothing to apply, and the files to upload instead', () => {
    const readme = templateFiles(bundledTexts())['README.txt']!;
    const upload = ingest([{ name: 'README.txt', text: readme }], bundledTexts(), 'replace', () => {}, true);
    expect(upload.problems).toEqual([]);
    expect(nothingToApply(upload.files, upload.errors, upload.kinds)).toBe(
      'README.txt is the templates’ readme, not data: nothing to apply. Upload the CSV files that came with it: dialogues.csv, venues.csv, topics.csv and sources.csv.',
    );
  });

  it('README.txt says an upload replaces the data unless “merge” is chosen', () => {
    const readme = templateFiles(bundledTexts())['README.txt']!;
    expect(readme).toContain('An upload replaces the data shown unless you choose otherwise');
    expect(readme).toContain('choose “merge” in the review before applying');
  });

  it('README.txt names every column of each file, with what it holds (the data package’s descriptions), its format, and which are required', () => {
    const readme = templateFiles(bundledTexts())['README.txt']!.replace(/\r\n/g, '\n');
    expect(readme).not.toMatch(/(^|[^\r])\r(?!\n)/);
    const resources = packageDescriptor().resources;
    const fields = (name: string) =>
      (resources.find((r) => r.name === name)!.schema.fields as { name: string; description: string }[]).map(
        (f) => [f.name, f.description] as const,
      );
    const parts = [
      ['dialogues.csv', 'dialogues'],
      ['venues.csv', 'venues'],
      ['topics.csv', 'topics'],
      ['sources.csv', 'sources'],
    ] as const;
    const starts = parts.map(([file]) => readme.indexOf(`\n${file}: `));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    parts.forEach(([file, resource], i) => {
      // The file's own part: from its heading to the next file's.
      const part = readme.slice(starts[i], starts[i + 1] ?? readme.length);
      for (const [name, description] of fields(resource)) {
        expect(part, `${file} ${name}`).toContain(`\n  ${name} (`);
        expect(part, `${file} ${name}`).toContain(`\n    ${description}\n    Format: `);
      }
    });
    expect(readme).toContain(
      'Required columns (the header must name them): id, date, status, partner, track, venue_id, topics, source_id.',
    );
    expect(readme).toContain('Required columns (the header must name them): id, lat, lon.');
    expect(readme).toContain('Required columns (the header must name them): id, label.');
    expect(readme).toContain('Required columns (the header must name them): id, title.');
    expect(readme).toContain(
      '  status (required column, every row needs a value)\n    Whether the meeting was held or is planned.\n    Format: one of: held, planned.',
    );
    expect(readme).toContain('  date (required column, may be empty)');
    expect(readme).toContain('    Format: YYYY, YYYY-MM or YYYY-MM-DD (a real date).');
    expect(readme).toContain('  lat (required column, every row needs a value)');
    expect(readme).toContain('    Format: a decimal number from -90 to 90.');
    expect(readme).toContain('venues.geojson');
    expect(readme).toContain('one meeting, eu-2025-07-17-bilateral');
    expect(readme).toContain('Uploaded together as they are, the four files raise no problem.');
  });

  it('the columns README.txt names as required are those the parsers cannot read a file without', () => {
    const files = templateFiles(bundledTexts());
    for (const [name, parse, required] of [
      ['venues.csv', parseVenueTable, REQUIRED_VENUE_TABLE_COLUMNS],
      ['topics.csv', parseTopics, REQUIRED_TOPIC_COLUMNS],
      ['sources.csv', parseSources, REQUIRED_SOURCE_COLUMNS],
    ] as const) {
      const [header, row] = files[name]!.replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\n') as [string, string];
      const columns = header.split(',');
      const cells = Papa.parse<string[]>(row).data[0]!;
      // The file without one column: unreadable exactly when the column is a required one.
      columns.forEach((column, i) => {
        const without = Papa.unparse([columns.filter((_, j) => j !== i), cells.filter((_, j) => j !== i)]);
        const parsed = parse(without, name);
        expect(Boolean(parsed.unreadable), `${name} without ${column}`).toBe(
          (required as readonly string[]).includes(column),
        );
      });
    }
  });
});
