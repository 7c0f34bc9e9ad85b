import { formatCount } from '../data/format-count';

/** The one legend entry for the partners sharing the grey: "4 other partners", "1,204 other partners". */
export const otherPartners = (n: number): string => `${formatCount(n)} other partners`;

/**
 * The colour several of `partners` share, if any: with more partners than colours the palette
 * gives the rest one grey (charts/palette.ts). Found from the colours, not imported, so that
 * exports do not pull the palette's d3-scale out of the page's first chunk.
 */
export function sharedColour(partners: readonly string[], colour: (partner: string) => string): string | null {
  const seen = new Set<string>();
  for (const p of partners) {
    const c = colour(p);
    if (seen.has(c)) return c;
    seen.add(c);
  }
  return null;
}

/**
 * Legend entries for `partners` (those a chart draws): each partner with a colour of its own by
 * name, and those sharing the grey as one entry ("4 other partners").
 */
export function partnerLegend(
  partners: readonly string[],
  colour: (partner: string) => string,
): { label: string; colour: string }[] {
  const shared = sharedColour(partners, colour);
  const entries = partners.filter((p) => colour(p) !== shared).map((p) => ({ label: p, colour: colour(p) }));
  if (shared !== null) {
    const n = partners.filter((p) => colour(p) === shared).length;
    entries.push({ label: otherPartners(n), colour: shared });
  }
  return entries;
}
