import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import MeetingDetails from '../../src/components/dashboard/MeetingDetails.svelte';
import SourcesFooter from '../../src/components/page/SourcesFooter.svelte';
import type { VenueSummary } from '../../src/lib/data/aggregate';
import { parsePartialDate } from '../../src/lib/data/partial-date';
import type { Source } from '../../src/lib/data/schema';
import { writeMapSvg } from '../../src/lib/export/map-svg';
import { bannerSummary } from '../../src/lib/export/banner-summary';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { venueMarkerElement, venuePopupContent } from '../../src/lib/map/venue-markers';
import { bundledViews } from './data';

/** Names from the data, each isolated from the app's own text around it (U+2068 … U+2069). */
const FSI = '\u2068';
const PDI = '\u2069';

const dawn: Source = {
  id: 'dawn-ur',
  title: 'پاک افغان مذاکرات: سرحدی تجارت پر 5 نکاتی معاہدہ',
  publisher: 'ڈان نیوز',
  published: parsePartialDate('2025-06-29')!,
  url: null,
} as unknown as Source;

describe('names from the data isolated from the text around them (Urdu, Arabic)', () => {
  const { venues, dataset } = bundledViews();
  const islamabad = venues.find((s) => s.venue.id === 'islamabad')!;
  const urdu: VenueSummary = {
    ...islamabad,
    venue: { ...islamabad.venue, name: 'طورخم سرحد، گیٹ 3', country: 'پاکستان' },
  };

  it('the sources list: title and publisher each in a <bdi>, the date outside them', () => {
    const { container } = render(SourcesFooter, { sources: [dawn] });
    const li = container.querySelector('li')!;
    expect([...li.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([dawn.title, 'ڈان نیوز']);
    expect(li.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${dawn.title} · ڈان نیوز · 29 Jun 2025`);
  });

  it("a meeting's source line, names and quote: isolated, Urdu paragraphs laid out by their own direction", () => {
    const meeting = {
      ...dataset.dialogues[0]!,
      partner: 'افغانستان',
      track: 'مشترکہ رابطہ کمیٹی',
      round: 2,
      summary: 'فریقین نے سرحد پار دہشت گردی اور 2,640 کلومیٹر طویل سرحد کے انتظام پر بات کی۔',
      evidence: '22 فروری 2023 کو کابل میں مشترکہ رابطہ کمیٹی کا پہلا اجلاس ہوا۔',
      sourceId: dawn.id,
    };
    // jsdom has no CSS.escape (the details look for the meeting's mark with it).
    if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s });
    const { container } = render(MeetingDetails, {
      meeting,
      source: dawn,
      venueName: 'کابل',
      topicLabel: (id: string) => id,
      insight: undefined,
      lanes: [],
      onclose: () => {},
    });
    const caption = container.querySelector('figcaption')!;
    expect([...caption.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([dawn.title, 'ڈان نیوز']);
    expect(caption.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${dawn.title} · ڈان نیوز · 29 Jun 2025`);
    const heading = container.querySelector('h2')!;
    expect([...heading.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['افغانستان', 'مشترکہ رابطہ کمیٹی']);
    expect(container.querySelector('blockquote')!.getAttribute('dir')).toBe('auto');
    expect([...container.querySelectorAll('dd')].find((d) => d.textContent === meeting.summary)?.dir).toBe('auto');
  });

  it('a map label: the name in a <bdi>, the count after it; the popup isolates venue, country, partner and track', () => {
    const label = venueMarkerElement(urdu, 8, 'right').querySelector('.venue-label')!;
    expect(label.querySelector('bdi')!.textContent).toBe('طورخم سرحد، گیٹ 3');
    expect(label.querySelector<HTMLElement>('bdi + .venue-count')!.dataset.count).toBe(`${islamabad.meetings.length}`);
    const popup = venuePopupContent({
      ...urdu,
      meetings: urdu.meetings.map((m) => ({ ...m, partner: 'افغانستان', track: 'مشترکہ رابطہ کمیٹی' })),
    });
    expect([...popup.querySelectorAll('h3 bdi')].map((b) => b.textContent)).toEqual(['طورخم سرحد، گیٹ 3', 'پاکستان']);
    expect([...popup.querySelectorAll('.what bdi')].map((b) => b.textContent).slice(0, 2)).toEqual([
      'افغانستان',
      'مشترکہ رابطہ کمیٹی',
    ]);
  });

  it('the map export and the 728×90 banners: each name between U+2068 and U+2069, its count outside', () => {
    const svg = writeMapSvg(
      [urdu],
      { type: 'FeatureCollection', features: [] },
      {
        bounds: [
          [20, 60],
          [40, 80],
        ],
      },
      800,
      450,
      SLIDE_THEMES.light,
    );
    expect(svg).toContain(`${FSI}طورخم سرحد، گیٹ 3${PDI} ${islamabad.meetings.length}`);
    const shown = { topics: [], venues: [urdu], insights: [], filter: null, meetings: 3 };
    expect(bannerSummary('map', shown)).toBe(`1 venue: ${FSI}طورخم سرحد، گیٹ 3${PDI} ${urdu.meetings.length}.`);
    const topics = [
      { id: 'a', label: 'انسداد دہشت گردی', total: 11 },
      { id: 'b', label: 'تجارت اور راہداری: سی پیک 2.0', total: 10 },
      { id: 'c', label: 'سرحدی انتظام (2,640 کلومیٹر)', total: 7 },
    ];
    expect(bannerSummary('topics', { ...shown, topics: topics as never })).toBe(
      `Most discussed: ${FSI}انسداد دہشت گردی${PDI} (11 of 3 meetings), ${FSI}تجارت اور راہداری: سی پیک 2.0${PDI} (10), ${FSI}سرحدی انتظام (2,640 کلومیٹر)${PDI} (7).`,
    );
  });
});
