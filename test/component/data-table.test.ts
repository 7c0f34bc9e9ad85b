import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DataTable from '../../src/components/dashboard/DataTable.svelte';

interface Row {
  id: string;
  n: number;
}
const rows: Row[] = Array.from({ length: 1500 }, (_, i) => ({ id: `r${i}`, n: i }));
// Rendered without its type argument, the table's rows are `unknown` to TypeScript.
const columns = [
  { label: 'Id', value: (r: unknown) => (r as Row).id },
  { label: 'N', value: (r: unknown) => (r as Row).n, numeric: true },
];
const key = (r: unknown) => (r as Row).id;

describe('the table view', () => {
  it('draws at most a thousand rows and says how many there are', () => {
    const { container } = render(DataTable, { props: { caption: 'Every meeting', columns, rows, key } });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(1000);
    expect(container.querySelector('caption')!.textContent).toBe('Every meeting (the first 1,000 of 1,500 rows)');
  });

  it('draws every row of a small table, with no note', () => {
    const few = rows.slice(0, 3);
    const { container } = render(DataTable, { props: { caption: 'Venues', columns, rows: few, key } });
    expect([...container.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['r0', 'r1', 'r2']);
    expect(container.querySelector('caption')!.textContent).toBe('Venues');
  });
});
