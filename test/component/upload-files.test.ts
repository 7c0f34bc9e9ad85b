import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import UploadFiles from '../../src/components/data/UploadFiles.svelte';
import { ingest } from '../../src/lib/ingest/ingest';
import { bundled } from '../fixtures/read';

const current = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

/** Each picked file's line in the review, as read (spaces as shown). */
function lines(files: { name: string; text: string }[]) {
  const { container } = render(UploadFiles, { props: { result: ingest(files, current, 'replace') } });
  return [...container.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

describe('the upload’s list of files', () => {
  it('says which data file a file of another name is read as, and does not repeat a data file’s own name', () => {
    const topics = bundled('topics.csv');
    const rows = topics.trim().split('\n').length - 1;
    expect(lines([{ name: 'topics.csv', text: topics }])).toEqual([
      `topics.csv, comma-separated, ${rows} rows ready to load`,
    ]);
    expect(lines([{ name: 'export (3).csv', text: topics.replaceAll(',', ';') }])).toEqual([
      `export (3).csv → topics.csv, semicolon-separated, ${rows} rows ready to load`,
    ]);
  });

  it('does not repeat the name of a data package’s file either, and says why a file is not used', () => {
    const topics = bundled('topics.csv');
    const [packed, other] = lines([
      { name: 'dialogue-atlas-data-2026-12-07.zip › topics.csv', text: topics },
      { name: 'notes.txt', text: 'Minutes of the meeting' },
    ]);
    expect(packed).toMatch(
      /^dialogue-atlas-data-2026-12-07\.zip › topics\.csv, comma-separated, \d+ rows ready to load$/,
    );
    expect(other).toMatch(/^notes\.txt — not used: \S/);
  });

  it('counts a GeoJSON’s venues as features', () => {
    const features = (JSON.parse(current.venues) as { features: unknown[] }).features.length;
    expect(lines([{ name: 'places.json', text: current.venues }])).toEqual([
      `places.json → venues.geojson, ${features} features ready to load`,
    ]);
  });
});
