import { describe, expect, it } from 'vitest';
import { problemEntries } from '../../src/lib/data/problem-entries';
import type { Problem } from '../../src/lib/data/problems';
import { ingest } from '../../src/lib/ingest/ingest';
import { SPREADSHEET_DATES_FIX } from '../../src/lib/ingest/spreadsheet-dates';
import { bundledTexts, fixture } from '../fixtures/read';

const unknownVenue = (line: number, value: string, extra: Partial<Problem> = {}): Problem => ({
  file: 'dialogues.csv',
  line,
  column: 'venue_id',
  value,
  message: `Unknown venue “${value}”: no venue in venues.geojson has this id, so no meeting there is on the map.`,
  severity: 'warning',
  ...extra,
});
const badStatus: Problem = {
  file: 'dialogues.csv',
  line: 50,
  column: 'status',
  value: 'done',
  message: 'Expected one of: held, planned.',
  severity: 'error',
};

describe('problemEntries', () => {
  it('lists an error after 200 warnings first', () => {
    const warnings = Array.from({ length: 200 }, (_, i) => unknownVenue(i + 2, `v${i}`));
    const entries = problemEntries([...warnings.slice(0, 48), badStatus, ...warnings.slice(48)]);
    expect(entries[0]!.problem).toBe(badStatus);
    expect(entries[0]!.where).toBe('dialogues.csv, line 50, column “status”');
    expect(entries[0]!.places).toEqual([50]);
    // The warnings keep the files' order after it.
    expect(entries.slice(1).map((e) => e.places[0])).toEqual(warnings.map((w) => w.line));
  });

  it('keeps errors in their order, a file’s own before its lines', () => {
    const whole: Problem = { file: 'dialogues.csv', message: 'Missing required column: status', severity: 'error' };
    const later = { ...badStatus, line: 9 };
    const entries = problemEntries([unknownVenue(2, 'x'), whole, later, badStatus]);
    expect(entries.map((e) => e.problem)).toEqual([whole, later, badStatus, unknownVenue(2, 'x')]);
  });

  it('says a warning repeated about one value once, naming the value, the count and its first lines', () => {
    const lines = Array.from({ length: 40 }, (_, i) => 2 + i * 3);
    const problems = [unknownVenue(2, 'london'), ...lines.map((l) => unknownVenue(l + 1, 'beijing'))];
    const entries = problemEntries(problems);
    expect(entries).toHaveLength(2);
    const beijing = entries[1]!;
    expect(beijing.problem.value).toBe('beijing');
    expect(beijing.places).toEqual(lines.map((l) => l + 1));
    expect(beijing.where).toBe('dialogues.csv, 40 lines: 3, 6, 9, 12, 15 and 35 more, column “venue_id”');
    expect(beijing.problem.message).toContain('Unknown venue “beijing”');
    expect(entries[0]!.where).toBe('dialogues.csv, line 2, column “venue_id”');
  });

  it('groups only the same message about the same value in the same column and file; never errors', () => {
    const entries = problemEntries([
      unknownVenue(2, 'beijing'),
      unknownVenue(3, 'beijing', { file: 'other.csv' }),
      unknownVenue(4, 'beijing', { column: 'topics' }),
      unknownVenue(5, 'Beijing'),
      badStatus,
      { ...badStatus, line: 51 },
      unknownVenue(6, 'beijing'),
    ]);
    expect(entries.map((e) => e.places)).toEqual([[50], [51], [2, 6], [3], [4], [5]]);
    expect(entries[2]!.where).toBe('dialogues.csv, 2 lines: 2 and 6, column “venue_id”');
  });

  it('names spreadsheet rows and features, and says a count is of the lines listed when some were not', () => {
    const rows = problemEntries([unknownVenue(4, 'x'), unknownVenue(9, 'x', { row: 7 })], true);
    expect(rows[0]!.where).toBe('dialogues.csv, 2 lines listed: 4 and 9 (row 7 in a spreadsheet), column “venue_id”');
    const feature = (n: number): Problem => ({
      file: 'venues.geojson',
      feature: n,
      column: 'country',
      value: '',
      message: 'No country.',
      severity: 'warning',
    });
    expect(problemEntries([feature(1), feature(3)])[0]!.where).toBe(
      'venues.geojson, 2 features: 1 and 3, column “country”',
    );
  });
});

describe('a fix for the whole file', () => {
  it('is listed, and counted, before the row errors it fixes: 18 dates in a spreadsheet’s form', () => {
    const text = fixture('dialogues-eighteen-day-first-dates.csv');
    const r = ingest([{ name: 'dialogues.csv', text }], bundledTexts(), 'replace');
    const entries = problemEntries(r.problems);
    const dates = entries.filter((e) => e.problem.column === 'date');
    expect(dates).toHaveLength(19);
    expect(dates[0]!.problem.message).toBe(SPREADSHEET_DATES_FIX);
    expect(entries[0]).toBe(dates[0]);
    expect(dates.slice(1).map((e) => [e.problem.severity, e.places[0]])).toEqual(
      Array.from({ length: 18 }, (_, i) => ['error', i + 2]),
    );
  });
});
