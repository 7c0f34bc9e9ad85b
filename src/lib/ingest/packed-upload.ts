import type { DialoguePacker } from '../data/packed';
import { withViews, type PackedDataset } from '../data/packed';
import { ProblemLog, type Problem } from '../data/problems';
import { DATA_FILES } from '../data/schema';
import type { Vocabulary } from './vocabulary';

/** The meetings Apply would show, with the problems `packDataset` would find in their file. */
export interface PackedRows {
  packer: DialoguePacker;
  /** The dialogues file's own problems (header, rows). */
  problems: readonly Problem[];
  /** The reference check's problems. */
  refs: ProblemLog;
  /** The upload's name, which its problems carry: once applied, the file is dialogues.csv. */
  renameFrom?: string;
  /** The packer is this upload's own (not the index of the data shown): its columns are handed over, not copied. */
  own?: boolean;
}

/** The packed dataset, its problems in the order `packDataset` lists them. */
export function packedOf(rows: PackedRows, vocab: Vocabulary): PackedDataset {
  const from = rows.renameFrom;
  const renamed = (p: Problem) => (from !== undefined && p.file === from ? { ...p, file: DATA_FILES.dialogues } : p);
  const log = new ProblemLog();
  log.addAll(rows.problems.map(renamed));
  for (const list of [vocab.venues.problems, vocab.topics.problems, vocab.sources.problems]) log.addAll(list);
  const refs = new ProblemLog();
  refs.addAll(rows.refs.list.map(renamed));
  refs.errors = rows.refs.errors;
  refs.warnings = rows.refs.warnings;
  log.absorb(refs);
  return withViews({
    dialogues: rows.packer.finish(rows.own),
    venues: vocab.venues.rows,
    topics: vocab.topics.rows,
    sources: vocab.sources.rows,
    problems: log.list,
    errors: log.errors,
    warnings: log.warnings,
  });
}
