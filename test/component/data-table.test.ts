import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DataTable from '../../src/components/DataTable.svelte';

const rows = Array.from({ length: 1500 }, (_, i) => ({ id: `r${i}`, n: i }));
const columns = [
  { label: 'Id', value: (r: { id: string }) => r.id },
  { label: 'N', value: (r: { n: number }) => r.n, numeric: true },
];

describe('the table view', () => {
  it('draws at most a thousand rows and says how many there are', () => {
    const { container } = render(DataTable, { props: { caption: 'Every meeting', columns, rows, key: (r) => r.id } });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(1000);
    expect(container.querySelector('caption')!.textContent).toBe('Every meeting (the first 1,000 of 1,500 rows)');
  });

  it('draws every row of a small table, with no note', () => {
    const few = rows.slice(0, 3);
    const { container } = render(DataTable, { props: { caption: 'Venues', columns, rows: few, key: (r) => r.id } });
    expect([...container.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['r0', 'r1', 'r2']);
    expect(container.querySelector('caption')!.textContent).toBe('Venues');
  });
});
