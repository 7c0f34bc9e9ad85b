/**
 * A 64-bit fingerprint of a row's values (two 32-bit FNV-1a hashes with different seeds), so a
 * diff of a million rows compares numbers instead of keeping every row's fields.
 */
export function rowHash(values: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // a separator, so ["ab","c"] ≠ ["a","bc"]
    b = Math.imul(b ^ 0x1f, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}
