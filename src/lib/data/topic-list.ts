/** Topic lists as written in dialogues.csv (`a;b;c`): tidied, and split into ids. */

/**
 * A `;`-separated list as `splitList` would make it, joined again; most lists are tidy already,
 * and those are returned as they are without building arrays (this runs once per row).
 */
export function normaliseList(text: string): string {
  if (text === '') return text;
  let tidyList = text.charCodeAt(0) !== 59 && text.charCodeAt(text.length - 1) !== 59;
  let separators = 0;
  for (let i = 0; i < text.length && tidyList; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) tidyList = false;
    else if (c === 59) {
      separators++;
      if (text.charCodeAt(i + 1) === 59) tidyList = false;
    }
  }
  if (tidyList && (separators === 0 || !hasRepeat(text))) return text;
  return splitList(text).join(';');
}

/** Whether a tidy `a;b;c` list names an item twice; compares in place, making no strings. */
function hasRepeat(text: string): boolean {
  const starts: number[] = [0];
  for (let i = text.indexOf(';'); i !== -1; i = text.indexOf(';', i + 1)) starts.push(i + 1);
  starts.push(text.length + 1);
  for (let i = 1; i < starts.length - 1; i++) {
    const a = starts[i]!;
    const length = starts[i + 1]! - a - 1;
    for (let j = 0; j < i; j++) {
      const b = starts[j]!;
      if (starts[j + 1]! - b - 1 !== length) continue;
      let k = 0;
      while (k < length && text.charCodeAt(a + k) === text.charCodeAt(b + k)) k++;
      if (k === length) return true;
    }
  }
  return false;
}

/** `a; b;;c` → `['a', 'b', 'c']`: semicolon-separated ids, blanks and repeats dropped. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
