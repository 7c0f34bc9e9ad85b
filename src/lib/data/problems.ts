/** A problem found in a data file, phrased for the analyst who has to fix it. */
export interface Problem {
  /** The file's name as the analyst knows it, e.g. `dialogues.csv`. */
  file: string;
  /** The line as a spreadsheet shows it: the header is line 1. Absent for problems with the whole file. */
  line?: number;
  /** For GeoJSON: the feature's position in the collection, counting from 1. */
  feature?: number;
  /** The column (CSV) or property (GeoJSON) the problem is in. */
  column?: string;
  /** The offending value, verbatim. */
  value?: string;
  /** What is wrong and what was expected, in plain English. */
  message: string;
  /** Errors stop a row (or a file) from being used; warnings are shown but do not. */
  severity: 'error' | 'warning';
}

/** Where a problem is, as a person would say it: "dialogues.csv, line 4, column date". */
export function describeLocation(p: Problem): string {
  const parts = [p.file];
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  if (p.feature !== undefined) parts.push(`feature ${p.feature}`);
  if (p.column !== undefined) parts.push(`column “${p.column}”`);
  return parts.join(', ');
}

