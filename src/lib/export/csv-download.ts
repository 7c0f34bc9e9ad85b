import { dialogueValues } from '../data/dialogues';
import { DIALOGUE_COLUMNS, type Dialogue } from '../data/schema';
import { csvText } from '../data/csv-write';

/** The meetings as dialogues.csv, formula cells neutralised; uploading it back changes nothing. */
export function dialoguesCsv(dialogues: readonly Dialogue[]): string {
  return csvText(
    DIALOGUE_COLUMNS,
    (function* () {
      for (const d of dialogues) yield dialogueValues(d);
    })(),
  );
}
