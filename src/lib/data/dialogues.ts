import type { LineLayout } from './csv-parse';
import { DialogueReader } from './dialogue-reader';
import { SharedValues, toDialogue } from './dialogue-values';
import type { Problem } from './problems';
import { DATA_FILES, type Dialogue } from './schema';

/**
 * dialogues.csv: read and checked row by row (dialogue-reader.ts), rows made into meetings and
 * back (dialogue-values.ts), topic lists tidied (topic-list.ts); and the whole file at once here.
 */
export {
  DialogueReader,
  IdLines,
  isStatus,
  REQUIRED_DIALOGUE_COLUMNS,
  type DialogueValues,
  type IdRegister,
} from './dialogue-reader';
export { dialogueValues, SharedValues, toDialogue } from './dialogue-values';
export { normaliseList, splitList } from './topic-list';

export interface Parsed<T> {
  rows: T[];
  problems: Problem[];
  /** The delimiter the file used. */
  delimiter: string;
  /** Data rows in the file (not blank), those left out with an error included. */
  records?: number;
  /**
   * Ids whose record names them but was left out for an error, with where it is: for GeoJSON, the
   * feature's number (see Problem.feature). The diff says a removal is only this.
   */
  leftOut?: ReadonlyMap<string, number>;
  /** A keyed table's line for each id it reads (the diff names an added or changed row's line). */
  lineOf?: ReadonlyMap<string, number>;
  /**
   * The file as a whole could not be read (not JSON, not a FeatureCollection, a header without
   * the required columns): no row of it is, so an upload of it compares nothing.
   */
  unreadable?: boolean;
  /** A CSV's lines where they part from a spreadsheet's rows (see LineLayout). */
  layout?: LineLayout;
}


/** dialogues.csv → meetings, all at once. */
export function parseDialogues(text: string, file: string = DATA_FILES.dialogues): Parsed<Dialogue> {
  const reader = new DialogueReader(text, file);
  const rows: Dialogue[] = [];
  const shared = new SharedValues();
  while (reader.read(Infinity, (line, v) => rows.push(toDialogue(v, line, shared))));
  return { rows, problems: reader.problems, delimiter: reader.delimiter };
}

