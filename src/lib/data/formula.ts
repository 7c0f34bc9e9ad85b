/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a CR as a formula. On export such
 * a cell is prefixed with an apostrophe (which spreadsheets show as text: PapaParse's escapeFormulae,
 * given this pattern by csv-write.ts); on import one
 * apostrophe before such a character is removed, so the app reads its own files back exactly.
 */
export const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
const TRIGGER = FORMULA_TRIGGER;

export function restoreFormula(value: string): string {
  return value.charCodeAt(0) === 39 && TRIGGER.test(value) ? value.slice(1) : value;
}
