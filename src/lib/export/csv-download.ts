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

/** A blank dialogues.csv: the header and one example row to copy. */
export function dialoguesTemplate(): string {
  return csvText(DIALOGUE_COLUMNS, [
    [
      'eu-2026-03-strategic-8',
      '2026-03',
      'planned',
      'European Union',
      'Strategic Dialogue',
      '8',
      'Foreign Secretary',
      'brussels',
      'counter-terrorism;migration',
      '',
      '',
      's1',
      'a short quote from the article that supports this row',
      'What the article says of the meeting, in a sentence or two.',
    ],
  ]);
}
