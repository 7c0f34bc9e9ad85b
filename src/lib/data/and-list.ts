/** Items as a sentence lists them: "a", "a and b", "a, b and c"; '' for none. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
