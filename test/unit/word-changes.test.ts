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

  it('compares Urdu and Chinese word by word, not letter by letter: the changed word is marked whole', () => {
    const urdu = 'فریقین نے سرحد پار دہشت گردی اور 2,640 کلومیٹر طویل سرحد کے انتظام پر بات کی۔';
    const changed = wordChanges(urdu, urdu.replace('طویل', 'لمبی'))!.filter((p) => p.change !== 'same');
    expect(changed.map((p) => [p.change, p.text.trim()])).toEqual([
      ['removed', 'طویل'],
      ['added', 'لمبی'],
    ]);
    // "اور" and the "،" next to a word are not cut apart when a neighbouring word changes.
    const comma = 'ستمبر 2023 میں اسلام آباد میں دوسرا اجلاس، اور سرحدی تجارت پر زور دیا گیا۔';
    const parts = wordChanges(comma, comma.replace('دوسرا', 'تیسرا'))!;
    expect(parts.filter((p) => p.change !== 'same').map((p) => p.text.trim())).toEqual(['دوسرا', 'تیسرا']);
    const zh = '中国与巴基斯坦举行了战略对话，讨论了边境安全问题和反恐合作，双方同意明年继续会谈。';
    const zhParts = wordChanges(zh, zh.replace('明年', '今年'))!.filter((p) => p.change !== 'same');
    expect(zhParts.map((p) => p.text.trim())).toEqual(['明年', '今年']);
  });
});
