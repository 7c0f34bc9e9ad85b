import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterRows } from '../../src/lib/data/columns';
import { buildDataset } from '../../src/lib/data/dataset';
import { runNow } from '../../src/lib/data/steps';
import { datasetViews } from '../../src/lib/data/views';
import { createDashboard } from '../../src/lib/state/dashboard.svelte';
import { toFiles } from '../../src/lib/state/data-files';
import { DatasetState } from '../../src/lib/state/dataset.svelte';
import { ViewStore } from '../../src/lib/state/view.svelte';
import { bundledTexts } from '../fixtures/read';

// The filter over every row, counted: it should run once per change of the filters (or of the data), not per meeting opened.
vi.mock('../../src/lib/data/columns', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/lib/data/columns')>();
  return { ...actual, filterRows: vi.fn(actual.filterRows) };
});

/** The bundled data, shown at once (no storage, no fetch). */
class BundledData extends DatasetState {
  constructor() {
    super();
    const texts = bundledTexts();
    const built = buildDataset(texts);
    this.showBuilt(toFiles(texts), 'published data', built, runNow(datasetViews(built.dataset)));
  }
}

describe('the dashboard’s filters', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const dashboard = () => {
    const data = new BundledData();
    const view = new ViewStore();
    let dash!: ReturnType<typeof createDashboard>;
    cleanup = $effect.root(() => {
      dash = createDashboard(data, view);
    });
    return { data, view, dash };
  };

  it('keep their identity, and the Set of ids shown, when a meeting is opened or closed', () => {
    const { data, view, dash } = dashboard();
    view.toggle('partners', data.partners[0]!);
    flushSync();
    const { filters, visibleIds, visibleRows } = dash;
    expect(visibleIds.size).toBeGreaterThan(0);
    const filtered = vi.mocked(filterRows).mock.calls.length;
    for (const d of data.dataset.dialogues.slice(0, 3)) {
      view.select(d.id);
      flushSync();
      expect(dash.selected?.id).toBe(d.id);
      expect(dash.filters).toBe(filters);
      expect(dash.visibleIds).toBe(visibleIds);
      expect(dash.visibleRows).toBe(visibleRows);
    }
    view.select(null);
    flushSync();
    expect(dash.visibleIds).toBe(visibleIds);
    // Opening three meetings and closing one filtered no row again.
    expect(vi.mocked(filterRows).mock.calls.length).toBe(filtered);
  });

  it('keep their identity when Back or a link brings the same filters with another meeting', () => {
    const { data, view, dash } = dashboard();
    view.setStatus('held');
    flushSync();
    const { filters, visibleIds } = dash;
    const filtered = vi.mocked(filterRows).mock.calls.length;
    const meeting = data.dataset.dialogues[0]!.id;
    view.apply({ ...view.snapshot, filters: { ...view.filters }, meeting });
    flushSync();
    expect(dash.selected?.id).toBe(meeting);
    expect(dash.filters).toBe(filters);
    expect(dash.visibleIds).toBe(visibleIds);
    expect(vi.mocked(filterRows).mock.calls.length).toBe(filtered);
  });

  it('change, and filter the rows once, when a filter changes', () => {
    const { data, view, dash } = dashboard();
    const { filters, visibleIds } = dash;
    const filtered = vi.mocked(filterRows).mock.calls.length;
    view.toggle('partners', data.partners[0]!);
    flushSync();
    expect(dash.filters).not.toBe(filters);
    expect(dash.filters.partners).toEqual([data.partners[0]]);
    expect(dash.visibleIds).not.toBe(visibleIds);
    expect(dash.visibleIds.size).toBeLessThan(visibleIds.size);
    expect(vi.mocked(filterRows).mock.calls.length).toBe(filtered + 1);
  });
});
