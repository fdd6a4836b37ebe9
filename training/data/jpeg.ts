// JPEG in and out through jpeg-js (pure JS, so no native build and the same bytes everywhere).
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../src/core/types';

export function decodeJpeg(bytes: Uint8Array): RgbaImage {
  // maxMemoryUsageInMB: the default (512) refuses some 12 MP phone photos.
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

export function encodeJpeg(image: RgbaImage, quality: number): Uint8Array {
  const encoded = jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality);
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}
