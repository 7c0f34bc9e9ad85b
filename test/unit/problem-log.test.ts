import { describe, expect, it } from 'vitest';
import { ProblemLog, type Problem } from '../../src/lib/data/problems';

const at = (line: number, severity: Problem['severity']): Problem => ({
  file: 'big.csv',
  line,
  column: 'date',
  value: 'x',
  message: 'm',
  severity,
});

describe('ProblemLog', () => {
  it('lists every error before warnings once full, in the file’s order, and counts them all', () => {
    const log = new ProblemLog(10);
    // Each row a warning, every third row also an error: 30 rows, 40 problems.
    for (let line = 2; line < 32; line++) {
      log.add(at(line, 'warning'));
      if (line % 3 === 0) log.add(at(line, 'error'));
    }
    expect(log.errors).toBe(10);
    expect(log.warnings).toBe(30);
    expect(log.list).toHaveLength(10);
    // The errors, which stop Apply, are all listed: before, only those among the first lines were.
    expect(log.list.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([
      3, 6, 9, 12, 15, 18, 21, 24, 27, 30,
    ]);
    expect(log.full).toBe(true);
  });

  it('keeps the first warnings when there is room beside the errors', () => {
    const log = new ProblemLog(5);
    for (let line = 2; line < 9; line++) log.add(at(line, 'warning'));
    log.add(at(9, 'error'));
    log.add(at(10, 'error'));
    expect(log.list.map((p) => `${p.severity[0]}${p.line}`)).toEqual(['w2', 'w3', 'w4', 'e9', 'e10']);
    expect([log.errors, log.warnings]).toEqual([2, 7]);
  });
});
