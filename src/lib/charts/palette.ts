import { scaleOrdinal, type ScaleOrdinal } from 'd3-scale';

/**
 * Okabe–Ito colours, which viewers with the common forms of colour blindness can tell apart.
 * Yellow is left out: it vanishes on white. The last, grey, is for "other partners".
 */
export const PARTNER_COLOURS = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#6B6B6B'] as const;

/** The colour partners share once there are more of them than colours. */
export const OTHER_PARTNERS_COLOUR: string = PARTNER_COLOURS[PARTNER_COLOURS.length - 1]!;

/**
 * Partner → colour, in the order given (keep that order stable so colours do not jump). With more
 * partners than colours, the first six keep theirs and the rest share the grey: cycling the
 * colours instead would give two partners one colour and say nothing of it.
 */
export function partnerColours(partners: readonly string[]): ScaleOrdinal<string, string, string> {
  const coloured = partners.length > PARTNER_COLOURS.length ? partners.slice(0, PARTNER_COLOURS.length - 1) : partners;
  return scaleOrdinal<string, string, string>().domain(coloured).range(PARTNER_COLOURS).unknown(OTHER_PARTNERS_COLOUR);
}
