import type { BuiltDataset } from '../data/dataset';
import { unpackSteps } from '../data/packed';
import { runInSlices, runNow, yieldToPage } from '../data/steps';
import { datasetViews, type DatasetViews } from '../data/views';
import { takePacked } from '../ingest/prepared';
import type { Files } from './data-files';
import { readDataset } from './read-dataset';

/**
 * Files → the dataset to show and its views: read and checked in a worker (or, for an upload,
 * already read by its worker: prepared.ts), its meetings made only when read, its views from
 * the worker's columns and lanes (made here in slices when they are not there).
 * `onActivity` gets what is being done, in words. Resolves in a task of its own, so the
 * caller's swap (drawing every chart) is a task apart from reading the data. A few rows (the
 * published data, most uploads) are made into the dataset and its views at once, in the task that
 * draws them: each task hop delays the first chart.
 */
/** Up to this many meetings, the dataset and its views are made in one go (a few milliseconds). */
const FEW_ROWS = 2000;

export async function readForShow(
  files: Files,
  onActivity: (activity: string) => void,
): Promise<{ built: BuiltDataset; views: DatasetViews }> {
  onActivity('Reading the data');
  let last = '';
  const packed =
    (await takePacked(files.dialogues)) ??
    (await readDataset(files, (fraction) => {
      const activity = `Reading the data: ${Math.floor(fraction * 100)}%`;
      if (activity !== last) onActivity((last = activity));
    }));
  if (packed.dialogues.n < FEW_ROWS) {
    // Read in one task, drawn in the next: together they held a phone's main thread for 150–200 ms
    // (at 4× CPU) in one go, the page's longest task.
    await yieldToPage();
    const built = runNow(unpackSteps(packed));
    return { built, views: runNow(datasetViews(built.dataset, packed.views)) };
  }
  await yieldToPage();
  const built = await runInSlices(unpackSteps(packed));
  onActivity('Drawing the charts');
  const views = await runInSlices(datasetViews(built.dataset, packed.views));
  await yieldToPage();
  return { built, views };
}
