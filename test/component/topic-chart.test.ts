import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TopicChart from '../../src/lib/charts/TopicChart.svelte';
import { partnerColours } from '../../src/lib/charts/palette';
import { topicFrequency } from '../../src/lib/data/aggregate';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { fixture } from '../fixtures/read';
import { bundledViews } from './data';

describe('TopicChart', () => {
  const views = bundledViews();
  const colour = partnerColours(views.partners);

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
    // Counter-terrorism: one segment per partner that discussed it, coloured by partner.
    const fills = [...bars[0]!.querySelectorAll('rect:not(.hit)')].map((r) => r.getAttribute('fill'));
    expect(fills).toEqual(views.partners.map((p) => colour(p)));
  });

  it('makes bar length proportional to the count', () => {
    const { container } = render(TopicChart, {
      counts: views.topicCounts,
      partners: views.partners,
      colour,
      width: 640,
    });
    const widthOf = (topic: string) =>
      [...container.querySelectorAll(`[data-topic="${topic}"] rect:not(.hit)`)].reduce(
        (s, r) => s + Number(r.getAttribute('width')) + 1,
        0,
      );
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
    expect(ct.querySelector('.ghost')).not.toBeNull();
    expect(ct.querySelector('.value')!.textContent).toBe('1/5');
    expect(container.querySelector('[data-topic="kashmir"]')!.getAttribute('data-dimmed')).toBe('true');
    expect(container.querySelector('[data-topic="refugees"]')!.hasAttribute('data-dimmed')).toBe(false);
  });
});
