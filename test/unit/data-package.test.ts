import { strToU8, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { packageDescriptor, packageJson } from '../../src/lib/data/package-schema';
import { DATA_FILES, STATUSES, type DataFileKind } from '../../src/lib/data/schema';
import { dataPackageZip, datasetFile, datasetFiles, rowCounts } from '../../src/lib/export/data-package';
import { packageReadme } from '../../src/lib/export/package-readme';
import { readTextPieces } from '../../src/lib/data/read-text';
import { validateFiles } from '../../src/lib/ingest/validate';
import { ingestFiles } from '../../src/lib/ingest/ingest';
import { bundled } from '../fixtures/read';

interface Field {
  name: string;
  type: string;
  delimiter?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number };
}
interface Resource {
  name: string;
  path: string;
  type?: string;
  schema: {
    fields: Field[];
    primaryKey?: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}
const descriptor = packageDescriptor() as unknown as { name: string; resources: Resource[] };
const csvResources = descriptor.resources.filter((r) => r.path.endsWith('.csv'));
const headerOf = (text: string) => Papa.parse<string[]>(text, { preview: 1 }).data[0];
/** What the package says of itself, made at a fixed time (a fixed clock: the tests do not read the machine's). */
const ABOUT = { created: '2026-12-07T21:58:51+05:00', unpublished: false, address: 'https://atlas.example/pk/' };
const texts = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

describe('datapackage.json', () => {
  it('is the shipped data/datapackage.json, so the published descriptor cannot drift from the app', () => {
    if (process.env.UPDATE_DATAPACKAGE) writeFileSync('data/datapackage.json', packageJson());
    expect(readFileSync('data/datapackage.json', 'utf8')).toBe(packageJson());
  });

  it('has what the Data Package spec requires: resources, each with a name and a path', () => {
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    expect(descriptor.resources.length).toBe(4);
    for (const r of descriptor.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(typeof r.path).toBe('string');
      expect(r.path).not.toMatch(/^\/|\.\./); // relative, inside the package
    }
    expect(new Set(descriptor.resources.map((r) => r.name)).size).toBe(4);
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(Object.values(DATA_FILES).sort());
  });

  it('names each CSV’s columns as its header does, in the shipped data and in the package the app writes', () => {
    const written = datasetFiles(buildDataset(texts).dataset);
    for (const r of csvResources) {
      const names = r.schema.fields.map((f) => f.name);
      expect(headerOf(bundled(r.path))).toEqual(names);
      expect(headerOf(written[r.name as keyof typeof written])).toEqual(names);
    }
  });

  it('has primary keys, foreign keys to resources and fields that exist, the status enum and a partial-date pattern', () => {
    const byName = new Map(descriptor.resources.map((r) => [r.name, r]));
    for (const r of descriptor.resources) {
      const names = r.schema.fields.map((f) => f.name);
      expect(r.schema.primaryKey).toEqual(['id']);
      for (const fk of r.schema.foreignKeys ?? []) {
        for (const f of fk.fields) expect(names).toContain(f);
        const target = byName.get(fk.reference.resource)!;
        for (const f of fk.reference.fields) expect(target.schema.fields.map((x) => x.name)).toContain(f);
      }
    }
    const dialogues = byName.get('dialogues')!;
    expect(dialogues.schema.foreignKeys!.map((k) => k.reference.resource).sort()).toEqual([
      'sources',
      'topics',
      'venues',
    ]);
    const field = (name: string) => dialogues.schema.fields.find((f) => f.name === name)!;
    expect(field('status').constraints?.enum).toEqual([...STATUSES]);
    const date = new RegExp(field('date').constraints!.pattern!);
    expect(['2025', '2025-07', '2025-07-17'].every((d) => date.test(d))).toBe(true);
    expect(['25', '2025-7', '17/07/2025', '2025-07-17T00:00'].some((d) => date.test(d))).toBe(false);
    expect(field('id').constraints?.required).toBe(true);
    expect(field('round').type).toBe('integer');
  });

  it('describes the shipped data: every row meets its table’s required, enum and pattern constraints', () => {
    for (const r of csvResources) {
      const rows = Papa.parse<Record<string, string>>(bundled(r.path), { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const f of r.schema.fields) {
          const v = row[f.name] ?? '';
          if (f.constraints?.required) expect(v, `${r.path} ${f.name}`).not.toBe('');
          if (v === '') continue;
          if (f.constraints?.enum) expect(f.constraints.enum).toContain(v);
          if (f.constraints?.pattern) expect(v, `${r.path} ${f.name}`).toMatch(new RegExp(f.constraints.pattern));
          if (f.type === 'integer') expect(v).toMatch(/^\d+$/);
        }
      }
    }
  });

  it('describes the shipped data: every foreign key, list items included, finds its row', () => {
    const dialogues = descriptor.resources.find((r) => r.name === 'dialogues')!;
    const rows = Papa.parse<Record<string, string>>(bundled('dialogues.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const venueIds = (
      JSON.parse(bundled('venues.geojson')) as { features: { properties: { id: string } }[] }
    ).features.map((f) => f.properties.id);
    const idsOf = (resource: string) =>
      resource === 'venues'
        ? venueIds
        : Papa.parse<Record<string, string>>(bundled(`${resource}.csv`), {
            header: true,
            skipEmptyLines: true,
          }).data.map((r) => r.id);
    for (const fk of dialogues.schema.foreignKeys!) {
      const field = dialogues.schema.fields.find((f) => f.name === fk.fields[0])!;
      const ids = new Set(idsOf(fk.reference.resource));
      for (const row of rows) {
        const value = row[field.name] ?? '';
        const values = value === '' ? [] : field.type === 'list' ? value.split(field.delimiter!) : [value];
        for (const v of values) expect(ids, `${field.name} ${v}`).toContain(v);
      }
    }
  });
});

describe('downloads published as the site’s data', () => {
  it('the files download byte for byte as data/ holds them (LF): publishing one changes only what changed', () => {
    const written = datasetFiles(buildDataset(texts).dataset);
    for (const kind of ['dialogues', 'topics', 'sources'] as const) expect(written[kind], kind).toBe(texts[kind]);
    // The venues too, laid out as data/venues.geojson is; and still the same collection as JSON.
    expect(written.venues).toBe(texts.venues);
    expect(
      JSON.parse(
        datasetFiles(buildDataset({ ...texts, venues: '{"type":"FeatureCollection","features":[]}' }).dataset).venues,
      ),
    ).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
    expect(written.dialogues).not.toContain('\r');
  });

  it('the package’s datapackage.json is the one data/ holds, byte for byte', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = await dataPackageZip(buildDataset(texts).dataset, ABOUT);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(strFromU8(files['datapackage.json']!)).toBe(readFileSync('data/datapackage.json', 'utf8'));
  });
});

describe('downloads open in Excel as UTF-8', () => {
  const BOM = [0xef, 0xbb, 0xbf];
  const start = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)];

