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

  it('says whether it draws an interval, for the key beside it: none where its lanes are packed', () => {
    const props = $state({ ...base, width: 640, fitHeight: undefined as number | undefined, intervalsDrawn: false });
    const { container } = render(CadenceChart, props);
    flushSync();
    expect(container.querySelectorAll('.gap')).toHaveLength(2);
    expect(props.intervalsDrawn).toBe(true);
    // 640×360's room: six tracks under three headings do not fit, so they pack, and draw no interval.
    props.fitHeight = 260;
    flushSync();
    expect(container.querySelectorAll('.gap')).toHaveLength(0);
    expect(props.intervalsDrawn).toBe(false);
  });
});
