import { describe, expect, it } from 'vitest';
import { partnerInSentence } from '../../src/lib/data/partner-name';

describe('a partner’s name in a sentence ("Led for … by")', () => {
  it('takes "the" where English puts it: unions, plurals, republics, kingdoms, short abbreviations', () => {
    for (const [name, read] of [
      ['United States', 'the United States'],
      ['European Union', 'the European Union'],
      ['United Arab Emirates', 'the United Arab Emirates'],
      ['United Kingdom', 'the United Kingdom'],
      ['Netherlands', 'the Netherlands'],
      ['Philippines', 'the Philippines'],
      ['Solomon Islands', 'the Solomon Islands'],
      ['Czech Republic', 'the Czech Republic'],
      ['Islamic Republic of Iran', 'the Islamic Republic of Iran'],
      ['Russian Federation', 'the Russian Federation'],
      ['Kingdom of Saudi Arabia', 'the Kingdom of Saudi Arabia'],
      ['People’s Republic of China', 'the People’s Republic of China'],
      ['US', 'the US'],
      ['UAE', 'the UAE'],
    ])
      expect(partnerInSentence(name!)).toBe(read);
  });

  it('leaves other names as they are, and one that has "the" already', () => {
    for (const name of [
      'Afghanistan',
      'China',
      'Iran',
      'Saudi Arabia',
      'Türkiye',
      'NATO',
      'ASEAN',
      'the Gambia',
      'Oman',
    ])
      expect(partnerInSentence(name)).toBe(name);
  });
});
