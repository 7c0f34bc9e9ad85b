import Papa from 'papaparse';
import { REQUIRED_DIALOGUE_COLUMNS } from '../data/dialogues';
import { restoreFormula } from '../data/formula';
import { ID_PATTERN, packageDescriptor, PARTIAL_DATE_PATTERN } from '../data/package-schema';
import { DATA_FILES, DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS } from '../data/schema';
import {
  REQUIRED_SOURCE_COLUMNS,
  REQUIRED_TOPIC_COLUMNS,
  REQUIRED_VENUE_TABLE_COLUMNS,
} from '../data/required-columns';
import { VENUE_TABLE_COLUMNS } from '../data/venue-table';
import { csvText, UTF8_BOM } from '../data/csv-write';
import { TEMPLATES_README_TITLE } from '../data/package-readme-name';
import { TEMPLATE_FILES } from './template-names';

/**
 * The Template: a file for each kind an analyst can upload (dialogues.csv, topics.csv,
 * sources.csv and venues as a CSV), each its header and example rows taken from the published
 * data (a real meeting, its venue, its topics and its source: nothing made up, and uploaded together
 * they raise no problem at all), and a
 * README.txt saying what each column holds, in what format, and which are required, written from
 * the data package's Table Schemas (package-schema.ts), which the parser's rules make.
 */

/** The published files' texts, as data/ holds them. */
export interface PublishedTexts {
  dialogues: string;
  venues: string;
  topics: string;
  sources: string;
}

/** A CSV's rows as records by column name, each cell as the app reads it (a formula's apostrophe removed). */
function records(text: string, preview = 0): Record<string, string>[] {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, preview }).data;
  const [header = [], ...body] = rows;
  // A row cut short (the end of a large file's first megabyte) is not one to copy.
  return body
    .filter((cells) => cells.length === header.length)
    .map((cells) =>
      Object.fromEntries(header.map((name, i) => [name.trim(), restoreFormula((cells[i] ?? '').trim())])),
    );
}

interface VenueFeature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: { id?: unknown; name?: unknown; country?: unknown };
}

/**
 * The example rows: the published meeting with the most cells filled in whose venue, topics and
 * source the published files list (the first such, in file order), its venue, its topics, its source.
 */
export function exampleRows(published: PublishedTexts) {
  const venues = new Map<string, Record<string, string>>();
  for (const f of (JSON.parse(published.venues) as { features?: VenueFeature[] }).features ?? []) {
    const c = f.geometry?.coordinates;
    if (f.geometry?.type !== 'Point' || !Array.isArray(c)) continue;
    const id = String(f.properties?.id ?? '');
    venues.set(id, {
      id,
      name: String(f.properties?.name ?? ''),
      country: String(f.properties?.country ?? ''),
      lon: String(c[0]),
      lat: String(c[1]),
    });
  }
  const topics = new Map(records(published.topics).map((r) => [r.id!, r]));
  const sources = new Map(records(published.sources).map((r) => [r.id!, r]));
  let best: Record<string, string> | null = null;
  let bestFilled = -1;
  // The first thousand meetings are enough to choose from (a published file may hold a million).
  for (const r of records(published.dialogues, 1001)) {
    const listed = (r.topics ?? '').split(';').filter(Boolean);
    if (!venues.has(r.venue_id ?? '') || !sources.has(r.source_id ?? '') || !listed.every((t) => topics.has(t)))
      continue;
    const filled = DIALOGUE_COLUMNS.filter((c) => (r[c] ?? '') !== '').length;
    if (filled > bestFilled) [best, bestFilled] = [r, filled];
  }
  if (!best)
    throw new Error(
      `${DATA_FILES.dialogues}: no meeting names a venue, a topic and a source the published files list, so the Template has no example row`,
    );
  return {
    dialogue: best,
    venue: venues.get(best.venue_id!)!,
    topics: best
      .topics!.split(';')
      .filter(Boolean)
      .map((t) => topics.get(t)!),
    source: sources.get(best.source_id!)!,
  };
}

