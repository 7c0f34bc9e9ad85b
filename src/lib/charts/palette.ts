import { scaleOrdinal, type ScaleOrdinal } from 'd3-scale';

/**
 * Okabe–Ito colours, which viewers with the common forms of colour blindness can tell apart.
 * Yellow is left out: it vanishes on white.
 */
export const PARTNER_COLOURS = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#6B6B6B'] as const;

/** Partner → colour, in the order given (keep that order stable so colours do not jump). */
export function partnerColours(partners: readonly string[]): ScaleOrdinal<string, string> {
  return scaleOrdinal<string, string>().domain(partners).range(PARTNER_COLOURS);
}
