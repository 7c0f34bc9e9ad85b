import type { DatasetTexts } from '../data/dataset';
import type { Problem } from '../data/problems';
import Papa from 'papaparse';
import { normaliseColumnName } from '../data/csv-table';
import { DATA_FILES, DIALOGUE_COLUMNS } from '../data/schema';
import { csvText } from '../data/csv-write';
import { ingest, type FileReport, type UploadFile } from './ingest';
import { SHOWN_DIALOGUES } from './ingest-result';

/**
 * The browser's checks, without a browser: files go through `ingest` (the function the upload
 * worker runs, which also runs the upload checks) as an upload that replaces everything.
 */
export interface Validation {
  files: FileReport[];
  /** The first problems (up to PROBLEM_LIMIT); `errors` and `warnings` count them all. */
  problems: Problem[];
  errors: number;
  warnings: number;
}

/**
 * Checks `files`; references (venue_id, topics, source_id) to kinds not among them are checked
 * against `others` (the rest of the folder, or the site's data). Given no dialogues.csv, the
 * meetings of `others` are checked against the files given (a venue they name that a new
 * venues.geojson lacks): those problems are named `dialoguesName`.
 */
export function validateFiles(
  files: readonly UploadFile[],
  others: DatasetTexts,
  dialoguesName: string = DATA_FILES.dialogues,
): Validation {
  // Compared with no meetings at all: nothing to index, every row is checked as new.
  const base: DatasetTexts = { ...others, dialogues: csvText(DIALOGUE_COLUMNS, []) };
  // Checked as the site reads them once published (a column named twice is read from its first copy).
  let result = ingest(files, base, 'replace', undefined, false, true);
  if (!result.files.some((f) => f.kind === 'dialogues') && others.dialogues.trim()) {
    result = ingest(files, others, 'replace', undefined, false, true);
    result.problems = result.problems.map((p) => (p.file === SHOWN_DIALOGUES ? { ...p, file: dialoguesName } : p));
  }
  // The app asks before an apply that removes every meeting; published, such a file would do it
  // without asking anyone: a warning, so it is not "ready to publish" without a word. Only a file
  // with no rows: one whose rows cannot be read (a required column missing, every row an error)
  // has its errors, and "no meetings" would tell the analyst the rows they see are not there.
  const empty = result.files
    .filter((f) => f.kind === 'dialogues' && !f.unreadable && (f.records ?? f.rows) === 0)
    .map((f): Problem => ({
      file: f.name,
      line: 2,
      message:
        'The file has a header and no meetings: published, it would remove every meeting the site shows. Add the rows, or leave this file out.',
      severity: 'warning',
    }));
  return {
    files: result.files,
    problems: [...empty, ...result.problems],
    errors: result.errors,
    warnings: result.warnings + empty.length,
  };
}

/** Where a problem is, as `line` and `column` numbers an editor jumps to (1-based). */
export function position(p: Problem, text: string | null): { line: number; column: number } {
  if (p.feature !== undefined && text !== null) return { line: featureLine(text, p.feature), column: 1 };
  const line = p.line ?? 1;
  if (p.column === undefined || text === null || p.feature !== undefined) return { line, column: 1 };
  return { line, column: columnNumber(text, p.column) };
}

/** The line on which the `n`th Feature (from 1) of a GeoJSON text starts. */
function featureLine(text: string, n: number): number {
  const pattern = /"type"\s*:\s*"Feature"/g;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i < n; i++) {
    match = pattern.exec(text);
    if (!match) return 1;
  }
  let line = 1;
  for (let i = 0; i < match!.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The position (from 1) of a column in a CSV header, by name; 1 when not found. */
function columnNumber(text: string, column: string): number {
  const names = headerNames(text);
  const i = names.indexOf(normaliseColumnName(column.split(',')[0]!));
  return i < 0 ? 1 : i + 1;
}

/** A file's header names as the parser matches them, read once per text (PapaParse, first row only). */
let lastText: string | null = null;
let lastNames: string[] = [];
function headerNames(text: string): string[] {
  if (text === lastText) return lastNames;
  const row = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1, delimitersToGuess: [',', ';', '\t'] })
    .data[0];
  lastText = text;
  lastNames = (row ?? []).map(normaliseColumnName);
  return lastNames;
}

/** `file:line:column: error|warning: message`, the form editors and CI annotate. */
export function formatProblem(p: Problem, path: string, text: string | null): string {
  const { line, column } = position(p, text);
  const value = p.value && p.value !== p.column ? ` “${p.value}”` : '';
  const where = p.column !== undefined ? `${p.column}${value}: ` : '';
  return `${path}:${line}:${column}: ${p.severity}: ${where}${p.message}`;
}

export const KNOWN_NAMES: readonly string[] = Object.values(DATA_FILES);
