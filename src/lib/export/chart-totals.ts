/*
 * The deck's topic chart writes each bar's total at its end, as the page does. pptxgenjs 4.0.1 writes
 * one data-label setting for every series of a chart, so writeDeck (deck.ts) adds the totals as a
 * last, unfilled series stacked after the partners, labelled at its base (where the bar ends), and
 * this pass over the chart's XML keeps the labels to that series and its entry out of the legend.
 */

/**
 * In a stacked bar chart whose last series holds the totals: no value labels on the other series
 * (one number per bar, not one per partner), the totals' legend entry deleted, and labels shown
 * where a bar runs past the value axis's end (the unfilled totals do, by design).
 *
 * Which series a `<c:legendEntry>` names differs by reader: LibreOffice counts a horizontal bar
 * chart's entries from the last series (as it reads and writes Office's files), where the series'
 * own `<c:idx>` counts from the first. The totals series is given `<c:idx val="0"/>` (the others
 * move up one; the stacking follows `<c:order>`, unchanged), so entry 0 is the totals either way.
 */
export function labelTotalsOnly(chartXml: string): string {
  const count = chartXml.match(/<c:ser>/g)?.length ?? 0;
  if (count < 2) return chartXml;
  let i = 0;
  return chartXml
    .replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
      const totals = i === count - 1;
      const idx = totals ? 0 : i + 1;
      i += 1;
      const renumbered = ser.replace(/<c:idx val="\d+"\/>/, `<c:idx val="${idx}"/>`);
      // The totals' bars: no outline either (pptxgenjs writes only the fill's absence).
      if (totals) return renumbered.replace(/<c:spPr>\s*<a:noFill\/>/, '$&<a:ln><a:noFill/></a:ln>');
      return renumbered.replace('<c:showVal val="1"/>', '<c:showVal val="0"/>');
    })
    .replace(/(<\/c:ser>\s*<c:dLbls>[\s\S]*?<c:showVal val=")1("\/>)/, '$10$2')
    .replace(/(<c:legendPos val="\w+"\/>)/, '$1<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>')
    .replace(/(<c:dispBlanksAs val="\w+"\/>)(?!\s*<c:showDLblsOverMax)/, '$1<c:showDLblsOverMax val="1"/>');
}

/**
 * Each series filled with a colour `edges` holds (`RRGGBB` → `RRGGBB`) outlined in its edge, 0.75 pt
 * (charts/mark-edge.ts: its bars' shape at 3:1 on the slide): pptxgenjs writes one outline for all.
 */
export function outlineSeries(chartXml: string, edges: ReadonlyMap<string, string>): string {
  return chartXml.replace(
    /(<c:ser>(?:(?!<\/c:ser>)[\s\S])*?<c:spPr>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"\/><\/a:solidFill>)(?!\s*<a:ln)/g,
    (all, head: string, fill: string) => {
      const edge = edges.get(fill);
      return edge ? `${head}<a:ln w="9525"><a:solidFill><a:srgbClr val="${edge}"/></a:solidFill></a:ln>` : all;
    },
  );
}
