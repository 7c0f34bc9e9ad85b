import { cellReader, readCsvTable } from './csv-table';
import { parsePartialDate } from './partial-date';
import type { Problem } from './problems';
import { DATA_FILES, DIALOGUE_COLUMNS, STATUSES, type Dialogue, type Status } from './schema';

const REQUIRED = ['id', 'date', 'status', 'partner', 'track', 'venue_id', 'topics', 'source_id'] as const;

export interface Parsed<T> {
  rows: T[];
  problems: Problem[];
  /** The delimiter the file used. */
  delimiter: string;
}

/**
 * dialogues.csv → meetings. A row with an error (no id, a duplicate id, an impossible date,
 * an unknown status, a held meeting with no date) is left out and reported; the rest load.
 */
export function parseDialogues(text: string, file: string = DATA_FILES.dialogues): Parsed<Dialogue> {
  const table = readCsvTable(text, file, REQUIRED);
  const cell = cellReader(table);
  const problems = table.problems;
  const rows: Dialogue[] = [];
  const firstLineOf = new Map<string, number>();

  for (const row of table.rows) {
    const { line } = row;
    const rowProblems: Problem[] = [];
    const fail = (column: string, value: string, message: string) =>
      rowProblems.push({ file, line, column, value, message, severity: 'error' });

    const id = cell(row, 'id');
    if (id === '') fail('id', id, 'Every meeting needs an id (any unique text, e.g. eu-2025-07-17).');
    else if (firstLineOf.has(id)) fail('id', id, `Duplicate id: “${id}” is already used on line ${firstLineOf.get(id)}. Ids must be unique.`);

    const statusText = cell(row, 'status').toLowerCase();
    const status = STATUSES.find((s) => s === statusText);
    if (!status) fail('status', cell(row, 'status'), `Unknown status “${cell(row, 'status')}”: expected “held” or “planned”.`);

    const dateText = cell(row, 'date');
    const date = dateText === '' ? null : parsePartialDate(dateText);
    if (dateText !== '' && date === null) {
      fail('date', dateText, `“${dateText}” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).`);
    } else if (dateText === '' && status === 'held') {
      fail('date', dateText, 'A held meeting needs a date (YYYY, YYYY-MM or YYYY-MM-DD); only a planned meeting may leave it empty.');
    }

    const partner = cell(row, 'partner');
    if (partner === '') fail('partner', partner, 'Every meeting needs a partner (e.g. European Union).');
    const track = cell(row, 'track');
    if (track === '') fail('track', track, 'Every meeting needs a track (e.g. Strategic Dialogue).');

    const roundText = cell(row, 'round');
    let round: number | null = null;
    if (roundText !== '') {
      if (/^\d+$/.test(roundText) && Number(roundText) >= 1) round = Number(roundText);
      else rowProblems.push({ file, line, column: 'round', value: roundText, message: `“${roundText}” is not a round number: expected a whole number from 1, or leave it empty. The round was ignored.`, severity: 'warning' });
    }

    const hasError = rowProblems.some((p) => p.severity === 'error');
    problems.push(...rowProblems);
    if (id !== '' && !firstLineOf.has(id)) firstLineOf.set(id, line);
    if (hasError || !status) continue;

    const venue = cell(row, 'venue_id');
    rows.push({
      id,
      date,
      status,
      partner,
      track,
      round,
      level: cell(row, 'level'),
      venueId: venue === '' ? null : venue,
      topics: splitList(cell(row, 'topics')),
      leadPakistan: cell(row, 'lead_pakistan'),
      leadPartner: cell(row, 'lead_partner'),
      sourceId: cell(row, 'source_id'),
      evidence: cell(row, 'evidence'),
      summary: cell(row, 'summary'),
      line,
    });
  }
  return { rows, problems, delimiter: table.delimiter };
}

/** `a; b;;c` → `['a', 'b', 'c']`: semicolon-separated ids, blanks and repeats dropped. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(';').map((s) => s.trim()).filter((s) => s !== ''))];
}

export const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);
export { DIALOGUE_COLUMNS };
