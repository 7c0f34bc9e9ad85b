import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * pptxgenjs 4.0.1 writes three <c:axId> in every bar and line chart, the third (2094734556)
 * naming a series axis that only 3-D charts get; PowerPoint then offers to "repair" the file.
 * This drops each axis reference whose axis the chart does not define. No kept library edits
 * chart XML, so it is a small text pass over the parts fflate unzips.
 */
export function dropDanglingAxisIds(chartXml: string): string {
  const defined = new Set(
    [...chartXml.matchAll(/<c:(?:cat|val|date|ser)Ax>\s*<c:axId val="(\d+)"\s*\/>/g)].map((m) => m[1]!),
  );
  return chartXml.replace(/(<c:(?:cat|val|date|ser)Ax>\s*)?<c:axId val="(\d+)"\s*\/>/g, (all, axis, id: string) =>
    axis || defined.has(id) ? all : '',
  );
}

/** The .pptx with every chart part passed through dropDanglingAxisIds; other parts byte for byte. */
export function repairCharts(pptx: Uint8Array): Uint8Array {
  const files = unzipSync(pptx);
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) {
    out[name] = /^ppt\/charts\/chart\d*\.xml$/.test(name) ? strToU8(dropDanglingAxisIds(strFromU8(bytes))) : bytes;
  }
  return zipSync(out, { level: 6 });
}
