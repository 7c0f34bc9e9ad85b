import { describe, expect, it } from 'vitest';
import { wordChanges } from '../../src/lib/data/word-changes';

const summary =
  'An earlier session of the U.S.-Pakistan counterterrorism dialogue, held in Islamabad; the article gives only the month of the meeting and names no delegates.';

/** The parts as a reader sees them: [-removed-] and {+added+}. */
const marked = (before: string, after: string) =>
  wordChanges(before, after)
    ?.map((p) => (p.change === 'removed' ? `[-${p.text}-]` : p.change === 'added' ? `{+${p.text}+}` : p.text))
    .join('');

describe('wordChanges', () => {
  it('marks the words edited in a long value and cuts the unchanged stretches to their ends', () => {
    expect(marked(summary, summary.replace('only the month', 'only the year'))).toBe(
      '… the article gives only the [-month-]{+year+} of the meeting and names no delegates.',
    );
    expect(marked(summary, `${summary} (edited)`)).toBe('… and names no delegates. {+(edited)+}');
  });

  it('leaves short values, an emptied or filled value, and a value mostly rewritten to be shown whole', () => {
    expect(wordChanges('2025-07-17', '2025-07-18')).toBeNull();
    expect(wordChanges('', summary)).toBeNull();
    expect(wordChanges(summary, '')).toBeNull();
    expect(
      wordChanges(summary, 'A different text altogether, about trade talks in Brussels with the European Union.'),
    ).toBeNull();
  });

  it('keeps every changed word: the parts read back to the value before and after', () => {
    const after = summary.replace('An earlier', 'A later').replace('names no delegates', 'names two delegates');
    const parts = wordChanges(summary, after)!;
    expect(parts.filter((p) => p.change !== 'same').map((p) => p.text.trim())).toEqual([
      'An earlier',
      'A later',
      'no',
      'two',
    ]);
  });
});
