import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import UploadDiff from '../../src/components/data/UploadDiff.svelte';
import { ingest } from '../../src/lib/ingest/ingest';
import type { UploadSession } from '../../src/lib/state/upload.svelte';
import { bundled, fixture } from '../fixtures/read';

const current = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};
/** The diff reads only the mode from the session (and sets it). */
const session = { mode: 'replace', setMode: () => {} } as unknown as UploadSession;

/** The heading of the column that says where each row is in the upload, then each row's change, id and that cell, as the review shows them. */
function shown(files: { name: string; text: string }[]) {
  const result = ingest(files, current, 'replace');
  const { container } = render(UploadDiff, { props: { result, session } });
  const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [
    tr.getAttribute('data-change'),
    tr.getAttribute('data-id'),
    tr.querySelector('td.line')!.textContent,
  ]);
  return [container.querySelectorAll('thead th')[3]!.textContent, ...rows];
}

describe('the upload’s diff', () => {
  it('names an added or changed venue of an uploaded venues.geojson by its feature, and a removed one nowhere', () => {
    const doc = JSON.parse(current.venues) as { features: { properties: Record<string, string> }[] };
    const kabul = doc.features.findIndex((f) => f.properties.id === 'kabul');
    const added = structuredClone(doc.features[kabul]!);
    added.properties = { ...added.properties, id: 'kabul-2', name: 'Kabul (second venue)' };
    doc.features.splice(kabul, 1, added);
    doc.features.find((f) => f.properties.id === 'brussels')!.properties.name = 'Brussels (EEAS)';
    const at = (id: string) => doc.features.findIndex((f) => f.properties.id === id) + 1;
    expect(shown([{ name: 'venues.geojson', text: JSON.stringify(doc, null, 2) }])).toEqual([
      'Feature in upload',
      ['changed', 'brussels', `feature ${at('brussels')}`],
      ['added', 'kabul-2', `feature ${at('kabul-2')}`],
      ['removed', 'kabul', ''],
    ]);
  });

  it('names a venue removed only for its feature’s errors by that feature, under the same heading', () => {
    // Brussels is feature 1, a Polygon: it would go for that error, and the rest of the file is the data shown.
    expect(shown([{ name: 'venues-polygon.geojson', text: fixture('venues-polygon.geojson') }])).toEqual([
      'Feature in upload',
      ['removed', 'brussels', 'feature 1'],
    ]);
  });

  it('names a meeting removed only for its row’s errors by that line', () => {
    const dialogues = current.dialogues.replace(/^(us-2023-03-ct,)[^,]*/m, '$12023-13-45');
    const line = dialogues.split('\n').findIndex((l) => l.startsWith('us-2023-03-ct,')) + 1;
    expect(shown([{ name: 'dialogues.csv', text: dialogues }])).toEqual([
      'Line in upload',
      ['removed', 'us-2023-03-ct', String(line)],
    ]);
  });

  it('names a row of a CSV by its line, as before', () => {
    const topics = current.topics.replace(/^migration,Migration and mobility,/m, 'migration,Migration,');
    const line = topics.split('\n').findIndex((l) => l.startsWith('migration,')) + 1;
    expect(shown([{ name: 'topics.csv', text: topics }])).toEqual([
      'Line in upload',
      ['changed', 'migration', String(line)],
    ]);
  });
});

describe('the upload’s diff of many meetings', () => {
  it('says the list shows only the first 50 meetings added, and of how many', async () => {
    const [header, first] = current.dialogues.trimEnd().split('\n');
    const rows = Array.from({ length: 60 }, (_, i) => first!.replace(/^[^,]+/, `new-${i}`));
    const result = ingest([{ name: 'dialogues.csv', text: [header, ...rows].join('\n') }], current, 'merge');
    const { getByTestId, container } = render(UploadDiff, { props: { result, session } });
    expect(container.querySelectorAll('tbody tr[data-change="added"]')).toHaveLength(50);
    expect(getByTestId('diff-unlisted').textContent).toBe(
      'The list shows the first 50 of the 60 meetings added; the counts above are of them all.',
    );
  });

  it('says nothing of the kind when every change is listed', () => {
    const topics = current.topics.replace(/^migration,Migration and mobility,/m, 'migration,Migration,');
    const result = ingest([{ name: 'topics.csv', text: topics }], current, 'replace');
    const { queryByTestId } = render(UploadDiff, { props: { result, session } });
    expect(queryByTestId('diff-unlisted')).toBeNull();
  });
});

describe('the upload’s diff of a merge', () => {
  const merged = (name: string, text: string) => {
    const result = ingest([{ name, text }], current, 'merge');
    return render(UploadDiff, { props: { result, session: { ...session, mode: 'merge' } as UploadSession } });
  };

  it('names the columns a file lacks as kept for the meetings it updates', () => {
    const { getByTestId } = merged('slim-merge.csv', fixture('dialogues-merge-required-columns-only.csv'));
    expect(getByTestId('diff-kept').textContent).toBe(
      'slim-merge.csv has no round, level, lead_pakistan, lead_partner, evidence or summary columns: those are kept as they are for the 1 meeting it updates.',
    );
  });

  it('shows a value emptied, or filled where there was none, as “(empty)”, in words', () => {
    const row =
      'eu-2025-migration-3,2025-11-20,held,European Union,Migration and Mobility Dialogue,brussels,migration,s1,';
    const { container, getByTestId } = merged(
      'summary-emptied.csv',
      `id,date,status,partner,track,venue_id,topics,source_id,summary\n${row}\n`,
    );
    const field = (column: string) =>
      [...container.querySelectorAll('.field')].find((f) => f.querySelector('.column')!.textContent === column)!;
    const said = (column: string) => field(column).textContent!.replace(/\s+/g, ' ').trim();
    expect(said('summary')).toMatch(/^summary Third round expected .* → \(empty\)$/);
    expect(field('summary').querySelector('ins')).toBeNull();
    // The venue was not named before: "(empty)" on the left.
    expect(said('venue_id')).toBe('venue_id (empty) → brussels');
    expect(getByTestId('diff-kept').textContent).toBe(
      'summary-emptied.csv has no round, level, lead_pakistan, lead_partner or evidence columns: those are kept as they are for the 1 meeting it updates.',
    );
  });
});
