import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/lib/data/partial-date';
import { weekdayReading } from '../../src/lib/data/weekday-reading';
import { buildDataset } from '../../src/lib/data/dataset';
import { bundled } from '../fixtures/read';

const loadBundled = () =>
  buildDataset({
    dialogues: bundled('dialogues.csv'),
    venues: bundled('venues.geojson'),
    topics: bundled('topics.csv'),
    sources: bundled('sources.csv'),
  }).dataset;

const d = (text: string) => parsePartialDate(text);

describe('weekdayReading: a day read from a quote that names only its weekday', () => {
  it('says the bundled Afghanistan talks are the quote’s “Friday”, the Friday before the article’s date', () => {
    const { dialogues, sources } = loadBundled();
    const talks = dialogues.find((m) => m.id === 'af-2025-06-27-as-1')!;
    const source = sources.find((s) => s.id === talks.sourceId)!;
    expect(weekdayReading(talks.date, talks.evidence, source.published)).toBe(
      'the quote’s “Friday”: the Friday before the article’s date, 29 Jun 2025',
    );
  });

  it('says nothing of a quote that gives the date itself, or names no weekday', () => {
    const { dialogues, sources } = loadBundled();
    for (const m of dialogues.filter((m) => m.id !== 'af-2025-06-27-as-1'))
      expect(weekdayReading(m.date, m.evidence, sources.find((s) => s.id === m.sourceId)?.published)).toBeNull();
  });

  it('without the article’s date says the day is the weekday the quote names; with another weekday, nothing', () => {
    expect(weekdayReading(d('2025-08-12'), 'talks on Tuesday', null)).toBe('a Tuesday, as the quote says');
    expect(weekdayReading(d('2025-08-12'), 'talks on tuesday', d('2025'))).toBe('a Tuesday, as the quote says');
    expect(weekdayReading(d('2025-08-13'), 'talks on Tuesday', null)).toBeNull();
    expect(weekdayReading(d('2025-08'), 'talks on Tuesday', null)).toBeNull();
    expect(weekdayReading(d('2025-08-12'), 'Tuesdays', null)).toBeNull();
  });

  it('counts back at most six days from the article’s date, and not forward', () => {
    expect(weekdayReading(d('2025-06-27'), 'on Friday', d('2025-06-27'))).toBe('a Friday, the article’s own date');
    expect(weekdayReading(d('2025-06-27'), 'on Friday', d('2025-07-03'))).toMatch(
      /before the article’s date, 3 Jul 2025/,
    );
    expect(weekdayReading(d('2025-06-20'), 'on Friday', d('2025-06-29'))).toBeNull();
    expect(weekdayReading(d('2025-07-04'), 'on Friday', d('2025-06-29'))).toBeNull();
  });
});
