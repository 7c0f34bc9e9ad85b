import { describe, expect, it } from 'vitest';
import { OTHER_PARTNERS_COLOUR, PARTNER_COLOURS, partnerColours } from '../../src/lib/charts/palette';
import { partnerLegend } from '../../src/lib/export/partner-legend';

const names = (n: number) => Array.from({ length: n }, (_, i) => `Partner ${String.fromCharCode(65 + i)}`);

describe('partner colours', () => {
  it('gives each of up to seven partners a colour of its own, in the order given', () => {
    const colour = partnerColours(names(7));
    expect(names(7).map(colour)).toEqual([...PARTNER_COLOURS]);
    expect(partnerColours(['Afghanistan', 'European Union', 'United States'])('United States')).toBe('#009E73');
  });

  it('with more partners than colours, never gives two of them one colour unsaid: six keep theirs, the rest share the grey', () => {
    const partners = names(10);
    const colour = partnerColours(partners);
    const own = partners.slice(0, 6).map(colour);
    expect(new Set(own).size).toBe(6);
    expect(own).not.toContain(OTHER_PARTNERS_COLOUR);
    expect(partners.slice(6).map(colour)).toEqual(Array(4).fill(OTHER_PARTNERS_COLOUR));
    // Asking about a partner the data lacks does not give it a colour (or shift the others').
    expect(colour('Someone new')).toBe(OTHER_PARTNERS_COLOUR);
    expect(partners.map(colour)).toEqual([...own, ...Array(4).fill(OTHER_PARTNERS_COLOUR)]);
  });

  it('a legend names the partners with colours of their own, and the grey ones as one entry when there are several', () => {
    const partners = names(10);
    const colour = partnerColours(partners);
    expect(partnerLegend(partners, colour).map((e) => e.label)).toEqual([...partners.slice(0, 6), '4 other partners']);
    expect(partnerLegend(['Partner A', 'Partner H'], colour)).toEqual([
      { label: 'Partner A', colour: PARTNER_COLOURS[0] },
      { label: 'Partner H', colour: OTHER_PARTNERS_COLOUR },
    ]);
    expect(partnerLegend(names(7), partnerColours(names(7))).map((e) => e.label)).toEqual(names(7));
  });
});
