import { DialogueReader, parseDialogues, toDialogue } from './dialogues';
import type { Problem } from './problems';
import { DATA_FILES, type Dataset, type DataFileKind } from './schema';
import { parseSources, parseTopics } from './vocabulary';
import { parseVenues } from './venues';

export type DatasetTexts = Record<DataFileKind, string>;

/** All four files → one dataset and every problem found, including references between files. */
export function buildDataset(texts: DatasetTexts): { dataset: Dataset; problems: Problem[] } {
  const dialogues = parseDialogues(texts.dialogues);
  const venues = parseVenues(texts.venues);
  const topics = parseTopics(texts.topics);
  const sources = parseSources(texts.sources);
  const dataset: Dataset = { dialogues: dialogues.rows, venues: venues.rows, topics: topics.rows, sources: sources.rows };
  return {
    dataset,
    problems: [...dialogues.problems, ...venues.problems, ...topics.problems, ...sources.problems, ...checkReferences(dataset)],
  };
}

/**
 * Ids in dialogues.csv that no other file defines. These are warnings: the meeting still
 * loads (an unknown venue is left off the map, an unknown topic shows under its id).
 */
export function checkReferences(dataset: Dataset): Problem[] {
  const venues = new Set(dataset.venues.map((v) => v.id));
  const topics = new Set(dataset.topics.map((t) => t.id));
  const sources = new Set(dataset.sources.map((s) => s.id));
  const file = DATA_FILES.dialogues;
  const problems: Problem[] = [];
  for (const d of dataset.dialogues) {
    if (d.venueId !== null && !venues.has(d.venueId)) {
      problems.push({ file, line: d.line, column: 'venue_id', value: d.venueId, message: `Unknown venue “${d.venueId}”: no feature in ${DATA_FILES.venues} has this id. The meeting is not shown on the map.`, severity: 'warning' });
    }
    for (const t of d.topics) {
      if (!topics.has(t)) {
        problems.push({ file, line: d.line, column: 'topics', value: t, message: `Unknown topic “${t}”: ${DATA_FILES.topics} does not define it. It is shown under its id.`, severity: 'warning' });
      }
    }
    if (d.sourceId !== '' && !sources.has(d.sourceId)) {
      problems.push({ file, line: d.line, column: 'source_id', value: d.sourceId, message: `Unknown source “${d.sourceId}”: ${DATA_FILES.sources} does not list it.`, severity: 'warning' });
    } else if (d.sourceId === '') {
      problems.push({ file, line: d.line, column: 'source_id', value: '', message: 'No source: every row should cite the article it comes from.', severity: 'warning' });
    }
  }
  return problems;
}

/**
 * Like buildDataset, but reads the meetings in slices and waits on `pause` between them, so a
 * large file never holds the page for long (each slice is a few milliseconds of work).
 */
export async function buildDatasetInSlices(
  texts: DatasetTexts,
  pause: () => Promise<void>,
  rowsPerSlice = 5000,
): Promise<{ dataset: Dataset; problems: Problem[] }> {
  const reader = new DialogueReader(texts.dialogues);
  const rows: Dataset['dialogues'] = [];
  while (reader.read(rowsPerSlice, (line, v) => rows.push(toDialogue(v, line)))) await pause();
  const venues = parseVenues(texts.venues);
  const topics = parseTopics(texts.topics);
  const sources = parseSources(texts.sources);
  const dataset: Dataset = { dialogues: rows, venues: venues.rows, topics: topics.rows, sources: sources.rows };
  await pause();
  return {
    dataset,
    problems: [...reader.problems, ...venues.problems, ...topics.problems, ...sources.problems, ...checkReferences(dataset)],
  };
}
