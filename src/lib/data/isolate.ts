/**
 * A value from the data set apart from the text around it (Unicode FSI … PDI), where the two must
 * be one string (SVG text, a slide's text, a line of one text node): an Urdu or Arabic name then
 * takes no neighbouring digit, colon or bracket into its own direction, nor its neighbours' order.
 * In HTML markup, <bdi> does the same.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
