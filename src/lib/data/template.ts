import type { DialogueValues } from './dialogue-reader';

/**
 * The example row of the earlier Template (a dialogues.csv alone), in DIALOGUE_COLUMNS order: a
 * made-up meeting. Today's Template (export/templates.ts) copies a published meeting instead, but
 * files begun from the earlier one are still about, so the reader still checks for it: an analyst
 * who left the example in the file would otherwise publish a meeting that never was.
 */
export const TEMPLATE_ROW: Readonly<DialogueValues> = [
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
];

const [ID, , , , , , , , , , , , EVIDENCE, SUMMARY] = TEMPLATE_ROW as [string, ...string[]];

/**
 * Whether a row (its values in DIALOGUE_COLUMNS order) is still the Template's example: an error
 * at its evidence or summary when either is still the placeholder text (no meeting's evidence
 * reads so), a warning at its id when only the id is the example's (it may have been rewritten
 * into a real meeting, and a real 8th Strategic Dialogue could have that id); else null.
 */
export function templateExample(
  v: Readonly<DialogueValues>,
): { column: 'id' | 'evidence' | 'summary'; value: string; message: string; severity: 'error' | 'warning' } | null {
  const placeholder = v[12] === EVIDENCE ? 'evidence' : v[13] === SUMMARY ? 'summary' : null;
  if (placeholder) {
    const value = placeholder === 'evidence' ? EVIDENCE! : SUMMARY!;
    return {
      column: placeholder,
      value,
      message: `This row is the Template’s example, not a meeting: its ${placeholder} is still the placeholder “${value}”. Replace the row with a real meeting, or delete it.`,
      severity: 'error',
    };
  }
  if (v[0] !== ID) return null;
  return {
    column: 'id',
    value: ID!,
    message: `“${ID}” is the id of the Template’s example row: if this row is still that example, replace it with a real meeting or delete it.`,
    severity: 'warning',
  };
}
