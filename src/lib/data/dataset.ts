import { SharedValues, DialogueReader, toDialogue, type DialogueValues } from './dialogues';
import { ProblemLog, type Problem } from './problems';
import { ReferenceCheck } from './references';
import { DATA_FILES, type Dataset, type DataFileKind } from './schema';
import { parseSources, parseTopics } from './vocabulary';
import { parseVenues } from './venues';
import { ROWS_PER_STEP, runNow, type Steps } from './steps';

export type DatasetTexts = Record<DataFileKind, string>;
/** The files' text, dialogues.csv perhaps in pieces of any size (see readTextPieces). */
export type DatasetSource = Omit<DatasetTexts, 'dialogues'> & { dialogues: string | readonly string[] };

/** All four files → one dataset and every problem found, including references between files. */
export const buildDataset = (texts: DatasetSource): BuiltDataset => runNow(datasetSteps(texts));

/** Rows read per step: reading makes the meeting objects, the costliest work per row. */
const ROWS_PER_PARSE_STEP = 1024;

export interface BuiltDataset {
  dataset: Dataset;
  /** The first problems found (up to PROBLEM_LIMIT); `errors` and `warnings` count them all. */
  problems: Problem[];
  errors: number;
  warnings: number;
}

/** `buildDataset` in steps (see steps.ts): the meetings are read a few thousand rows a step. */
export function* datasetSteps(texts: DatasetSource, onProgress?: (fraction: number) => void): Steps<BuiltDataset> {
  const reader = new DialogueReader(texts.dialogues);
  const rows: Dataset['dialogues'] = [];
  const shared = new SharedValues();
  const onRow = (line: number, v: DialogueValues) => rows.push(toDialogue(v, line, shared));
  while (reader.read(ROWS_PER_PARSE_STEP, onRow)) {
    onProgress?.(reader.progress);
    yield;
  }
  const venues = parseVenues(texts.venues);
  const topics = parseTopics(texts.topics);
  const sources = parseSources(texts.sources);
  const dataset: Dataset = { dialogues: rows, venues: venues.rows, topics: topics.rows, sources: sources.rows };
  yield;
  const log = new ProblemLog();
  for (const list of [reader.problems, venues.problems, topics.problems, sources.problems]) log.addAll(list);
  yield* referenceSteps(dataset, log);
  return { dataset, problems: log.list, errors: log.errors, warnings: log.warnings };
}

/** Unknown venue, topic and source ids in the meetings (see ReferenceCheck). */
function* referenceSteps(dataset: Dataset, log: ProblemLog): Steps<void> {
  const check = new ReferenceCheck(
    dataset.venues.map((v) => v.id),
    dataset.topics.map((t) => t.id),
    dataset.sources.map((s) => s.id),
  );
  const file = DATA_FILES.dialogues;
  for (let i = 0; i < dataset.dialogues.length; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const d = dataset.dialogues[i]!;
    check.check(file, d.line, d.venueId ?? '', d.topics, d.sourceId, log);
  }
}
