import { NO_FILTERS, type Filters } from '../data/filters';

/** Saves a blob under a file name, through the browser's download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Renders self-contained SVG text to a PNG of exactly `width` × `height` pixels. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the PNG.');
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The filters in a file name (`united-states-held-from-2024-01`), so that exports of one view in
 * different filters do not overwrite or pile up as "(1)", "(2)" in Downloads. Cut at a word
 * after 60 characters; empty with no filters.
 */
export function filterSlug(filters: Filters): string {
  const parts = [
    ...filters.partners,
    ...filters.topics,
    ...filters.venues,
    filters.status === 'all' ? '' : filters.status,
    filters.from ? `from ${filters.from}` : '',
    filters.to ? `to ${filters.to}` : '',
  ];
  const slug = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}

/** `dialogue-atlas-topics-16x9.svg`; filtered, `dialogue-atlas-topics-united-states-16x9.svg`. */
export const exportName = (view: string, ratio: string, ext: string, filters: Filters = NO_FILTERS): string =>
  ['dialogue-atlas', view, filterSlug(filters), ratio.replace(':', 'x')].filter(Boolean).join('-') + `.${ext}`;
