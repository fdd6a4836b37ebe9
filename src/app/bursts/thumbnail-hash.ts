import { HASH_IMAGE_SIDE, photoHash } from './dhash.ts';

/**
 * The photo hash of a thumbnail the worker made. The thumbnail is already small, and the browser
 * decodes it straight to 8 px per hash cell, so this never touches a full-size photo.
 */
export async function thumbnailHash(thumbnail: Blob): Promise<string> {
  const side = HASH_IMAGE_SIDE;
  const bitmap = await createImageBitmap(thumbnail, { resizeWidth: side, resizeHeight: side, resizeQuality: 'medium' });
  try {
    const canvas = new OffscreenCanvas(side, side);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    return photoHash(ctx.getImageData(0, 0, side, side).data, side, side);
  } finally {
    bitmap.close();
  }
}
