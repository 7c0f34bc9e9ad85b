import type { Problem } from '../data/problems';

/**
 * An upload's problems in the order the files read, so an analyst can work down them in an
 * editor: file by file in the order uploaded, a whole file's problems first, then line by line
 * (or feature by feature), and at one line its errors (they stop Apply) before its warnings.
 * The checks find them check by check (each row's cells, then references, then the file-wide
 * checks), which reads out of order. Otherwise they keep the order they were found in
 * (Array.prototype.sort is stable), so a note on how to fix a whole column stays after the first
 * error it explains.
 */
export function inReadingOrder(problems: readonly Problem[], fileOrder: readonly string[]): Problem[] {
  const fileRank = new Map(fileOrder.map((name, i) => [name, i]));
  const rankOf = (file: string) => fileRank.get(file) ?? fileOrder.length;
  const place = (p: Problem) => p.line ?? p.feature ?? 0;
  return [...problems].sort(
    (a, b) =>
      rankOf(a.file) - rankOf(b.file) ||
      place(a) - place(b) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
