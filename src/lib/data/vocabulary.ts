import { cellReader, readCsvTable, shorten, type CellReader, type CsvRow } from './csv-table';
import type { Parsed } from './dialogues';
import { parsePartialDate } from './partial-date';
import type { Problem } from './problems';
import { dayOfMidnight, midnightNote, MISSING_CELLS, missingNote, yearAsDateMessage, yearAsSpreadsheetDate } from './tool-written-cells';
import { DATA_FILES, type Source, type Topic } from './schema';

/**
 * Reads an id-keyed CSV (topics.csv, sources.csv, a venues CSV): rows without an id or with a
 * repeated id are reported and left out, as is a row `toRecord` turns down (null, its problem
 * reported), whose id is then in `leftOut` with its line. `entry` names a row's record and gives
 * an id, for the words a row without one gets (as dialogues.csv's: "Every meeting needs an id…").
 */
export function readKeyedTable<T>(
  text: string,
  file: string,
  required: readonly string[],
  entry: readonly [noun: string, example: string],
  toRecord: (row: CsvRow, cell: CellReader, problems: Problem[], delimiter: string) => T | null,
  aliases: Readonly<Record<string, string>> = {},
): Parsed<T> {
  const table = readCsvTable(text, file, required, aliases);
  const problems = table.problems;
  const read = cellReader(table);
  const noted = new Set<string>();
  const cell: CellReader = (row, column) => {
    const value = read(row, column);
    if (!MISSING_CELLS.has(value)) return value;
    if (!noted.has(value)) {
      noted.add(value);
      problems.push({ file, line: row.line, column, value, message: missingNote(value), severity: 'warning' });
    }
    return '';
  };
  const firstLineOf = new Map<string, number>();
  const leftOut = new Map<string, number>();
  const rows: T[] = [];
  for (const row of table.rows) {
    const id = cell(row, 'id');
    if (id === '') {
      problems.push({ file, line: row.line, column: 'id', value: '', message: `Every ${entry[0]} needs an id (any unique text, e.g. ${entry[1]}).`, severity: 'error' });
      continue;
    }
    const first = firstLineOf.get(id);
    if (first !== undefined) {
      problems.push({ file, line: row.line, column: 'id', value: shorten(id), message: `Duplicate id: “${shorten(id)}” is already used on line ${first}. Ids must be unique.`, severity: 'error' });
      continue;
    }
    firstLineOf.set(id, row.line);
    const record = toRecord(row, cell, problems, table.delimiter);
    if (record === null) leftOut.set(id, row.line);
    else rows.push(record);
  }
  // A row left out for its shape (broken quotes, too many cells) is still a record by its id.
  for (const row of table.broken) {
    const id = read(row, 'id');
    if (id !== '' && !firstLineOf.has(id) && !leftOut.has(id)) leftOut.set(id, row.line);
  }
  return {
    rows,
    problems,
    delimiter: table.delimiter,
    records: table.records,
    unreadable: !table.usable,
    layout: table.layout,
    lineOf: firstLineOf,
    ...(leftOut.size > 0 && { leftOut }),
  };
}

/** topics.csv → the topic vocabulary. A missing label falls back to the id. */
export function parseTopics(text: string, file: string = DATA_FILES.topics): Parsed<Topic> {
  return readKeyedTable(text, file, ['id', 'label'], ['topic', 'counter-terrorism'], (row, cell) => {
    const id = cell(row, 'id');
    return { id, label: cell(row, 'label') || id, theme: cell(row, 'theme') };
  });
}

/** sources.csv → the articles the rows cite. */
export function parseSources(text: string, file: string = DATA_FILES.sources): Parsed<Source> {
  let midnightNoted = false;
  return readKeyedTable(text, file, ['id', 'title'], ['source', 's1'], (row, cell, problems) => {
    const publishedText = cell(row, 'published');
    const day = dayOfMidnight(publishedText);
    if (day && !midnightNoted) {
      // Read as its day, said once for the file, as in dialogues.csv.
      midnightNoted = true;
      problems.push({ file, line: row.line, column: 'published', value: publishedText, message: midnightNote(day), severity: 'warning' });
    }
    const published = publishedText === '' ? null : parsePartialDate(day ?? publishedText);
    if (publishedText !== '' && !published) {
      // An error, not a note: applied, the date would be lost.
      problems.push({ file, line: row.line, column: 'published', value: shorten(publishedText), message: `“${shorten(publishedText)}” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).`, severity: 'error' });
      return null;
    }
    const year = published?.precision === 'day' ? yearAsSpreadsheetDate(published.text) : null;
    if (year !== null) {
      // As in dialogues.csv: the source loads, with a word that its date was likely a year a spreadsheet reformatted.
      problems.push({ file, line: row.line, column: 'published', value: published!.text, message: yearAsDateMessage(published!.text, year), severity: 'warning' });
    }
    return { id: cell(row, 'id'), title: cell(row, 'title'), publisher: cell(row, 'publisher'), published };
  });
}
