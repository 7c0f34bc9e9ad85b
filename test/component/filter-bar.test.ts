import { fireEvent, render } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FilterBar from '../../src/components/controls/FilterBar.svelte';
import { NO_FILTERS } from '../../src/lib/data/filters';

describe('FilterBar’s month boxes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function bar(from: string, to: string) {
    const onperiod = vi.fn();
    const { getByLabelText } = render(FilterBar, {
      filters: { ...NO_FILTERS, from, to },
      filtering: true,
      shown: 1,
      total: 9,
      labels: { topic: (id: string) => id, venue: (id: string) => id },
      ontoggle: () => {},
      onstatus: () => {},
      onperiod,
      onclear: () => {},
    });
    return { onperiod, fromBox: getByLabelText('From') as HTMLInputElement };
  }

  it('set a bound once the typing stops, not at each part typed (each digit of the year a new year)', async () => {
    const { onperiod, fromBox } = bar('2022-05', '2022-05');
    // What a month box sends while "Jan", then "2026", is typed over May 2022.
    for (const value of ['2022-06', '2022-01', '0002-01', '0020-01', '0202-01', '2026-01'])
      await fireEvent.change(fromBox, { target: { value } });
    expect(onperiod).not.toHaveBeenCalled();
    vi.advanceTimersByTime(700);
    expect(onperiod.mock.calls).toEqual([['2026-01', '2022-05']]);
  });

  it('set it at once when the box is left or Enter is pressed, and never to a year before 1000', async () => {
    const { onperiod, fromBox } = bar('2022-05', '2022-05');
    await fireEvent.change(fromBox, { target: { value: '2023-03' } });
    await fireEvent.blur(fromBox);
    expect(onperiod.mock.calls).toEqual([['2023-03', '2022-05']]);
    await fireEvent.change(fromBox, { target: { value: '0202-03' } });
    await fireEvent.keyDown(fromBox, { key: 'Enter' });
    vi.advanceTimersByTime(700);
    expect(onperiod).toHaveBeenCalledTimes(1);
  });
});
