// The worker's JPEG path: libjpeg-turbo in wasm (src/core/jpeg) decodes luma at a reduced DCT
// scale, so no full-size RGBA frame is made. The same code decodes for `npm run eval` and
// training in Node (src/node/jpeg-decoder.ts).
//
// Chosen by measurement (bench and Node, 4032x3024 JPEGs, this 2-core machine; see the README
// of issue 21's note for the whole table):
//   - this build's tjDecompress2, greyscale at n/8: the only npm libjpeg-turbo that exposes
//     scaling and greyscale output, and it runs the same in Node;
//   - @cornerstonejs/codec-libjpeg-turbo-8bit and @jsquash/jpeg: full-size colour only;
//   - WebCodecs ImageDecoder: scales natively but hands back colour frames, is browser-only (Node
//     would decode differently) and is missing from Firefox; it stays for large progressive JPEGs.
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
