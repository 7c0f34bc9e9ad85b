import { describe, expect, it } from 'vitest';
import { cellReader, normaliseColumnName, readCsvTable } from '../../src/lib/data/csv-table';

describe('readCsvTable', () => {
  it('counts lines as the file has them (an editor, CI), across blank lines and quoted newlines', () => {
    const text = 'id,note\na,"two\nlines"\n\nb,plain\n';
    const table = readCsvTable(text, 't.csv', ['id']);
    expect(table.problems).toEqual([]);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'a'],
      [5, 'b'],
    ]);
    expect(table.rows[0]!.cells[1]).toBe('two\nlines');
  });

  it.each([
    { name: 'comma', text: 'id,name\n1,"a, b"\n', delimiter: ',' },
    { name: 'semicolon', text: 'id;name\n1;"a; b"\n', delimiter: ';' },
    { name: 'tab', text: 'id\tname\n1\ta b\n', delimiter: '\t' },
  ])('detects the $name delimiter', ({ text, delimiter }) => {
    const table = readCsvTable(text, 't.csv', ['id', 'name']);
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows).toHaveLength(1);
  });

  it('reads a BOM, CRLF line ends and header names in another case and order', () => {
    const table = readCsvTable('\uFEFFName,ID\r\nx,1\r\n', 't.csv', ['id', 'name']);
    const cell = cellReader(table);
    expect(table.header).toEqual(['name', 'id']);
    expect(cell(table.rows[0]!, 'id')).toBe('1');
    expect(cell(table.rows[0]!, 'name')).toBe('x');
  });

  it('names every missing required column in one error on line 1', () => {
    const table = readCsvTable('id,label\n1,x\n', 'topics.csv', ['id', 'label', 'theme', 'colour']);
    expect(table.rows).toEqual([]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ file: 'topics.csv', line: 1, severity: 'error' });
    expect(table.problems[0]!.message).toContain('theme, colour');
  });

  it('reports an empty file', () => {
    expect(readCsvTable('', 'x.csv', ['id']).problems[0]?.message).toMatch(/empty/);
  });

  it('normalises header names', () => {
    expect(normaliseColumnName(' Venue ID ')).toBe('venue_id');
    expect(normaliseColumnName('lead-pakistan')).toBe('lead_pakistan');
  });
});

describe('a row with too few or too many cells', () => {
  it('is told about the delimiter its file uses (a semicolon file is not told about commas)', () => {
    const semicolons = readCsvTable('id;name;country\na;A;X\nb;B\n', 't.csv', ['id']);
    expect(semicolons.problems.map((p) => p.message)).toEqual([
      'This row has 2 cells but the header has 3 columns: it ends before “country”; the row was skipped. End it with a semicolon for each empty cell, or check for a line break inside a value that is not in quotes.',
    ]);
    const commas = readCsvTable('id,name,country\na,A,X\nb,B,C,D\n', 't.csv', ['id']);
    expect(commas.problems[0]!.message).toMatch(/A comma inside a value needs the value in quotes\.$/);
  });
});
