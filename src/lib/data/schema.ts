// src/lib/data: pure TypeScript, no DOM — the schema, CSV read and written by PapaParse, dialogues, venues and vocabularies, packed columns, filters, aggregation, views and the URL codec.
import type { PartialDate } from './partial-date';

export const STATUSES = ['held', 'planned'] as const;
export type Status = (typeof STATUSES)[number];

/** One dialogue meeting, held or planned: a row of dialogues.csv. */
export interface Dialogue {
  id: string;
  /** Null only for a planned meeting with no announced date. */
  date: PartialDate | null;
  status: Status;
  partner: string;
  track: string;
  /** The round's ordinal where the source gives one. */
  round: number | null;
  level: string;
  /** Null where the source names no venue. */
  venueId: string | null;
  topics: readonly string[];
  leadPakistan: string;
  leadPartner: string;
  sourceId: string;
  evidence: string;
  summary: string;
  /** The spreadsheet line the row came from. */
  line: number;
}

/** A meeting place: a Point feature of venues.geojson. */
export interface Venue {
  id: string;
  name: string;
  country: string;
  lon: number;
  lat: number;
}

export interface Topic {
  id: string;
  label: string;
  theme: string;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO date at the precision known; null where the article gives none. */
  published: PartialDate | null;
}

export interface Dataset {
  dialogues: Dialogue[];
  venues: Venue[];
  topics: Topic[];
  sources: Source[];
}

export const EMPTY_DATASET: Dataset = { dialogues: [], venues: [], topics: [], sources: [] };

/** The files of a dataset, by the names the app fetches them under. */
export const DATA_FILES = {
  dialogues: 'dialogues.csv',
  venues: 'venues.geojson',
  topics: 'topics.csv',
  sources: 'sources.csv',
} as const;
export type DataFileKind = keyof typeof DATA_FILES;

/** What one row (or feature) of each file is, in words: one and many. */
export const ENTRY_NOUN: Record<DataFileKind, readonly [string, string]> = {
  dialogues: ['meeting', 'meetings'],
  venues: ['venue', 'venues'],
  topics: ['topic', 'topics'],
  sources: ['source', 'sources'],
};

/** Column order of dialogues.csv, as written on download and documented in data/README.md. */
export const DIALOGUE_COLUMNS = [
  'id',
  'date',
  'status',
  'partner',
  'track',
  'round',
  'level',
  'venue_id',
  'topics',
  'lead_pakistan',
  'lead_partner',
  'source_id',
  'evidence',
  'summary',
] as const;
export const TOPIC_COLUMNS = ['id', 'label', 'theme'] as const;
export const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'published'] as const;
