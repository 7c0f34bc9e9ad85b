/**
 * A read-only array whose items are made when first read: by index, by iteration or by any array
 * method (map, filter, at, slice, spread…), so a dataset of a million meetings can be shown without
 * making a million objects first. Only what is read is made: a chart that reads typed columns and
 * the length makes none; a details panel makes one; an export makes them all, as before.
 *
 * Hand-written: no kept library makes lazy arrays. A Proxy over an empty array that answers
 * `length` itself (an array of a million holes takes milliseconds to make), so `Array.isArray`,
 * `length`, iteration and equality in tests behave as for an array.
 */

/** How each lazy array makes its items: `pick` reads through it without the Proxy. */
const makers = new WeakMap<readonly unknown[], (i: number) => unknown>();

/** `i` when `p` names an index below `n` ("0", "17"; not "01", "-1" or "1.5"), else -1. */
function indexOf(p: string | symbol, n: number): number {
  if (typeof p !== 'string' || p.length === 0) return -1;
  const c = p.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && p.length > 1)) return -1;
  const i = Number(p);
  return Number.isInteger(i) && i < n ? i : -1;
}

/** An array of `n` items, item `i` being `make(i)` (called on every read: `make` caches if it must). */
export function lazyArray<T>(n: number, make: (i: number) => T): T[] {
  const array = new Proxy<T[]>([], {
    get(target, p, receiver) {
      if (p === 'length') return n;
      const i = indexOf(p, n);
      return i >= 0 ? make(i) : Reflect.get(target, p, receiver);
    },
    has(target, p) {
      return indexOf(p, n) >= 0 || Reflect.has(target, p);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = Array.from({ length: n }, (_, i) => String(i));
      return keys.concat(Reflect.ownKeys(target));
    },
    getOwnPropertyDescriptor(target, p) {
      if (p === 'length') return { value: n, writable: true, enumerable: false, configurable: false };
      const i = indexOf(p, n);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(target, p);
      return { value: make(i), writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  makers.set(array, make);
  return array;
}

/** The items of `array` at `rows`, in that order: lazy when `array` is (nothing is made now). */
export function pick<T>(array: readonly T[], rows: ArrayLike<number>): T[] {
  const make = makers.get(array) as ((i: number) => T) | undefined;
  if (make) return lazyArray(rows.length, (k) => make(rows[k]!));
  return Array.from(rows, (i) => array[i]!);
}

/** Item `i` of `array`, without the Proxy's cost when it is lazy. */
export function itemAt<T>(array: readonly T[], i: number): T {
  const make = makers.get(array) as ((i: number) => T) | undefined;
  return make ? make(i) : array[i]!;
}
