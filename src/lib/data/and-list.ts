/** Items as a sentence lists them: "a", "a and b", "a, b and c"; '' for none. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The first `shown` items, then how many more ("2, 3, 5, 8, 11 and 9 more"); all of them, as andList, when they fit. */
export const someOf = (items: readonly string[], shown: number): string =>
  items.length <= shown
    ? andList(items)
    : `${items.slice(0, shown).join(', ')} and ${(items.length - shown).toLocaleString('en')} more`;
