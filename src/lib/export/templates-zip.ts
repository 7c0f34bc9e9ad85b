import { strToU8, zipSync } from 'fflate';
import type { Files } from '../state/data-files';
import { templateFiles } from './templates';

/** A published file's text, or its first megabyte's whole lines (a large dialogues.csv: the example comes from its first rows). */
async function head(file: Blob): Promise<string> {
  if (file.size <= 1 << 20) return file.text();
  const text = await file.slice(0, 1 << 20).text();
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

/** The Template's zip (loaded when asked: fflate and the README's schema stay out of the first view), made from the published files. */
export async function templatesZip(published: Files): Promise<Blob> {
  const [dialogues, venues, topics, sources] = await Promise.all([
    head(published.dialogues),
    published.venues.text(),
    published.topics.text(),
    published.sources.text(),
  ]);
  const files = templateFiles({ dialogues, venues, topics, sources });
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
  return new Blob([zipped as BlobPart], { type: 'application/zip' });
}
