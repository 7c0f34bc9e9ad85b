import { scaleOrdinal, type ScaleOrdinal } from 'd3-scale';

/**
 * Okabe–Ito colours, which viewers with the common forms of colour blindness can tell apart (yellow
 * left out: it vanishes on white), then Paul Tol's indigo and sand and a dark brown, chosen as the
 * three furthest from them and from each other seen with each common colour blindness: with only
 * six, a seventh partner on took the grey, and nine partners' legend showed three greys. Each keeps
 * 3:1 on the page by its edge (mark-edge.ts). The last, grey, is for "other partners".
 */
export const PARTNER_COLOURS = [
  '#E69F00',
  '#0072B2',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#332288',
  '#DDCC77',
  '#661100',
  '#6B6B6B',
] as const;

/** The colour partners share once there are more of them than colours. */
export const OTHER_PARTNERS_COLOUR: string = PARTNER_COLOURS[PARTNER_COLOURS.length - 1]!;

/**
 * Partner → colour, in the order given (keep that order stable so colours do not jump). With more
 * partners than colours, the first nine keep theirs and the rest share the grey: cycling the
 * colours instead would give two partners one colour and say nothing of it.
 */
export function partnerColours(partners: readonly string[]): ScaleOrdinal<string, string, string> {
  const coloured = partners.length > PARTNER_COLOURS.length ? partners.slice(0, PARTNER_COLOURS.length - 1) : partners;
  return scaleOrdinal<string, string, string>().domain(coloured).range(PARTNER_COLOURS).unknown(OTHER_PARTNERS_COLOUR);
}
