import type { Dataset, DataFileKind } from '../data/schema';

/**
 * How the data kept in this browser stands to the published data (the site's data/ folder):
 * - `shown`: the published data is what this tab shows;
 * - `same`: this browser's data has been published (the files are the same, byte for byte or as the
 *   data package writes them);
 * - `differs`: only this browser shows it (not published yet);
 * - `moved`: the published data has changed since this browser last showed it: someone
 *   published other files, and publishing this browser's data would replace theirs.
 */
export type Publication = 'unknown' | 'shown' | 'same' | 'differs' | 'moved';

/**
 * A promise awaited only later (the published data's digest, once the data shown is compared with
 * it): its failure is met there, not reported as uncaught meanwhile. In a frame on a page served
 * over plain http there is no crypto.subtle, and an embed's console said "Uncaught (in promise)
 * TypeError … 'digest'" while the page went on as before.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** A dataset's four files as the data package writes them (given by the app: exports are not state's to import). */
export type Serialise = (dataset: Dataset) => Promise<Record<DataFileKind, string>>;

/**
 * The published data's digest when this browser last showed it (localStorage): what the data
 * applied here since was made beside. Null when unknown (never shown, or no localStorage).
 */
const BASE_KEY = 'dialogue-atlas-published-base';

export function readPublishedBase(): string | null {
  try {
    return localStorage.getItem(BASE_KEY);
  } catch {
    return null;
  }
}

export function writePublishedBase(digest: string): void {
  try {
    localStorage.setItem(BASE_KEY, digest);
  } catch {
    // No localStorage: a later change of the published data goes unnoticed here, as before.
  }
}

/**
 * Where this browser's data stands (see Publication): `same` when its files or their content are
 * the published data's; `base` is the published data's digest when this browser last showed it.
 */
export function publicationOf(
  same: boolean,
  published: string,
  base: string | null,
  shownIsPublished: boolean,
): Publication {
  if (shownIsPublished) return 'shown';
  if (same) return 'same';
  return base !== null && base !== published ? 'moved' : 'differs';
}
