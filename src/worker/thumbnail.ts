import type { RgbaImage } from '../core/types.ts';

/** A small JPEG for the review grid, made here so the page never decodes full photos. */
export async function makeThumbnail(rgba: RgbaImage, longSide: number): Promise<Blob> {
  const scale = Math.min(1, longSide / Math.max(rgba.width, rgba.height));
  const width = Math.max(1, Math.round(rgba.width * scale));
  const height = Math.max(1, Math.round(rgba.height * scale));
  const source = new OffscreenCanvas(rgba.width, rgba.height);
  source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height), 0, 0);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}
