/**
 * A value from the data set apart from the text around it (Unicode FSI … PDI), where the two must
 * be one string (SVG text, a slide's text, a line of one text node): an Urdu or Arabic name then
 * takes no neighbouring digit, colon or bracket into its own direction, nor its neighbours' order.
 * In HTML markup, <bdi> does the same. Only a value with right-to-left letters (Hebrew, Arabic,
 * Syriac, Thaana, N'Ko and their presentation forms) is wrapped: in the app's left-to-right words a
 * Latin or Chinese name already keeps its place, and text copied, searched or compared (titles,
 * alt text, an embed's title) keeps no invisible characters it does not need.
 */
export const isolate = (text: string): string =>
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/.test(text) ? `\u2068${text}\u2069` : text;