  it('every CSV downloaded starts with a UTF-8 BOM (Excel on Windows read “China–Pakistan” as “Chinaâ€“Pakistan” without it), the GeoJSON none', async () => {
    const { dataset } = buildDataset(texts);
    for (const kind of ['dialogues', 'topics', 'sources'] as const) {
      const blob = datasetFile(dataset, kind);
      expect(await start(blob), kind).toEqual(BOM);
      // After it, the bytes data/ holds.
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())).toBe(
        `\uFEFF${texts[kind]}`,
      );
    }
    expect(await start(datasetFile(dataset, 'venues'))).toEqual([...Buffer.from(texts.venues.slice(0, 3))]);
    const { unzipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(await (await dataPackageZip(dataset, ABOUT)).arrayBuffer()));
    for (const kind of ['dialogues', 'topics', 'sources'] as const)
      expect([...files[DATA_FILES[kind]]!.slice(0, 3)], kind).toEqual(BOM);
    expect(files['venues.geojson']![0]).toBe('{'.charCodeAt(0));
    expect(files['datapackage.json']![0]).toBe('{'.charCodeAt(0));
  });

  it('each file downloaded, uploaded back, changes nothing and says nothing; the site and the validator read them as data/ holds them', async () => {
    const { dataset } = buildDataset(texts);
    const files = (Object.keys(DATA_FILES) as DataFileKind[]).map((kind) => ({
      name: DATA_FILES[kind],
      data: datasetFile(dataset, kind),
    }));
    const r = await ingestFiles(files, texts);
    expect([r.errors, r.warnings]).toEqual([0, 0]);
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
    // Copied into data/: read by the site as it reads data/ now.
    const withBom = {
      ...texts,
      dialogues: `\uFEFF${texts.dialogues}`,
      topics: `\uFEFF${texts.topics}`,
      sources: `\uFEFF${texts.sources}`,
    };
    expect(buildDataset(withBom).dataset).toEqual(buildDataset(texts).dataset);
    const pieces = await readTextPieces(datasetFile(dataset, 'dialogues'), async () => {});
    expect(pieces.join('')).toBe(texts.dialogues);
    // npm run validate (the same check, given the files' text as Node reads it, BOM and all).
    const checked = validateFiles(
      (Object.keys(DATA_FILES) as DataFileKind[]).map((kind) => ({ name: DATA_FILES[kind], text: withBom[kind] })),
      texts,
    );
    expect(checked.problems).toEqual([]);
  });
});

