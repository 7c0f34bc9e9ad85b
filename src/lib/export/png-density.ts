import { buf as crc32 } from 'crc-32';

/** Where a PNG's first chunk (IHDR) ends: the 8-byte signature, then length, type, 13 bytes, CRC. */
const AFTER_IHDR = 8 + 4 + 4 + 13 + 4;
/**
 * A slide picture's pixels per inch at 1×: 1920 × 1080 (slide.ts) at 144 per inch is 13.33 × 7.5 in,
 * PowerPoint's 16:9 slide, and 1440 × 1080 is 10 × 7.5 in, its 4:3 slide. A PNG states its density
 * in pixels per metre.
 */
const SLIDE_DPI = 144;
const INCH = 0.0254;

/**
 * The PNG with a pHYs chunk (PNG spec §11.3.5.3) stating `scale` × 144 pixels per inch, placed after
 * IHDR (the canvas writes none). PowerPoint, Word, Keynote and Preview size an inserted picture by
 * it: a slide export, 1× or 2×, lands the size of the slide (at 96 per inch, assumed without it, it
 * was 1.5 or 3 times as large). The chunk is written by hand because no kept library writes one
 * PNG chunk; its CRC comes from crc-32 (SheetJS).
 */
export function withPixelDensity(png: Uint8Array, scale: number): Uint8Array<ArrayBuffer> {
  const perMetre = Math.round((SLIDE_DPI * scale) / INCH);
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: the metre
  view.setInt32(17, crc32(chunk.subarray(4, 17)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, AFTER_IHDR));
  out.set(chunk, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + chunk.length);
  return out;
}
