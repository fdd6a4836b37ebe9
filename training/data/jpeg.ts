// JPEG in and out through jpeg-js (pure JS, so no native build and the same bytes everywhere).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../src/core/types.ts';

export function decodeJpeg(bytes: Uint8Array): RgbaImage {
  // maxMemoryUsageInMB: the default (512) refuses some 12 MP phone photos.
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

interface JpegEncoderInstance {
  encode(image: { width: number; height: number; data: ArrayLike<number> }, quality: number): Uint8Array;
}

/**
 * jpeg-js's encode() builds a fresh JPEGEncoder per call, whose 65k-entry Huffman lookup tables
 * cost ~60 ms of allocation and GC: more than encoding a 1 MP image. The class is not exported,
 * so it is taken from the module source; one instance serves every call (encode() resets its
 * state and applies the quality each time). The test checks the bytes match jpeg.encode().
 */
function loadEncoder(): JpegEncoderInstance {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('jpeg-js/lib/encoder.js'), 'utf8');
  const factory = new Function('module', 'Buffer', `${source}\nreturn JPEGEncoder;`) as (
    module: { exports: unknown },
    buffer: typeof Buffer,
  ) => new (quality: number) => JpegEncoderInstance;
  const JPEGEncoder = factory({ exports: {} }, Buffer);
  return new JPEGEncoder(90);
}

let encoder: JpegEncoderInstance | null = null;

export function encodeJpeg(image: RgbaImage, quality: number): Uint8Array {
  encoder ??= loadEncoder();
  const bytes = encoder.encode({ width: image.width, height: image.height, data: image.data }, quality);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
