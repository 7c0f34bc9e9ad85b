import { describe, expect, it } from 'vitest';
import { withPixelDensity } from '../../src/lib/export/png-density';

/** A PNG's chunks, in order: type, data, and the CRC as written. */
function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array; crc: number }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, data: png.subarray(at + 8, at + 8 + length), crc: view.getUint32(at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

/** A 1 × 1 PNG as a canvas writes it: signature, IHDR, IDAT, IEND (no pHYs). */
const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('withPixelDensity', () => {
  it('says a 1× slide picture is 144 per inch, so 1920 px fills a 13.33 in slide; the rest is unchanged', () => {
    const png = withPixelDensity(ONE_PIXEL, 1);
    expect(chunks(png).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const phys = chunks(png)[1]!;
    const view = new DataView(phys.data.buffer, phys.data.byteOffset, 9);
    expect([view.getUint32(0), view.getUint32(4), view.getUint8(8)]).toEqual([5669, 5669, 1]);
    expect((1920 / 5669) * 39.37).toBeCloseTo(13.33, 2); // inches
    // The CRC, as Python's zlib.crc32 gives it for these bytes: a reader that checks it keeps the chunk.
    expect(phys.crc).toBe(0x495224f0);
    expect(png.length).toBe(ONE_PIXEL.length + 21);
    expect(png.subarray(0, 33)).toEqual(ONE_PIXEL.subarray(0, 33));
    expect(png.subarray(54)).toEqual(ONE_PIXEL.subarray(33));
  });

  it('says a 2× picture is twice as dense, so it is placed the same size', () => {
    const phys = chunks(withPixelDensity(ONE_PIXEL, 2))[1]!;
    expect(new DataView(phys.data.buffer, phys.data.byteOffset, 9).getUint32(0)).toBe(11339);
    expect(phys.crc).toBe(0xa53d96a9);
  });
});
