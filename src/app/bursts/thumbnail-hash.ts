import { HASH_COLS, HASH_ROWS, dHash, hashGrid } from './dhash.ts';

/**
 * dHash of a thumbnail the worker made. The thumbnail is already small, and the browser
 * decodes it straight to 8 px per hash cell, so this never touches a full-size photo.
 */
export async function thumbnailHash(thumbnail: Blob): Promise<string> {
  const width = HASH_COLS * 8;
  const height = HASH_ROWS * 8;
  const bitmap = await createImageBitmap(thumbnail, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    return dHash(hashGrid(ctx.getImageData(0, 0, width, height).data, width, height));
  } finally {
    bitmap.close();
  }
}
