import type { Problem } from '../data/problems';

/** A date as a spreadsheet shows it (17/07/2025, 07.17.2025). */
const SHOWN_DATE = /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/;

export const SPREADSHEET_DATES_FIX =
  'This file’s dates are written as a spreadsheet shows them. To fix them all at once: in the spreadsheet, format the date column as yyyy-mm-dd (Excel: Format Cells › Custom; LibreOffice: Format Cells › Date), then save as CSV UTF-8 and upload again.';

/**
 * An upload's problems with, after the first date written as a spreadsheet shows it, one note on
 * how to fix every such date at once (each row's own error says what to write). Added here, in
 * the upload's check, not by the reader: the page reads the published data with the reader too,
 * and this text has no place in its first download.
 */
export function withSpreadsheetDatesNote(problems: Problem[]): Problem[] {
  const at = problems.findIndex((p) => p.severity === 'error' && p.column === 'date' && SHOWN_DATE.test(p.value ?? ''));
  if (at < 0) return problems;
  const first = problems[at]!;
  const note: Problem = {
    file: first.file,
    line: first.line,
    column: 'date',
    value: first.value,
    message: SPREADSHEET_DATES_FIX,
    severity: 'warning',
  };
  return [...problems.slice(0, at + 1), note, ...problems.slice(at + 1)];
}