/** A Table Schema field as package-schema.ts writes it. */
interface Field {
  name: string;
  type: string;
  delimiter?: string;
  description: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

const PATTERNS: Record<string, string> = {
  [PARTIAL_DATE_PATTERN]: 'YYYY, YYYY-MM or YYYY-MM-DD (a real date)',
  [ID_PATTERN]: 'any text, not starting or ending with a space',
};

/** A field's format, in words, from its type and constraints. */
function format(f: Field): string {
  const c = f.constraints ?? {};
  const parts: string[] = [];
  if (c.enum) parts.push(`one of: ${c.enum.join(', ')}`);
  else if (c.pattern) parts.push(PATTERNS[c.pattern] ?? `text matching the regular expression ${c.pattern}`);
  else if (f.type === 'list') parts.push(`a list, its items separated by “${f.delimiter}” (no spaces needed)`);
  else if (f.type === 'integer')
    parts.push(c.minimum !== undefined ? `a whole number, ${c.minimum} or more` : 'a whole number');
  else if (f.type === 'number') {
    parts.push(
      c.minimum !== undefined && c.maximum !== undefined
        ? `a decimal number from ${c.minimum} to ${c.maximum}`
        : 'a decimal number',
    );
  } else parts.push('text');
  if (c.unique) parts.push('unique in the file');
  return parts.join('; ');
}

/** One file's part of the README: its columns in the template's order, each with what it holds, its format, and whether it is required. */
function section(
  file: string,
  title: string,
  columns: readonly string[],
  fields: readonly Field[],
  requiredColumns: readonly string[],
  note = '',
): string {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const lines = [
    `${file}: ${title}`,
    ...(note ? [note] : []),
    `Required columns (the header must name them): ${requiredColumns.join(', ')}. The others may be left out.`,
    '',
  ];
  for (const name of columns) {
    const f = byName.get(name);
    if (!f) throw new Error(`${file}: column “${name}” has no field in the data package's schema (package-schema.ts)`);
    const needs = [
      requiredColumns.includes(name) ? 'required column' : 'optional column',
      f.constraints?.required ? 'every row needs a value' : 'may be empty',
    ];
    lines.push(`  ${name} (${needs.join(', ')})`, `    ${f.description}`, `    Format: ${format(f)}.`);
  }
  return lines.join('\n');
}

type Resource = { name: string; title: string; description?: string; schema: { fields: Field[] } };

/** README.txt: what the files are, where the examples come from, and each file's columns. */
export function templateReadme(example: ReturnType<typeof exampleRows>): string {
  const resources = new Map((packageDescriptor().resources as Resource[]).map((r) => [r.name, r]));
  const r = (name: string) => resources.get(name)!;
  const d = example.dialogue;
  return [
    TEMPLATES_README_TITLE,
    '',
    `Each CSV here holds its header row and example rows taken from the published data: one meeting, ${d.id} (${d.partner}, ${d.track}, ${d.date}), with its venue ${example.venue.id}, the ${example.topics.length} topics it lists and its source ${example.source.id}. The examples are real; replace them with your rows, or keep them. Uploaded together as they are, the four files raise no problem.`,
    '',
    'Save the files as “CSV UTF-8” and upload them together on the Data panel (Upload files…, or drop them on the page; this README may come along, it is passed over). Nothing changes until you apply.',
    'An upload replaces the data shown unless you choose otherwise: meetings, venues, topics and sources not in your files are removed (the review lists them, and Apply asks before removing meetings). To add your rows to the data shown, or update some of it, choose “merge” in the review before applying.',
    'Cells starting with =, +, - or @ are written with an apostrophe before them, so a spreadsheet shows them as text rather than running them; the upload removes it again.',
    '',
    section(
      TEMPLATE_FILES.dialogues,
      r('dialogues').title,
      DIALOGUE_COLUMNS,
      r('dialogues').schema.fields,
      REQUIRED_DIALOGUE_COLUMNS,
    ),
    '',
    section(
      TEMPLATE_FILES.venues,
      r('venues').title,
      VENUE_TABLE_COLUMNS,
      r('venues').schema.fields,
      REQUIRED_VENUE_TABLE_COLUMNS,
      `Venues may come as this CSV or as ${DATA_FILES.venues}, which the app keeps: ${r('venues').description ?? ''} A venues CSV is turned into it when applied.`,
    ),
    '',
    section(TEMPLATE_FILES.topics, r('topics').title, TOPIC_COLUMNS, r('topics').schema.fields, REQUIRED_TOPIC_COLUMNS),
    '',
    section(
      TEMPLATE_FILES.sources,
      r('sources').title,
      SOURCE_COLUMNS,
      r('sources').schema.fields,
      REQUIRED_SOURCE_COLUMNS,
    ),
    '',
  ].join('\n');
}

/** Each template file's name and text (each CSV with a BOM, as every CSV the app downloads). */
export function templateFiles(published: PublishedTexts): Record<string, string> {
  const example = exampleRows(published);
  const csv = (columns: readonly string[], ...rows: Record<string, string>[]) =>
    UTF8_BOM +
    csvText(
      columns,
      rows.map((row) => columns.map((c) => row[c] ?? '')),
    );
  return {
    [TEMPLATE_FILES.dialogues]: csv(DIALOGUE_COLUMNS, example.dialogue),
    [TEMPLATE_FILES.venues]: csv(VENUE_TABLE_COLUMNS, example.venue),
    [TEMPLATE_FILES.topics]: csv(TOPIC_COLUMNS, ...example.topics),
    [TEMPLATE_FILES.sources]: csv(SOURCE_COLUMNS, example.source),
    // CRLF: Notepad on older Windows shows a README with LF line ends as one long line.
    [TEMPLATE_FILES.readme]: templateReadme(example).replace(/\n/g, '\r\n'),
  };
}
