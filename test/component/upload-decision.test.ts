import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import UploadDecision from '../../src/components/data/UploadDecision.svelte';
import { ingest } from '../../src/lib/ingest/ingest';
import { overwrites } from '../../src/lib/ingest/overwrites';
import type { DatasetState } from '../../src/lib/state/dataset.svelte';
import type { UploadSession } from '../../src/lib/state/upload.svelte';
import { bundledTexts } from '../fixtures/read';

const current = bundledTexts();
const [header, ...rows] = current.dialogues.trimEnd().split('\n');
/** The decision reads how many meetings are shown now, and whether the data is busy. */
const data = {
  dataset: { dialogues: rows.map((r) => ({ id: r.split(',')[0] })) },
  busy: false,
} as unknown as DatasetState;

function decide(result: NonNullable<UploadSession['result']>, elsewhere: UploadSession['elsewhere'] = null) {
  const onapply = vi.fn();
  const session = { elsewhere, dismiss: () => {} } as unknown as UploadSession;
  const view = render(UploadDecision, { props: { data, session, result, onapply } });
  const apply = view.getByTestId('upload-apply');
  const question = () => view.queryByTestId('upload-confirm')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  return { onapply, apply, question };
}

/** Islamabad written [lat, lon]: the review's file. */
const swappedVenues = (() => {
  const doc = JSON.parse(current.venues) as {
    features: { geometry: { coordinates: number[] }; properties: { id: string } }[];
  };
  const islamabad = doc.features.find((f) => f.properties.id === 'islamabad')!;
  islamabad.geometry.coordinates = [33.7, 73];
  return JSON.stringify(doc, null, 2);
})();

describe('Apply, for venues whose numbers look swapped', () => {
  it('asks first, naming the venue, where it would be placed and where it belongs; applies on the second press', async () => {
    const result = ingest([{ name: 'venues-swapped.geojson', text: swappedVenues }], current, 'replace');
    const { onapply, apply, question } = decide(result);
    await fireEvent.click(apply);
    expect(onapply).not.toHaveBeenCalled();
    expect(question()).toBe(
      'The numbers of 1 venue look swapped: Islamabad is placed at [33.7, 73], outside Pakistan, but [73, 33.7] is in Pakistan. Applied as it is, the map shows it far from Pakistan. Fix the file and upload it again (the warning above says what to write), or press “Apply anyway” to place it as written.',
    );
    expect(apply.textContent).toBe('Apply anyway');
    await fireEvent.click(apply);
    expect(onapply).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the venues are where their countries are', async () => {
    const renamed = current.venues.replace('"name": "Kabul"', '"name": "Kabul (MoFA)"');
    const result = ingest([{ name: 'venues.geojson', text: renamed }], current, 'replace');
    expect(result.diff.changed).toBe(1);
    const { onapply, apply, question } = decide(result);
    await fireEvent.click(apply);
    expect(question()).toBeNull();
    expect(onapply).toHaveBeenCalledTimes(1);
  });
});

describe('Apply, when another tab changed the data after the files were picked', () => {
  // Tab A added a meeting and edited a summary; tab B's file, picked before, edits another summary.
  const added =
    'eu-2026-new-round,2026-03,planned,European Union,Migration and Mobility Dialogue,3,,,migration,,,s1,q,Third round.';
  const edit = (row: string, words: string) =>
    row.endsWith('"') ? `${row.slice(0, -1)} ${words}"` : `${row} ${words}`;
  const now = {
    ...current,
    dialogues: [header, edit(rows[0]!, 'Edited in tab A.'), ...rows.slice(1), added].join('\n'),
  };
  const fileB = [header, rows[0], rows[1], edit(rows[2]!, 'Edited in tab B.'), ...rows.slice(3)].join('\n');
  const elsewhere = { label: 'edit-A.csv (uploaded 7 Dec 2026, 00:51:12; the other files as before)', at: '00:51:12' };

  function checked(counted: 'counted' | 'uncounted' = 'counted') {
    const result = ingest([{ name: 'edit-B.csv', text: fileB }], now, 'replace');
    const { texts, ...rest } = result;
    return { ...rest, overwrites: counted === 'counted' ? overwrites(current, now, texts, result.kinds) : null };
  }

  it('asks first, counting what applying takes back of that tab’s work, and saying Undo brings it back', async () => {
    const { onapply, apply, question } = decide(checked(), elsewhere);
    await fireEvent.click(apply);
    expect(onapply).not.toHaveBeenCalled();
    expect(question()).toBe(
      'Another tab changed the data to “edit-A.csv (uploaded 7 Dec 2026, 00:51:12; the other files as before)” at 00:51:12, after you picked these files: applying yours removes 1 meeting it added and undoes 1 change it made. That data is not lost: after applying, Undo brings it back. Press “Remove 1 meeting and apply” to go ahead.',
    );
    await fireEvent.click(apply);
    expect(onapply).toHaveBeenCalledTimes(1);
  });

  it('says so in general words when what it takes back could not be counted', async () => {
    const { apply, question } = decide(checked('uncounted'), elsewhere);
    await fireEvent.click(apply);
    expect(question()).toContain(
      'applying yours replaces what it changed (the changes above include it; they could not be told apart).',
    );
  });

  it('does not ask when applying takes back nothing of it (merged, the other tab’s work stays)', async () => {
    const merged = ingest(
      [{ name: 'only-b.csv', text: [header, edit(rows[2]!, 'Edited in tab B.')].join('\n') }],
      now,
      'merge',
    );
    const { texts, ...rest } = merged;
    const result = { ...rest, overwrites: overwrites(current, now, texts, merged.kinds) };
    expect(result.overwrites).toEqual({});
    const { onapply, apply, question } = decide(result, elsewhere);
    await fireEvent.click(apply);
    expect(question()).toBeNull();
    expect(onapply).toHaveBeenCalledTimes(1);
  });
});
