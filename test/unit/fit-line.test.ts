import { describe, expect, it } from 'vitest';
import { approxTextWidth } from '../../src/lib/charts/text';
import { fitLine } from '../../src/lib/export/fit-line';

const filters =
  'Partners: Afghanistan, United States · Topics: Counter-terrorism, Intelligence sharing · Venue: Islamabad · Held meetings only · Jan 2023 – Dec 2025';

describe('fitLine', () => {
  it('keeps a line that fits whole, at the largest size that fits', () => {
    expect(fitLine('Partner: Afghanistan', 400, 13, 10)).toEqual({ size: 13, lines: ['Partner: Afghanistan'] });
  });

  it('breaks many filters between two of them, not inside one ("Held meetings" | "only")', () => {
    // The width at which the words' break fell inside "Held meetings only" on a 4:3 slide's export.
    const width = approxTextWidth(filters, 18) * 0.62;
    const { size, lines } = fitLine(filters, width, 24, 18);
    expect(size).toBe(18);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(approxTextWidth(line, 18)).toBeLessThanOrEqual(width);
    // Each line holds whole filters.
    const whole = filters.split(' · ');
    for (const line of lines) for (const part of line.replace(/ ·$/, '').split(' · ')) expect(whole).toContain(part);
    // Read on from one line to the next, they are the filters as written.
    expect(lines.join(' ')).toBe(filters);
  });

  it('breaks between words when no break between filters fits', () => {
    const one =
      'Topics: Counter-terrorism, Intelligence sharing, Border security and management, Migration and mobility';
    const width = approxTextWidth(one, 10) * 0.6;
    const { lines } = fitLine(one, width, 13, 10);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(one);
  });
});
