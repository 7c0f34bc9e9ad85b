import { csvRecords, sniffDialect } from '../data/csv-parse';
import { normaliseColumnName } from '../data/csv-table';
import type { Problem } from '../data/problems';

/**
 * Names the cell where a quote left open was opened, for the problems that say a quote ran lines
 * together: that line read alone ends in the cell the quote opened. The reader names the last cell
 * of the run-on record, another column when the quote closes further down before other cells (a
 * later row's quoted value). In the upload's check only: this runs in the worker, off the page's
 * initial JavaScript, where the published data (checked before it was published) does not need it.
 */
export function withQuoteColumns(problems: Problem[], texts: ReadonlyMap<string, string>): Problem[] {
  return problems.map((p) => {
    const text = texts.get(p.file);
    if (!text || !p.line || !p.message.startsWith('A quoted field that starts on this line')) return p;
    const dialect = sniffDialect(text);
    const header = csvRecords(text, dialect).next().value?.cells ?? [];
    const line = text.split(/\r\n|\n|\r/)[p.line - 1] ?? '';
    const cells = csvRecords(line, dialect).next().value?.cells ?? [];
    const column = header[cells.length - 1];
    return column ? { ...p, column: normaliseColumnName(column) } : p;
  });
}
