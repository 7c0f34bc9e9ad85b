import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { ingestFiles, type UploadSource } from '../../src/lib/ingest/ingest';
import { bundledTexts, fixture } from '../fixtures/read';

/** Files picked while a review of the all-new data (five partners) was open: which stay under review. */
const dir = 'all-new-five-partners';
const all: UploadSource[] = ['dialogues.csv', 'venues.geojson', 'topics.csv', 'sources.csv'].map((name) => ({
  name,
  data: new Blob([fixture(`${dir}/${name}`)]),
}));
const [dialogues, venues, topics, sources] = all as [UploadSource, UploadSource, UploadSource, UploadSource];
/** The dialogues with a date written day first: the error the analyst fixes, then uploads alone. */
const dayFirst: UploadSource = {
  name: 'dialogues.csv',
  data: new Blob([fixture(`${dir}/dialogues.csv`).replace('m01,2020-06-05,', 'm01,05/06/2020,')]),
};
const names = (r: Awaited<ReturnType<typeof ingestFiles>>) => r.files.map((f) => [f.name, f.kind, f.kept ?? false]);

describe('files picked during a review replace only the kinds they bring', () => {
  /** A file as Chromium gives it once it has changed on disk since it was picked: reading it fails. */
  const stale = (name: string): UploadSource => ({
    name,
    data: {
      arrayBuffer: () => Promise.reject(new DOMException('A requested file could not be read.', 'NotReadableError')),
    } as unknown as Blob,
  });

  it('a corrected file saved over the one picked before: the old one is not read again, the others stay', async () => {
    const r = await ingestFiles([dialogues], bundledTexts(), 'replace', undefined, false, [
      stale('dialogues.csv'),
      venues,
      topics,
      sources,
    ]);
    expect(names(r).map(([name, , kept]) => [name, kept])).toEqual([
      ['dialogues.csv', false],
      ['venues.geojson', true],
      ['topics.csv', true],
      ['sources.csv', true],
    ]);
    expect(r.kept).toEqual({ used: [1, 2, 3], replaced: ['dialogues.csv'] });
    expect([r.errors, r.warnings]).toEqual([0, 0]);
  });

  it('a kept file changed on disk since it was picked: the check says which, and what to do', async () => {
    await expect(
      ingestFiles([dialogues], bundledTexts(), 'replace', undefined, false, [stale('venues.geojson'), topics]),
    ).rejects.toThrow(
      '“venues.geojson”, kept from your last upload, could not be read again: it has changed or moved since you picked it. Pick it again with the files you are correcting.',
    );
  });

  it('a corrected dialogues.csv alone: the venues, topics and sources under review stay, and their ids are known', async () => {
    const before = await ingestFiles([dayFirst, venues, topics, sources], bundledTexts());
    expect(before.errors).toBe(1);
    const r = await ingestFiles([dialogues], bundledTexts(), 'replace', undefined, false, [
      dayFirst,
      venues,
      topics,
      sources,
    ]);
    expect(names(r)).toEqual([
      ['dialogues.csv', 'dialogues', false],
      ['venues.geojson', 'venues', true],
      ['topics.csv', 'topics', true],
      ['sources.csv', 'sources', true],
    ]);
    expect(r.kept).toEqual({ used: [1, 2, 3], replaced: ['dialogues.csv'] });
    expect(r.kinds.sort()).toEqual(['dialogues', 'sources', 'topics', 'venues']);
    expect([r.errors, r.warnings]).toEqual([0, 0]);
    // The same as picking the four corrected files together.
    const together = await ingestFiles(all, bundledTexts());
    expect(r.texts).toEqual(together.texts);
    expect(r.diff).toEqual(together.diff);
  });

  it('alone, without the files kept, the same dialogues.csv cites venues, topics and sources the data shown lacks', async () => {
    const r = await ingestFiles([dialogues], bundledTexts());
    expect(r.kept).toBeUndefined();
    expect(r.problems.some((p) => p.message.startsWith('Unknown venue'))).toBe(true);
  });

  it('the newest pick of a kind wins: kept files are listed newest first, and a kind taken is not taken again', async () => {
    const otherTopics: UploadSource = { name: 'topics-v2.csv', data: new Blob([fixture(`${dir}/topics.csv`)]) };
    // Picked: sources; kept: the topics picked last time, then the files of the review before that.
    const r = await ingestFiles([sources], bundledTexts(), 'replace', undefined, false, [
      otherTopics,
      dialogues,
      venues,
      topics,
      sources,
    ]);
    expect(names(r)).toEqual([
      ['sources.csv', 'sources', false],
      ['topics-v2.csv', 'topics', true],
      ['dialogues.csv', 'dialogues', true],
      ['venues.geojson', 'venues', true],
    ]);
    expect(r.kept).toEqual({ used: [0, 1, 2], replaced: ['topics.csv', 'sources.csv'] });
  });

  it('a zip (a data package) brings every kind: nothing is kept', async () => {
    const zip = new Blob([zipSync(Object.fromEntries(all.map((f) => [f.name, strToU8(fixture(`${dir}/${f.name}`))])))]);
    const r = await ingestFiles([{ name: 'package.zip', data: zip }], bundledTexts(), 'replace', undefined, false, [
      dayFirst,
      venues,
    ]);
    expect(r.files.every((f) => !f.kept)).toBe(true);
    expect(r.kept).toEqual({ used: [], replaced: ['dialogues.csv', 'venues.geojson'] });
    expect(r.errors).toBe(0);
  });

  it('a kept zip gives up only the kinds the new files bring; a kept file that is no data file is dropped', async () => {
    const zip = new Blob([
      zipSync({
        ...Object.fromEntries(all.map((f) => [f.name, strToU8(fixture(`${dir}/${f.name}`))])),
        'datapackage.json': strToU8('{"resources": []}'),
      }),
    ]);
    const notes: UploadSource = { name: 'notes.txt', data: new Blob(['just some notes']) };
    const r = await ingestFiles([dialogues], bundledTexts(), 'replace', undefined, false, [
      notes,
      { name: 'package.zip', data: zip },
    ]);
    expect(names(r)).toEqual([
      ['dialogues.csv', 'dialogues', false],
      ['package.zip › venues.geojson', 'venues', true],
      ['package.zip › topics.csv', 'topics', true],
      ['package.zip › sources.csv', 'sources', true],
    ]);
    expect(r.kept).toEqual({ used: [1], replaced: ['notes.txt', 'package.zip › dialogues.csv'] });
    expect(r.errors).toBe(0);
  });

  it('a new file of a kind that cannot be read (not UTF-8) still replaces the kept one of that kind', async () => {
    const latin1: UploadSource = {
      name: 'venues-latin1.geojson',
      data: new Blob([new Uint8Array([...strToU8(fixture(`${dir}/venues.geojson`)).slice(0, 40), 0xe9, 0x0a])]),
    };
    const r = await ingestFiles([latin1], bundledTexts(), 'replace', undefined, false, [venues]);
    expect(r.kept?.replaced).toEqual(['venues.geojson']);
  });
});
