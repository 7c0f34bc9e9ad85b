import { REQUIRED_DIALOGUE_COLUMNS } from './dialogues';
import { DATA_FILES, DIALOGUE_COLUMNS, SOURCE_COLUMNS, STATUSES, TOPIC_COLUMNS } from './schema';

/**
 * The Frictionless Data Package (v2) descriptor of the dataset: one Table Schema per CSV, built
 * from the same column lists, statuses and required columns the app's parser enforces, so the
 * shipped data/datapackage.json (tested equal to this) cannot drift from what the app accepts.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the parser also checks that the date is real). */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
/** Ids: any text without spaces at its ends (the parser trims them) and not empty. */
export const ID_PATTERN = '^\\S(.*\\S)?$';

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'list';
  /** For a list: what separates its items (Table Schema v2), and what they are. */
  delimiter?: string;
  itemType?: 'string';
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: readonly string[]; pattern?: string; minimum?: number };
}

const DIALOGUE_FIELDS: Record<(typeof DIALOGUE_COLUMNS)[number], Omit<Field, 'name'>> = {
  id: { type: 'string', description: 'Unique id of the meeting, e.g. eu-2025-07-17-bilateral.', constraints: { pattern: ID_PATTERN, unique: true } },
  date: { type: 'string', description: 'ISO 8601 date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD; empty only for a planned meeting with no announced date.', constraints: { pattern: PARTIAL_DATE_PATTERN } },
  status: { type: 'string', description: 'Whether the meeting was held or is planned.', constraints: { enum: STATUSES } },
  partner: { type: 'string', description: 'Who Pakistan meets, e.g. European Union.' },
  track: { type: 'string', description: 'The dialogue’s name as the article gives it.' },
  round: { type: 'integer', description: 'The round’s ordinal where the source gives one.', constraints: { minimum: 1 } },
  level: { type: 'string', description: 'The level of the talks where stated.' },
  venue_id: { type: 'string', description: 'An id from venues.geojson; empty where the article names no venue.' },
  topics: {
    type: 'list',
    delimiter: ';',
    itemType: 'string',
    description: '`;`-separated ids from topics.csv (each refers to a topic); may be empty.',
  },
  lead_pakistan: { type: 'string', description: 'Who led Pakistan’s side, where the article says.' },
  lead_partner: { type: 'string', description: 'Who led the partner’s side, where the article says.' },
  source_id: { type: 'string', description: 'An id from sources.csv.' },
  evidence: { type: 'string', description: 'A short verbatim quote from the article that supports the row.' },
  summary: { type: 'string', description: 'One or two sentences paraphrasing what the article says of the meeting.' },
};

/** Columns whose every row must have a value (the parser rejects the row otherwise). */
const NON_EMPTY_DIALOGUE = new Set(['id', 'status', 'partner', 'track', 'source_id']);

const TOPIC_FIELDS: Record<(typeof TOPIC_COLUMNS)[number], Omit<Field, 'name'>> = {
  id: { type: 'string', description: 'What dialogues.csv lists in topics.', constraints: { required: true, unique: true, pattern: ID_PATTERN } },
  label: { type: 'string', description: 'Shown on the chart.' },
  theme: { type: 'string', description: 'Groups topics, e.g. security.' },
};

const SOURCE_FIELDS: Record<(typeof SOURCE_COLUMNS)[number], Omit<Field, 'name'>> = {
  id: { type: 'string', description: 'What dialogues.csv names in source_id.', constraints: { required: true, unique: true, pattern: ID_PATTERN } },
  title: { type: 'string', description: 'The article’s title.' },
  publisher: { type: 'string', description: 'Who published it, where known.' },
  published: { type: 'string', description: 'ISO date at the precision known.', constraints: { pattern: PARTIAL_DATE_PATTERN } },
};

const fields = <C extends string>(columns: readonly C[], spec: Record<C, Omit<Field, 'name'>>, required: ReadonlySet<string> = new Set()): Field[] =>
  columns.map((name) => {
    const f = spec[name];
    const constraints = { ...(required.has(name) ? { required: true } : {}), ...f.constraints };
    return { name, ...f, ...(Object.keys(constraints).length ? { constraints } : {}) };
  });

const csvDialect = { delimiter: ',', header: true };

/** The descriptor, as a plain JSON object. */
export function packageDescriptor(options: { title?: string; created?: string } = {}) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'dialogue-atlas',
    title: options.title ?? "Pakistan's bilateral security dialogues",
    description:
      'Meetings of Pakistan’s bilateral security dialogues, held and planned, with their venues, topics and sources. Read by the Dialogue Atlas from its data/ folder.',
    version: '1.0.0',
    ...(options.created ? { created: options.created } : {}),
    resources: [
      {
        name: 'dialogues',
        path: DATA_FILES.dialogues,
        title: 'Meetings, held and planned, one a row',
        type: 'table',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        schema: {
          fields: fields(DIALOGUE_COLUMNS, DIALOGUE_FIELDS, NON_EMPTY_DIALOGUE),
          primaryKey: ['id'],
          missingValues: [''],
          foreignKeys: [
            { fields: ['venue_id'], reference: { resource: 'venues', fields: ['id'] } },
            { fields: ['source_id'], reference: { resource: 'sources', fields: ['id'] } },
            // Each id of the `;`-separated list refers to a topic.
            { fields: ['topics'], reference: { resource: 'topics', fields: ['id'] } },
          ],
        },
        // Columns the header must name (values may be empty where the field allows).
        'x-required-columns': [...REQUIRED_DIALOGUE_COLUMNS],
      },
      {
        name: 'venues',
        path: DATA_FILES.venues,
        title: 'Where the meetings are held, as points',
        type: 'json',
        format: 'geojson',
        mediatype: 'application/geo+json',
        encoding: 'utf-8',
        description:
          'An RFC 7946 FeatureCollection of Point features, coordinates [longitude, latitude], with properties id, name and country; the schema describes each feature’s properties and coordinates.',
        schema: {
          fields: [
            { name: 'id', type: 'string', description: 'What venue_id refers to.', constraints: { required: true, unique: true, pattern: ID_PATTERN } },
            { name: 'name', type: 'string', description: 'The place’s name.' },
            { name: 'country', type: 'string', description: 'The country the point lies in (checked against country shapes).' },
            { name: 'lon', type: 'number', description: 'Longitude, first in GeoJSON.', constraints: { required: true, minimum: -180, maximum: 180 } },
            { name: 'lat', type: 'number', description: 'Latitude, second in GeoJSON.', constraints: { required: true, minimum: -90, maximum: 90 } },
          ],
          primaryKey: ['id'],
        },
      },
      {
        name: 'topics',
        path: DATA_FILES.topics,
        title: 'Topics the meetings took up',
        type: 'table',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        schema: { fields: fields(TOPIC_COLUMNS, TOPIC_FIELDS), primaryKey: ['id'], missingValues: [''] },
      },
      {
        name: 'sources',
        path: DATA_FILES.sources,
        title: 'The articles each meeting is taken from',
        type: 'table',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: csvDialect,
        schema: { fields: fields(SOURCE_COLUMNS, SOURCE_FIELDS), primaryKey: ['id'], missingValues: [''] },
      },
    ],
  };
}

/** The descriptor as written to datapackage.json (two-space indent, final newline). */
export const packageJson = (options?: Parameters<typeof packageDescriptor>[0]): string =>
  JSON.stringify(packageDescriptor(options), null, 2) + '\n';
