import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { packageDescriptor } from '../../src/lib/data/package-schema';
import { parsePartialDate } from '../../src/lib/data/partial-date';
import type { Source } from '../../src/lib/data/schema';
import { dataPackageZip, rowCounts } from '../../src/lib/export/data-package';
import { localStamp, packageName } from '../../src/lib/export/file-name';
import { LISTED_SOURCES, packageReadme, type PackageAbout } from '../../src/lib/export/package-readme';
import { bundledTexts } from '../fixtures/read';

/**
 * The data package's README.txt: what a presenter or researcher who gets the zip later reads to
 * know when the data was taken, what it holds, and how to cite it. Made at a fixed time throughout.
 */

const { dataset } = buildDataset(bundledTexts());
const ABOUT: PackageAbout = {
  created: '2026-12-07T21:58:51+05:00',
  unpublished: false,
  address: 'https://atlas.example/pk/',
};
const readme = (about: Partial<PackageAbout> = {}, sources: readonly Source[] = dataset.sources) =>
  packageReadme(rowCounts(dataset), sources, { ...ABOUT, ...about });
const source = (title: string, publisher = '', published: string | null = null): Source => ({
  id: 's9',
  title,
  publisher,
  published: published === null ? null : parsePartialDate(published),
});

describe('README.txt', () => {
  afterEach(() => vi.useRealTimers());

  it('says what the atlas is, when the package was made, that it is not filtered, and how to cite it', () => {
    const text = readme();
    expect(text.split('\n')[0]).toBe('Dialogue Atlas data package');
    expect(text).toContain('Dialogue Atlas is an interactive dashboard of Pakistan’s bilateral security dialogues');
    expect(text).toContain(
      'Made on 2026-12-07 at 21:58 (UTC+05:00), from the data shown at https://atlas.example/pk/.',
    );
    expect(text).toContain('Filters are not applied: the package holds all the data shown');
    expect(text).toContain(
      'Suggested citation:\nDialogue Atlas, data package downloaded 2026-12-07, https://atlas.example/pk/\n',
    );
  });

  it('counts each file’s rows and names its columns as datapackage.json does', () => {
    const text = readme();
    expect(dataset.dialogues.length).toBeGreaterThan(1);
    expect(text).toContain(
      `* dialogues.csv (${dataset.dialogues.length} rows): Meetings, held and planned, one a row.`,
    );
    expect(text).toContain(`* venues.geojson (${dataset.venues.length} features): `);
    expect(text).toContain(`* topics.csv (${dataset.topics.length} rows): `);
    expect(text).toContain(`* sources.csv (${dataset.sources.length} rows): `);
    // One source for the columns and the files' titles: the descriptor.
    for (const r of packageDescriptor().resources) {
      expect(text).toContain(`): ${r.title}.\n`);
      expect(text).toContain(`: ${r.schema.fields.map((f) => f.name).join(', ')}.\n`);
    }
    expect(packageReadme({ dialogues: 1, venues: 1, topics: 1, sources: 1 }, [], ABOUT)).toContain(
      '* dialogues.csv (1 row)',
    );
  });

  it('lists every source: title, publisher, date, and says where one is not stated', () => {
    const text = readme();
    expect(dataset.sources.length).toBe(3);
    for (const s of dataset.sources) expect(text).toContain(`* ${s.title}. `);
    expect(text).toContain(
      '* Pakistan, Afghanistan Pledge Joint Response to Terrorism in High-Level Bilateral Talks. Publisher not stated, 2025-06-29.',
    );
    expect(text).toContain('* Strengthening Pakistan EU Security Cooperation. Publisher not stated, date not stated.');
    expect(readme({}, [source('An article', 'Dawn', '2025-07')])).toContain('* An article. Dawn, 2025-07.');
    expect(readme({}, [])).toContain('* None listed.');
    const many = Array.from({ length: LISTED_SOURCES + 2 }, (_, i) => source(`Article ${i + 1}`));
    const long = readme({}, many);
    expect(long).toContain(`* Article ${LISTED_SOURCES}. `);
    expect(long).not.toContain(`* Article ${LISTED_SOURCES + 1}. `);
    expect(long).toContain('* And 2 more sources: see sources.csv.');
  });

  it('says when the data includes changes not yet published, and only then', () => {
    expect(readme({ unpublished: true })).toContain('It includes changes not yet published');
    expect(readme({ unpublished: true })).not.toContain('It is the data the site publishes.');
    expect(readme({ unpublished: false })).not.toContain('not yet published');
    expect(readme({ unpublished: false })).toContain('It is the data the site publishes.');
  });

  it('writes a value from the data as one line of plain text: a line break, a formula or markup adds nothing', () => {
    const plain = readme({}, [source('Plain title')]).split('\n');
    const hostile = [
      source("First line\r\n=cmd|' /C calc'!A0\nlast line", 'Pub\u2028lisher\tname', '2025'),
      source('=HYPERLINK("http://x")', '+evil', null),
      source('<b>bold</b> <script>alert(1)</script>', '@home', null),
      source('Reversed \u202eeman elif\u202c title\u0085end', '-minus', null),
    ];
    for (const s of hostile) {
      const lines = readme({}, [s]).split('\n');
      // As many lines as a plain title makes: nothing the data holds starts one.
      expect(lines.length, s.title).toBe(plain.length);
      for (const line of lines) expect(line, s.title).not.toMatch(/^[=+\-@\t\r]/);
    }
    const text = readme({}, hostile);
    expect(text).toContain(`* First line =cmd|' /C calc'!A0 last line. Pub lisher name, 2025.`);
    expect(text).toContain('* =HYPERLINK("http://x"). +evil, date not stated.');
    // Markup stays the characters it is: the file is plain text, never read as HTML.
    expect(text).toContain('* <b>bold</b> <script>alert(1)</script>. @home, date not stated.');
    // Marks that would show the line backwards are dropped.
    expect(text).toContain('* Reversed eman elif title end. -minus, date not stated.');
    expect(text).not.toMatch(/[\r\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('in the zip: dated as its name is, by the clock of the viewer’s day', async () => {
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      process.env.TZ = 'Asia/Karachi';
      vi.setSystemTime(new Date('2026-12-06T20:30:05Z')); // 01:30 on the 7th in Islamabad
      const made = new Date();
      const zip = await dataPackageZip(dataset, { ...ABOUT, created: localStamp(made), unpublished: true });
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      const text = strFromU8(files['README.txt']!);
      expect([...files['README.txt']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8, with a BOM as the CSVs
      expect(text).toContain('Made on 2026-12-07 at 01:30 (UTC+05:00)');
      expect(text).toContain('It includes changes not yet published');
      expect(text).toContain('Dialogue Atlas, data package downloaded 2026-12-07, https://atlas.example/pk/');
      expect(packageName(made)).toBe('dialogue-atlas-data-2026-12-07.zip');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