describe('the Data package uploaded back', () => {
  it('its .zip is unpacked and read: nothing to change, no problem, the descriptor named in the file list', async () => {
    const zip = await dataPackageZip(buildDataset(texts).dataset, ABOUT);
    const r = await ingestFiles([{ name: 'dialogue-atlas-data-2026-12-07.zip', data: zip }], texts);
    expect(r.errors).toBe(0);
    expect([r.diff.added, r.diff.changed, r.diff.removed]).toEqual([0, 0, 0]);
    expect(r.files.map((f) => [f.name, f.kind])).toEqual([
      ['dialogue-atlas-data-2026-12-07.zip › README.txt', null],
      ['dialogue-atlas-data-2026-12-07.zip › datapackage.json', null],
      ['dialogue-atlas-data-2026-12-07.zip › dialogues.csv', 'dialogues'],
      ['dialogue-atlas-data-2026-12-07.zip › venues.geojson', 'venues'],
      ['dialogue-atlas-data-2026-12-07.zip › topics.csv', 'topics'],
      ['dialogue-atlas-data-2026-12-07.zip › sources.csv', 'sources'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.files[0]!.message).toContain('says what the Data package holds');
    expect(r.files[1]!.message).toContain('holds no data itself');
  });

  it('its files uploaded from the unzipped folder, datapackage.json and README.txt among them: no error', async () => {
    const files = [
      { name: 'datapackage.json', data: packageJson() },
      { name: 'README.txt', data: `\uFEFF${packageReadme(rowCounts(buildDataset(texts).dataset), [], ABOUT)}` },
      ...Object.entries(texts).map(([kind, text]) => ({ name: DATA_FILES[kind as DataFileKind], data: text })),
    ];
    const r = await ingestFiles(files, texts);
    expect(r.errors).toBe(0);
    expect(r.kinds.sort()).toEqual(['dialogues', 'sources', 'topics', 'venues']);
  });

  it('a workbook is still a workbook, and a zip of no data files says so', async () => {
    const workbook = new Blob([
      zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>') }),
    ]);
    const notes = new Blob([zipSync({ 'notes.md': strToU8('# notes') })]);
    const r = await ingestFiles(
      [
        { name: 'book.xlsx', data: workbook },
        { name: 'notes.zip', data: notes },
      ],
      texts,
    );
    expect(r.files.map((f) => f.message)).toEqual([
      expect.stringContaining('spreadsheet workbook'),
      'This zip archive holds no CSV or GeoJSON file to read.',
    ]);
  });
});
