// Node-side JPEG decoding for eval and training: the worker's own libjpeg-turbo wasm and the
// same luma step (src/core/jpeg), so a photo's luma in Node is the app's luma, value for value
// (jpeg-decoder.test.ts pins it against the browser). Replaces jpeg-js here: ~30x faster.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LumaImage, RgbaImage } from '../core/types.ts';
import { TurboJpeg } from '../core/jpeg/turbo-jpeg.ts';
import { decodeJpegLuma, decodeJpegPreview } from '../core/jpeg/jpeg-luma.ts';
import { readImageHeader } from '../worker/image-header.ts';

let turbo: TurboJpeg | null = null;

/** One libjpeg-turbo instance per process, compiled on first use. */
export function turboJpegNode(): TurboJpeg {
  if (!turbo) {
    const path = createRequire(import.meta.url).resolve('@cwasm/jpeg-turbo/jpeg-turbo.wasm');
    turbo = new TurboJpeg(new WebAssembly.Module(readFileSync(path)));
  }
  return turbo;
}

/**
 * A JPEG file's luma at the working size, EXIF orientation applied, exactly as the worker makes
 * it. libjpeg's warnings (truncated or damaged data) are errors here: the browser would hand
 * such a file to its own decoder, which Node does not have.
 */
export function decodeJpegFileLuma(path: string, maxSide: number): LumaImage {
  const bytes = readFileSync(path);
  const { orientation } = readImageHeader(bytes.subarray(0, 256 * 1024));
  const decoded = decodeJpegLuma(turboJpegNode(), bytes, maxSide, orientation);
  if (decoded.warning) throw new Error(`${path}: libjpeg warned while decoding (truncated or damaged data)`);
  return decoded.luma;
}

/** A JPEG file's small colour copy (long side at most `longSide`), as the worker's decoder makes
 * the thumbnail and the face detector's input. */
export function decodeJpegFilePreview(path: string, longSide: number): RgbaImage {
  const bytes = readFileSync(path);
  const { orientation } = readImageHeader(bytes.subarray(0, 256 * 1024));
  const { warning: _warning, ...preview } = decodeJpegPreview(turboJpegNode(), bytes, longSide, orientation);
  return preview;
}
