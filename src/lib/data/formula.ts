/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a CR as a formula. On export such
 * a cell is prefixed with an apostrophe (which spreadsheets show as text); on import one
 * apostrophe before such a character is removed, so the app reads its own files back exactly.
 */
export const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
const TRIGGER = FORMULA_TRIGGER;

export function neutraliseFormula(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return value.charCodeAt(0) === 39 && TRIGGER.test(value) ? value.slice(1) : value;
}
