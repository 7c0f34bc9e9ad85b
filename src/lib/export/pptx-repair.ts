import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/*
 * Repairs to what pptxgenjs 4.0.1 writes, each a point where its file breaks PowerPoint's schema
 * (ECMA-376) and PowerPoint may offer to "repair" the deck. No kept library edits a .pptx's XML,
 * so these are small text passes over the parts fflate unzips.
 */

/**
 * pptxgenjs writes three <c:axId> in every bar and line chart, the third (2094734556) naming a
 * series axis that only 3-D charts get. This drops each axis reference whose axis the chart does
 * not define.
 */
export function dropDanglingAxisIds(chartXml: string): string {
  const defined = new Set(
    [...chartXml.matchAll(/<c:(?:cat|val|date|ser)Ax>\s*<c:axId val="(\d+)"\s*\/>/g)].map((m) => m[1]!),
  );
  return chartXml.replace(/(<c:(?:cat|val|date|ser)Ax>\s*)?<c:axId val="(\d+)"\s*\/>/g, (all, axis, id: string) =>
    axis || defined.has(id) ? all : '',
  );
}

/**
 * pptxgenjs writes a category axis's <c:tickLblSkip> and <c:tickMarkSkip> after its
 * <c:noMultiLvlLbl>; the schema (CT_CatAx) has them before it. This puts them there.
 */
export function orderCategoryAxis(chartXml: string): string {
  return chartXml.replace(
    /(<c:noMultiLvlLbl val="\w+"\s*\/>)(\s*)((?:<c:tick(?:Lbl|Mark)Skip val="\d+"\s*\/>\s*)+)/g,
    (_, noMulti: string, space: string, skips: string) => `${skips.trim()}${space}${noMulti}`,
  );
}

/**
 * pptxgenjs lists a slide master's content type for every slide ("slideMaster2.xml" …) though the
 * deck has one master: this drops each <Override> whose part the package does not hold.
 */
export function dropMissingOverrides(contentTypes: string, parts: ReadonlySet<string>): string {
  return contentTypes.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (all, part: string) =>
    parts.has(part) ? all : '',
  );
}

/**
 * pptxgenjs numbers a master's placeholders from 100, the title's too, and gives each a custom
 * prompt of nothing: `<p:ph idx="100" type="title" hasCustomPrompt="1"/>`, over three lines. A
 * slide's title is PowerPoint's own `<p:ph type="title"/>` (index 0, the one a title has; tools
 * that look for the title by it, python-pptx's `shapes.title`, found none), and a new slide of the
 * layout says "Click to add title" rather than nothing. This writes each title placeholder so.
 */
export function plainTitlePlaceholders(xml: string): string {
  return xml.replace(/<p:ph\b[^>]*\btype="title"[^>]*\/>/g, '<p:ph type="title"/>');
}

/** The .pptx with the repairs above, then `chart` over each chart's XML; other parts byte for byte. */
export function repairPptx(pptx: Uint8Array, chart: (xml: string) => string = (xml) => xml): Uint8Array {
  const files = unzipSync(pptx);
  const parts = new Set(Object.keys(files));
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (/^ppt\/charts\/chart\d*\.xml$/.test(name))
      out[name] = strToU8(chart(orderCategoryAxis(dropDanglingAxisIds(strFromU8(bytes)))));
    else if (/^ppt\/(?:slides\/slide|slideLayouts\/slideLayout)\d+\.xml$/.test(name))
      out[name] = strToU8(plainTitlePlaceholders(strFromU8(bytes)));
    else if (name === '[Content_Types].xml') out[name] = strToU8(dropMissingOverrides(strFromU8(bytes), parts));
    else out[name] = bytes;
  }
  return zipSync(out, { level: 6 });
}
