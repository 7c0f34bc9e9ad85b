import { describe, expect, it } from 'vitest';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { csvText, UTF8_BOM } from '../../src/lib/data/csv-write';
import { DIALOGUE_COLUMNS } from '../../src/lib/data/schema';
import { TEMPLATE_ROW } from '../../src/lib/data/template';
import { ingest } from '../../src/lib/ingest/ingest';
import { validateFiles } from '../../src/lib/ingest/validate';
import { bundledTexts } from '../fixtures/read';

const EVIDENCE = 'a short quote from the article that supports this row';
const SUMMARY = 'What the article says of the meeting, in a sentence or two.';

/** dialogues.csv as the earlier Template gave it: the header and a made-up example row. */
const dialoguesTemplate = () => UTF8_BOM + csvText(DIALOGUE_COLUMNS, [TEMPLATE_ROW]);

describe('the earlier Template’s made-up example row, uploaded', () => {
  it('is an error at its placeholder evidence, in the upload’s check and in the validator: it is not a meeting', () => {
    const text = dialoguesTemplate();
    const expected = {
      file: 'dialogues-template.csv',
      line: 2,
      column: 'evidence',
      value: EVIDENCE,
      message: `This row is the Template’s example, not a meeting: its evidence is still the placeholder “${EVIDENCE}”. Replace the row with a real meeting, or delete it.`,
      severity: 'error',
    };
    const upload = ingest([{ name: 'dialogues-template.csv', text }], bundledTexts(), 'merge');
    expect(upload.problems).toContainEqual(expected);
    // Merged, nothing is added: the made-up 8th Strategic Dialogue is not among the rows to apply.
    expect(upload.diff.added).toBe(0);
    expect(upload.diff.rows.some((r) => r.id === 'eu-2026-03-strategic-8' && r.change === 'added')).toBe(false);
    expect(validateFiles([{ name: 'dialogues-template.csv', text }], bundledTexts()).problems).toContainEqual(expected);
  });

  it('is an error at its summary when only the evidence was filled in', () => {
    const text = dialoguesTemplate().replace(EVIDENCE, 'the eighth round of the Strategic Dialogue');
    const { rows, problems } = parseDialogues(text);
    expect(rows).toEqual([]);
    expect(problems).toMatchObject([{ line: 2, column: 'summary', value: SUMMARY, severity: 'error' }]);
    expect(problems[0]!.message).toMatch(/^This row is the Template’s example, not a meeting: its summary is still/);
  });

  it('is a warning at its id when the text is a real meeting’s: the row loads', () => {
    const text = dialoguesTemplate()
      .replace(EVIDENCE, 'the eighth round of the Strategic Dialogue')
      .replace(SUMMARY, 'The eighth round, planned for Brussels.');
    const { rows, problems } = parseDialogues(text);
    expect(rows.map((r) => r.id)).toEqual(['eu-2026-03-strategic-8']);
    expect(problems).toEqual([
      {
        file: 'dialogues.csv',
        line: 2,
        column: 'id',
        value: 'eu-2026-03-strategic-8',
        message:
          '“eu-2026-03-strategic-8” is the id of the Template’s example row: if this row is still that example, replace it with a real meeting or delete it.',
        severity: 'warning',
      },
    ]);
  });
});
