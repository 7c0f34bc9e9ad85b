import { render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import TopicChart from '../../src/lib/charts/TopicChart.svelte';
import { partnerColours } from '../../src/lib/charts/palette';
import { topicFrequency } from '../../src/lib/data/aggregate';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { fixture } from '../fixtures/read';
import { bundledViews } from './data';

/**
 * The rectangles of a partner's segments path, as placed: each `M x,y h w …` is drawn half a pixel
 * inside its place, for the 1 px edge that outlines it (its outer side is the segment's).
 */
function subpaths(path: Element): { x: number; y: number; w: number }[] {
  return [...(path.getAttribute('d') ?? '').matchAll(/M([\d.-]+),([\d.-]+)h([\d.-]+)/g)].map((m) => ({
    x: Number(m[1]) - 0.5,
    y: Number(m[2]) - 0.5,
    w: Number(m[3]) + 1,
  }));
}

/** All partners' segments on the row of a topic's bar (matched by the bar's hit area). */
function segmentsOf(container: Element, topic: string) {
  const hit = container.querySelector(`[data-topic="${topic}"] .veil`)!;
  const y = Number(hit.getAttribute('y'));
  return [...container.querySelectorAll('path.segments')].flatMap(subpaths).filter((s) => s.y === y);
}

describe('TopicChart', () => {
  const views = bundledViews();
  const colour = partnerColours(views.partners);

  it('tints a filtered topic’s bar as pressed only where the bar is a button (not in an embed or Present)', () => {
    const base = { counts: views.topicCounts, partners: views.partners, colour, width: 640, selected: ['migration'] };
    const bar = (container: Element) => container.querySelector('[data-topic="migration"]')!;
    const embed = render(TopicChart, base).container;
    expect(bar(embed).getAttribute('role')).toBe('img');
    expect(bar(embed).classList.contains('pressed')).toBe(false);
    expect(embed.querySelector('svg')!.getAttribute('aria-label')).not.toContain('Enter');
    const page = render(TopicChart, { ...base, ontoggle: () => {} }).container;
    expect(bar(page).getAttribute('role')).toBe('button');
    expect(bar(page).getAttribute('aria-pressed')).toBe('true');
    expect(bar(page).classList.contains('pressed')).toBe(true);
    expect(page.querySelector('svg')!.getAttribute('aria-label')).toContain('Enter filters by the topic');
  });

  it('shows a shortened name whole with its count, on a panel over the bars, while its bar has the focus', async () => {
    const { container } = render(TopicChart, {
      counts: views.topicCounts,
      partners: views.partners,
      colour,
      width: 360,
      // An embed's one-line rows: on the page, three lines hold every bundled name at this width.
      labelLineLimit: 1,
    });
    // Labels are drawn in the bars' order: the first shortened one, and its bar.
    const i = [...container.querySelectorAll('text.label')].findIndex((t) => t.textContent!.includes('…'));
    expect(i, 'a name shortened at 360 px').toBeGreaterThanOrEqual(0);
    const bar = container.querySelectorAll('[data-testid="topic-bar"]')[i]!;
    const shortened = views.topicCounts.find((c) => c.id === bar.getAttribute('data-topic'))!;
    // Reached by the keyboard (a real focus, :focus-visible): a tap's or a click's focus shows nothing.
    (bar as SVGElement).focus();
    await tick();
    const full = container.querySelector('text.label.full')!;
    // Ending with the bar's count, which its box hides.
    expect(full.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${shortened.label} · ${shortened.total}`);
    // Its panel (of the surface colour, in the style sheet): drawn just before it, over the other names.
    expect(full.previousElementSibling?.matches('rect.panel'), 'the full name has a panel').toBe(true);
  });

  it('draws one bar per topic with its count, most discussed first', () => {
    const { container } = render(TopicChart, {
      counts: views.topicCounts,
      partners: views.partners,
      colour,
      width: 640,
    });
    const bars = [...container.querySelectorAll('[data-testid="topic-bar"]')];
    expect(bars).toHaveLength(20);
    expect(bars[0]!.getAttribute('data-topic')).toBe('counter-terrorism');
    expect(bars[0]!.getAttribute('data-count')).toBe('5');
    // Counter-terrorism: one segment per partner that discussed it, in the partner's colour.
    const y = segmentsOf(container, 'counter-terrorism')[0]!.y;
    for (const p of views.partners) {
      const path = container.querySelector(`path.segments[data-partner="${p}"]`)!;
      expect(path.getAttribute('fill')).toBe(colour(p));
      expect(subpaths(path).some((s) => s.y === y)).toBe(true);
    }
  });

  it('spaces count labels so that wide ones ("16,000") never run together, on a phone too', () => {
    const big = views.topicCounts.map((c) => ({
      ...c,
      total: c.total * 3200,
      byPartner: c.byPartner.map((b) => ({ ...b, count: b.count * 3200 })),
    }));
    for (const width of [320, 640]) {
      const { container, unmount } = render(TopicChart, { counts: big, partners: views.partners, colour, width });
      const ticks = [...container.querySelectorAll('text.tick')].map((t) => ({
        x: Number(t.getAttribute('x')),
        label: t.textContent ?? '',
      }));
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      // 11 px type: a digit or comma is at most about 6.5 px wide; a gap of 8 px at least.
      for (let i = 1; i < ticks.length; i++) {
        const room = ((ticks[i]!.label.length + ticks[i - 1]!.label.length) / 2) * 6.5 + 8;
        expect(ticks[i]!.x - ticks[i - 1]!.x, `${width}: ${ticks[i - 1]!.label} / ${ticks[i]!.label}`).toBeGreaterThan(
          room,
        );
      }
      unmount();
    }
  });

  it('makes bar length proportional to the count', () => {
    const { container } = render(TopicChart, {
      counts: views.topicCounts,
      partners: views.partners,
      colour,
      width: 640,
    });
    const widthOf = (topic: string) => segmentsOf(container, topic).reduce((s, seg) => s + seg.w + 1, 0);
    expect(widthOf('counter-terrorism') / widthOf('kashmir')).toBeCloseTo(5, 1);
  });

  it('shows markup in labels as text', () => {
    const rows = parseDialogues(fixture('dialogues-markup.csv')).rows;
    const counts = topicFrequency(rows, []);
    const { container } = render(TopicChart, { counts, partners: [rows[0]!.partner], colour, width: 500 });
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.label')!.textContent).toContain('<b>migration</b>');
  });

  it('says so when no meeting lists a topic', () => {
    const { getByText } = render(TopicChart, { counts: [], partners: [], colour, width: 500 });
    expect(getByText(/No meeting in the data lists a topic/)).toBeTruthy();
  });
});

describe('TopicChart while filtering', () => {
  const views = bundledViews();
  const colour = partnerColours(views.partners);
  const onlyAfghanistan = new Map(
    topicFrequency(
      views.dataset.dialogues.filter((d) => d.partner === 'Afghanistan'),
      views.dataset.topics,
      views.partners,
    ).map((c) => [c.id, c]),
  );

  it('keeps every bar, colours the matching meetings over a ghost of the total, and dims bars with none', () => {
    const { container } = render(TopicChart, {
      counts: views.topicCounts,
      partners: views.partners,
      colour,
      width: 640,
      visible: onlyAfghanistan,
    });
    const ct = container.querySelector('[data-topic="counter-terrorism"]')!;
    expect(ct.getAttribute('data-count')).toBe('5');
    expect(ct.getAttribute('data-visible-count')).toBe('1');
    expect(container.querySelectorAll('.ghost')).toHaveLength(20);
    expect(ct.querySelector('.value')!.textContent).toBe('1/5');
    expect(container.querySelector('[data-topic="kashmir"]')!.getAttribute('data-dimmed')).toBe('true');
    expect(container.querySelector('[data-topic="refugees"]')!.hasAttribute('data-dimmed')).toBe(false);
  });
});
