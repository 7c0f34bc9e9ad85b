import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import CadenceChart from '../../src/lib/charts/CadenceChart.svelte';
import { partnerColours } from '../../src/lib/charts/palette';
import { bundledViews } from './data';

describe('CadenceChart fitted to a frame (embeds, Present)', () => {
  const views = bundledViews();
  const colour = partnerColours(views.partners);
  const base = { lanes: views.lanes, colour, venueName: (id: string) => id, today: new Date('2026-11-21T00:00:00Z') };

  // The key beside an embed's chart names the interval only while the chart holds one (`main g.gap`, SingleView's style).
  it('draws no interval where its lanes are packed into the frame', () => {
    const props = $state({ ...base, width: 640, fitHeight: undefined as number | undefined });
    const { container } = render(CadenceChart, props);
    flushSync();
    expect(container.querySelectorAll('g.gap')).toHaveLength(2);
    // 640×360's room (30 px a lane): six tracks under three headings do not fit, so they pack, and draw no interval.
    props.fitHeight = 228;
    flushSync();
    expect(container.querySelectorAll('g.gap')).toHaveLength(0);
    // 800×500's (40 px a lane): no headings, but the lanes keep their intervals.
    props.fitHeight = 290;
    flushSync();
    expect(container.querySelectorAll('g.gap')).toHaveLength(2);
  });
});
