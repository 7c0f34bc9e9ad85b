import { format } from 'd3-format';

/**
 * A count with thousands separators, "1,000,000", as `toLocaleString('en')` writes it. d3-format
 * rather than Intl: the first Intl call in a page loads its locale data, ~16 ms on the main thread
 * (~65 ms on a phone) while the first view is drawn.
 */
export const formatCount: (n: number) => string = format(',');
