// Decodes a photo file to RGBA at the working resolution. The full-size bitmap lives only
// inside this function (one per worker at a time), so memory is bounded by the pool size.
import type { RgbaImage } from '../core/types.ts';
import { workingSize } from '../core/image.ts';

export interface DecodedPhoto {
  rgba: RgbaImage;
  sourceWidth: number;
  sourceHeight: number;
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

export async function decodeToWorking(file: Blob, maxSide: number): Promise<DecodedPhoto> {
  if (file.size === 0) throw new DecodeError('The file is empty (0 bytes).');
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new DecodeError('The browser could not decode this file as an image.');
  }
  const sourceWidth = full.width;
  const sourceHeight = full.height;
  try {
    const size = workingSize(sourceWidth, sourceHeight, maxSide);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new DecodeError('No 2D canvas is available in this browser worker.');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(full, 0, 0, size.width, size.height);
    const { data } = ctx.getImageData(0, 0, size.width, size.height);
    return { rgba: { width: size.width, height: size.height, data }, sourceWidth, sourceHeight };
  } finally {
    full.close();
  }
}
