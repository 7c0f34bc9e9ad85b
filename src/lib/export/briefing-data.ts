import type { DatasetTexts } from '../data/dataset';

// What every page reads at start (is this the offline briefing?), apart from writing a briefing
// (briefing.ts), which loads only when asked for.

/** What a briefing file carries besides the app: the data, and what it is. */
export interface BriefingData {
  texts: DatasetTexts;
  /** Which data this is: "published data" or the uploaded file. */
  label: string;
  /** When the briefing was written (ISO). */
  created: string;
  /** The address's view and filters when it was downloaded (`#/?topic=migration`), opened again from disk. */
  hash?: string;
}

/** The global the briefing page sets before the app starts. */
export const BRIEFING_GLOBAL = '__DIALOGUE_ATLAS_BRIEFING__';

/** The data a briefing page carries, or null on the live site. */
export function readBriefing(): BriefingData | null {
  const value = (globalThis as Record<string, unknown>)[BRIEFING_GLOBAL];
  if (typeof value !== 'object' || value === null) return null;
  const b = value as Partial<BriefingData>;
  return b.texts && typeof b.label === 'string' && typeof b.created === 'string' ? (b as BriefingData) : null;
}
