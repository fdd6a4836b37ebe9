// The worker's JPEG path: libjpeg-turbo in wasm (src/core/jpeg) decodes luma at a reduced DCT
// scale, so no full-size RGBA frame is made. The same code decodes for `npm run eval` and
// training in Node (src/node/jpeg-decoder.ts), so app and eval see the same luma.
//
// Why this build (@cwasm/jpeg-turbo 0.1.3, libjpeg-turbo 2.0): measured in Node on one
// 4032x3024 JPEG made of real photo tiles (4:4:4, q90), best of 3 on a loaded 2-core machine:
// its tjDecompress2 gave greyscale at 1/2 scale in 160-210 ms, full-size colour in 794 ms;
// @cornerstonejs/codec-libjpeg-turbo-8bit (669 ms) and @jsquash/jpeg (676 ms) only offer that
// full-size colour decode, with no scaling or greyscale output; jpeg-js took 7220 ms. It is the
// only npm libjpeg-turbo that exposes scaling and greyscale, and the only candidate that runs
// identically in Node. WebCodecs' ImageDecoder scales natively (with SIMD, which this wasm
// lacks) but is browser-only and returns colour frames; it stays for large progressive JPEGs.
// In the browser the whole step (decode, area downscale, orientation) measured level with the
// old createImageBitmap path on the loaded machine (0.84 vs 0.86 photos/s, same bench run).
// ImageDecoder instead, measured in the worker's decode step (bench decode-only, 12 generated
// 4032x3024 JPEGs, 2 workers, 2026-12-06, against wasm at 7.1-8.2 photos/s in the same runs):
// the Y plane of its full-size I420 frame (luma without any colour conversion) 6.4-6.8/s; a 6/8
// scaled frame (BGRX only, luma in JS) 5.0/s; a 1/2 scaled frame drawn on a canvas 12.0/s, but
// 1/2 is the scale that makes sharp 12 MP photos read blurrier (LUMA_OVERSAMPLE in core/jpeg).
import turboWasmUrl from '@cwasm/jpeg-turbo/jpeg-turbo.wasm?url';
import { TurboJpeg } from '../core/jpeg/turbo-jpeg.ts';
import { decodeJpegLuma, decodeJpegPreview } from '../core/jpeg/jpeg-luma.ts';
import type { LumaImage, RgbaImage } from '../core/types.ts';
import type { ImageHeader } from './image-header.ts';

let loading: Promise<TurboJpeg | null> | null = null;

/**
 * Compiles the decoder once per worker (~140 KB of wasm, precached with the app). Resolves to
 * null where wasm cannot be compiled; the browser's own decoder then does every photo.
 */
export function loadTurboJpeg(): Promise<TurboJpeg | null> {
  loading ??= WebAssembly.compileStreaming(fetch(turboWasmUrl))
    .then((module) => new TurboJpeg(module))
    .catch(() => null);
  return loading;
}

/**
 * Progressive JPEGs keep every DCT coefficient until the last scan: 2 bytes per sample, ~36 MB
 * for a 12 MP photo but ~750 MB for a 250 MP one. Above this many pixels they go to the
 * browser's decoder instead (ImageDecoder, one at a time), which copes with its own memory.
 */
const MAX_PROGRESSIVE_PIXELS = 24e6;

export interface JpegWorkingImage {
  luma: LumaImage;
  sourceWidth: number;
  sourceHeight: number;
  /** A small colour copy for the thumbnail, decoded only when asked for. */
  preview(longSide: number): RgbaImage;
}

/**
 * The photo's luma at the working size through libjpeg-turbo, or null where the browser's
 * decoder should have it instead: not a JPEG, a large progressive one, or one libjpeg could not
 * decode or warned about (truncated, damaged). Those keep the reasons the browser path gives.
 */
export async function decodeJpegToWorking(file: Blob, header: ImageHeader, maxSide: number): Promise<JpegWorkingImage | null> {
  if (header.format !== 'jpeg' || !header.width || !header.height) return null;
  if (header.progressive && header.width * header.height > MAX_PROGRESSIVE_PIXELS) return null;
  const turbo = await loadTurboJpeg();
  if (!turbo) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const decoded = decodeJpegLuma(turbo, bytes, maxSide, header.orientation);
    if (decoded.warning) return null;
    return {
      luma: decoded.luma,
      sourceWidth: decoded.sourceWidth,
      sourceHeight: decoded.sourceHeight,
      preview: (longSide) => decodeJpegPreview(turbo, bytes, longSide, header.orientation),
    };
  } catch {
    return null;
  }
}
