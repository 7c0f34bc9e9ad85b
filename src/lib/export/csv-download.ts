import { dialogueValues } from '../data/dialogues';
import { DIALOGUE_COLUMNS, type Dialogue } from '../data/schema';
import { csvText, UTF8_BOM } from '../data/csv-write';
import { TEMPLATE_ROW } from '../data/template';

/** The meetings as dialogues.csv, formula cells neutralised; uploading it back changes nothing. */
export function dialoguesCsv(dialogues: readonly Dialogue[]): string {
  return csvText(
    DIALOGUE_COLUMNS,
    (function* () {
      for (const d of dialogues) yield dialogueValues(d);
    })(),
  );
}

/** A blank dialogues.csv, as downloaded (with a BOM): the header and one example row to copy (an upload that keeps it is told so). */
export function dialoguesTemplate(): string {
  return UTF8_BOM + csvText(DIALOGUE_COLUMNS, [TEMPLATE_ROW]);
}
