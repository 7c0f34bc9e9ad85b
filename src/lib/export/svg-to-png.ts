/** Loaded when a PNG is first saved: the page's first JavaScript does not carry it. */
import { withPixelDensity } from './png-density';

/**
 * Renders a slide's self-contained SVG text to a PNG of exactly `width` × `height` pixels, drawn at
 * `scale` pixels per slide unit and saying so (png-density.ts): placed in a slide, it fills it.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 1): Promise<Blob> {
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
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
    return new Blob([withPixelDensity(new Uint8Array(await png.arrayBuffer()), scale)], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
