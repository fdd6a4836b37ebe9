// Decodes a photo file to RGBA at the working resolution. The header is read first so the
// browser can decode and shrink in one step (no full-size bitmap when it can avoid it) and
// so absurd sizes are refused before any pixel is allocated.
import type { RgbaImage } from '../core/types.ts';
import { workingSize } from '../core/image.ts';
import { displaySize, readImageHeader, type ImageHeader } from './image-header.ts';

export interface DecodedPhoto {
  rgba: RgbaImage;
  sourceWidth: number;
  sourceHeight: number;
  header: ImageHeader;
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Beyond this many pixels a decode could exhaust a phone's memory (a 16-bit 200 MP image is 1.6 GB). */
export const MAX_SOURCE_PIXELS = 250e6;
const HEADER_BYTES = 256 * 1024;

export function unsupportedReason(header: ImageHeader): string | null {
  switch (header.format) {
    case 'heic':
      return 'HEIC photos cannot be decoded by this browser. Export them as JPEG (on iPhone: Settings > Camera > Formats > Most Compatible) and try again.';
    case 'svg':
      return 'This is an SVG drawing, not a photo; it has no camera blur to check.';
    case 'unknown':
      return 'This file is not a photo format the browser can read (JPEG, PNG, WebP, GIF, AVIF).';
    default:
      return null;
  }
}

async function bitmapAtWorkingSize(file: Blob, header: ImageHeader, maxSide: number): Promise<ImageBitmap> {
  const size = displaySize(header);
  if (size) {
    const target = workingSize(size.width, size.height, maxSide);
    const shrink = target.width < size.width;
    return createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(shrink ? { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'medium' as const } : {}),
    });
  }
  return createImageBitmap(file, { imageOrientation: 'from-image' });
}

export async function decodeToWorking(file: Blob, maxSide: number): Promise<DecodedPhoto> {
  if (file.size === 0) throw new DecodeError('The file is empty (0 bytes).');
  const header = readImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  const refusal = unsupportedReason(header);
  if (refusal) throw new DecodeError(refusal);
  const shown = displaySize(header);
  if (shown && shown.width * shown.height > MAX_SOURCE_PIXELS) {
    throw new DecodeError(`The image is too large to decode safely (${shown.width}x${shown.height}).`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await bitmapAtWorkingSize(file, header, maxSide);
  } catch {
    throw new DecodeError('The browser could not decode this file: it may be truncated or corrupt.');
  }
  try {
    // Sizes from the header may disagree with the decoder's (e.g. orientation); trust the bitmap.
    const size = workingSize(bitmap.width, bitmap.height, maxSide);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new DecodeError('No 2D canvas is available in this browser worker.');
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const { data } = ctx.getImageData(0, 0, size.width, size.height);
    return {
      rgba: { width: size.width, height: size.height, data },
      sourceWidth: shown?.width ?? bitmap.width,
      sourceHeight: shown?.height ?? bitmap.height,
      header,
    };
  } finally {
    bitmap.close();
  }
}
