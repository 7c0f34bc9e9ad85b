import type { DatasetTexts } from '../data/dataset';
import type { DataFileKind } from '../data/schema';

/** The four data files as Blobs: what is shown, compared with uploads, and stored. */
export type Files = Record<DataFileKind, Blob>;

/** The site's own data/ folder: what was published, which may have been replaced since the build. */
export const BUNDLED_LABEL = 'published data';
/** A step of this browser's history that was the published data, since replaced there by a colleague's publication. */
export const EARLIER_PUBLISHED_LABEL = 'data published before';

export const toFiles = (texts: DatasetTexts): Files =>
  Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, new Blob([t], { type: 'text/plain' })])) as Files;

/** The files' text, whole (for writing them out again: the offline briefing). */
export async function readTexts(files: Files): Promise<DatasetTexts> {
  const [dialogues, venues, topics, sources] = await Promise.all([
    files.dialogues.text(),
    files.venues.text(),
    files.topics.text(),
    files.sources.text(),
  ]);
  return { dialogues, venues, topics, sources };
}
