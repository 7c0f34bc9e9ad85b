/**
 * Whether two names are at most one typing slip apart: a letter added, left out or changed, or
 * two letters side by side swapped ("Stauts" for status). This is restricted Damerau–Levenshtein
 * distance ≤ 1, found in one pass from the first letter that differs: a header of a million
 * columns is checked against every column it lacks, so no table of distances is built.
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const same = (from: number, to: number) => a.slice(from) === b.slice(to);
  return (
    same(i + 1, i + 1) || // one letter changed, or none
    same(i + 1, i) || // one letter more
    same(i, i + 1) || // one letter left out
    (a[i] === b[i + 1] && a[i + 1] === b[i] && same(i + 2, i + 2)) // two swapped
  );
}
