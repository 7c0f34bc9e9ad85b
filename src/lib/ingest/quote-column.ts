import { csvRecords, sniffDialect, type CsvDialect } from '../data/csv-parse';
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
  // Each file's dialect, header and lines, once however many quotes it leaves open.
  const files = new Map<string, { dialect: CsvDialect; header: string[]; lines: string[] }>();
  return problems.map((p) => {
    const text = texts.get(p.file);
    if (!text || !p.line || !p.message.startsWith('A quoted field that starts on this line')) return p;
    let file = files.get(p.file);
    if (!file) {
      const dialect = sniffDialect(text);
      const header = csvRecords(text, dialect).next().value?.cells ?? [];
      files.set(p.file, (file = { dialect, header, lines: text.split(/\r\n|\n|\r/) }));
    }
    const cells = csvRecords(file.lines[p.line - 1] ?? '', file.dialect).next().value?.cells ?? [];
    const column = file.header[cells.length - 1];
    return column ? { ...p, column: normaliseColumnName(column) } : p;
  });
}
