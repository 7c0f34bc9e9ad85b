/** A problem found in a data file, phrased for the analyst who has to fix it. */
export interface Problem {
  /** The file's name as the analyst knows it, e.g. `dialogues.csv`. */
  file: string;
  /** The line in the file, as an editor shows it: the header is line 1, a value with line breaks counts its lines. Absent for problems with the whole file. */
  line?: number;
  /** The row a spreadsheet shows that line on, where it differs (a value with line breaks above it); set by an upload's check. */
  row?: number;
  /** For GeoJSON: the feature's position in the collection, counting from 1. */
  feature?: number;
  /** The column (CSV) or property (GeoJSON) the problem is in. */
  column?: string;
  /** The offending value, verbatim. */
  value?: string;
  /** What is wrong and what was expected, in plain English. */
  message: string;
  /** A note on the whole file (one fix for many rows' errors), though it names the first line it is about: listed first. */
  wholeFile?: true;
  /** Errors stop a row (or a file) from being used; warnings are shown but do not. */
  severity: 'error' | 'warning';
}

/** Where a problem is, as a person would say it: "dialogues.csv, line 4, column date". */
export function describeLocation(p: Problem): string {
  const parts = [p.file];
  if (p.line !== undefined) parts.push(`line ${p.line}${p.row !== undefined ? ` (row ${p.row} in a spreadsheet)` : ''}`);
  if (p.feature !== undefined) parts.push(`feature ${p.feature}`);
  if (p.column !== undefined) parts.push(`column “${p.column}”`);
  return parts.join(', ');
}


/** Problems listed in full; past this they are counted (a file can hold a million of one mistake). */
export const PROBLEM_LIMIT = 500;

/**
 * Counts every problem and keeps the first `limit` of them, errors first: once the list is full, an
 * error takes the place of the last warning kept. A file with thousands of warnings and hundreds of
 * errors listed only the errors among its first 500 lines, and the others, which stop Apply, could
 * not be seen.
 */
export class ProblemLog {
  readonly list: Problem[] = [];
  errors = 0;
  warnings = 0;
  /** Warnings in `list`: while there are some, an error still gets a place. */
  #listedWarnings = 0;
  constructor(readonly limit = PROBLEM_LIMIT) {}

  /** True once the list is full even for errors: callers may count a warning without describing it. */
  get full(): boolean {
    return this.list.length >= this.limit;
  }

  add(p: Problem): void {
    this.count(p.severity);
    if (this.list.length < this.limit) {
      this.list.push(p);
      if (p.severity === 'warning') this.#listedWarnings++;
    } else if (p.severity === 'error' && this.#listedWarnings > 0) {
      // The list stays in the files' order: the last warning goes, the error goes at the end.
      let last = this.list.length - 1;
      while (this.list[last]!.severity !== 'warning') last--;
      this.list.splice(last, 1);
      this.#listedWarnings--;
      this.list.push(p);
    }
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p);
  }

  /** Another log's problems after this one's. */
  absorb(other: ProblemLog): void {
    this.addAll(other.list);
    this.errors += other.errors - other.list.filter((p) => p.severity === 'error').length;
    this.warnings += other.warnings - other.list.filter((p) => p.severity === 'warning').length;
  }

  count(severity: Problem['severity']): void {
    if (severity === 'error') this.errors++;
    else this.warnings++;
  }
}
