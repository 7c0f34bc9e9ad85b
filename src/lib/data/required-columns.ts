/**
 * The columns topics.csv, sources.csv and a venues CSV cannot be read without (the others may be
 * left out), as the upload's check (ingest/detect.ts) and the Template's README name them. The
 * parsers (vocabulary.ts, venue-table.ts) keep their own copies, since they are in the first
 * view's bundle; test/unit/templates.test.ts checks the three agree.
 */
export const REQUIRED_TOPIC_COLUMNS = ['id', 'label'] as const;
export const REQUIRED_SOURCE_COLUMNS = ['id', 'title'] as const;
export const REQUIRED_VENUE_TABLE_COLUMNS = ['id', 'lat', 'lon'] as const;
