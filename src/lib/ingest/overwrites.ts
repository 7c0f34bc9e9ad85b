/**
 * Another tab changed the data after an upload here was picked: what applying the upload would
 * take back of that tab's change (see Overwrite). Run in the upload's worker.
 */
import type { DatasetTexts } from '../data/dataset';
import { DialogueReader } from '../data/dialogue-reader';
import type { DataFileKind } from '../data/schema';
import type { Overwrite, OverwriteCounts } from './ingest-result';
import { parseVenues } from '../data/venues';
import { parseSources, parseTopics } from '../data/vocabulary';
import { rowHash } from './row-hash';

/** Each row's id → a fingerprint of its values. Rows with errors are not read, as Apply leaves them out. */
export function fingerprints(kind: DataFileKind, text: string): Map<string, string> {
  const prints = new Map<string, string>();
  if (kind === 'dialogues') {
    const reader = new DialogueReader(text);
    while (
      reader.read(Infinity, (_line, values) => {
        const [a, b] = rowHash(values);
        prints.set(values[0]!, `${a}:${b}`);
      })
    );
    return prints;
  }
  const parse = kind === 'venues' ? parseVenues : kind === 'topics' ? parseTopics : parseSources;
  for (const row of parse(text).rows as unknown as ({ id: string } & Record<string, unknown>)[]) {
    prints.set(row.id, JSON.stringify(Object.entries(row).filter(([k]) => k !== 'line')));
  }
  return prints;
}

/** What applying `after` takes back of the change from `before` to `now`, in the `kinds` the upload changes. */
export function overwrites(
  before: DatasetTexts,
  now: DatasetTexts,
  after: DatasetTexts,
  kinds: readonly DataFileKind[],
): OverwriteCounts {
  const counts: OverwriteCounts = {};
  for (const kind of kinds) {
    // The other tab left this file as it was, or the upload leaves it as the other tab made it.
    if (before[kind] === now[kind] || after[kind] === now[kind]) continue;
    const [was, is, will] = [before[kind], now[kind], after[kind]].map((text) => fingerprints(kind, text)) as [
      Map<string, string>,
      Map<string, string>,
      Map<string, string>,
    ];
    const c: Overwrite = { removesAdded: 0, changesAdded: 0, undoes: 0, rewrites: 0, removesChanged: 0, restores: 0 };
    for (const [id, print] of is) {
      const old = was.get(id);
      if (old === print) continue; // not the other tab's doing
      const next = will.get(id);
      if (next === print) continue; // kept as the other tab left it
      if (old === undefined) {
        if (next === undefined) c.removesAdded++;
        else c.changesAdded++;
      } else if (next === undefined) c.removesChanged++;
      else if (next === old) c.undoes++;
      else c.rewrites++;
    }
    for (const id of was.keys()) if (!is.has(id) && will.has(id)) c.restores++;
    if (Object.values(c).some((n) => n > 0)) counts[kind] = c;
  }
  return counts;
}
