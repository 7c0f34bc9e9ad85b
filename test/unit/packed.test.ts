import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { packDataset, transferables, unpackSteps } from '../../src/lib/data/packed';
import { runNow } from '../../src/lib/data/steps';
import { expectPacked, settlePacked, takePacked } from '../../src/lib/ingest/prepared';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import { bundled } from '../fixtures/read';

const bundledTexts = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

describe('a dataset read in the worker and handed to the page packed', () => {
  it.each([
    ['the bundled data', bundledTexts],
    ['10,000 generated meetings with unknown references', generateDataset({ meetings: 10_000, venues: 30, seed: 4 })],
    [
      'a file with errors, odd dates and a bad round',
      {
        ...bundledTexts,
        dialogues:
          'id,date,status,partner,track,round,venue_id,topics,source_id,summary\n' +
          'a,2025-02-30,held,P,T,1,islamabad,migration,s1,x\n' +
          'b,2025-07,Held,P,T,x,,migration; trade;migration,s1,"two\nlines"\n' +
          'c,,planned,P,T,,kabul,,s9,\n',
      },
    ],
  ])('unpacks to exactly the meetings and problems the page would read itself: %s', (_, texts) => {
    const packed = packDataset(texts);
    expect(runNow(unpackSteps(packed))).toEqual(buildDataset(texts));
  });

  it('moves its columns as typed arrays, one buffer each', () => {
    const packed = packDataset(generateDataset({ meetings: 100, venues: 5, seed: 1 }));
    const buffers = transferables(packed);
    // lines, 3 texts' ends, 11 columns' codes; then the views: 8 columns, the date order, a row list
    // per topic, each timeline lane's rows, starts and ends, each venue's rows and the held counts,
    // and the topic counts.
    const { columns, lanes } = packed.views!;
    expect(buffers.length).toBe(
      1 + 3 + 11 + 8 + 1 + columns.topics.length + 3 * lanes!.length + columns.venues.length + 1 + 1,
    );
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});

describe('the dataset an upload worker packed, handed to Apply', () => {
  const packed = packDataset(generateDataset({ meetings: 10, venues: 2, seed: 1 }));

  it('waits for a dataset still on its way, and gives it once', async () => {
    const blob = new Blob(['x']);
    expectPacked(blob);
    const taken = takePacked(blob);
    settlePacked(blob, packed);
    expect(await taken).toBe(packed);
    expect(await takePacked(blob)).toBeNull();
  });

  it('keeps a dataset that arrived before Apply, and says null when none will come', async () => {
    const early = new Blob(['x']);
    expectPacked(early);
    settlePacked(early, packed);
    expect(await takePacked(early)).toBe(packed);
    const dropped = new Blob(['y']);
    expectPacked(dropped);
    const taken = takePacked(dropped);
    settlePacked(dropped, null);
    expect(await taken).toBeNull();
    expect(await takePacked(new Blob(['z']))).toBeNull();
  });

  it('asks the worker for it only when Apply takes it, and once', async () => {
    const blob = new Blob(['x']);
    let asked = 0;
    expectPacked(blob, () => {
      asked++;
      settlePacked(blob, packed);
    });
    expect(asked).toBe(0); // nothing crosses to the page while the diff is read
    expect(await takePacked(blob)).toBe(packed);
    expect(asked).toBe(1);
    expect(await takePacked(blob)).toBeNull();
    expect(asked).toBe(1);
  });
});
