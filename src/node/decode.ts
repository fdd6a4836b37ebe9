// Full-size colour JPEG decoding (jpeg-js) for the generators that blur a photo before saving it
// (blurred counterparts, the real-blur and portrait sets), and the worker's working-resolution
// step for RGBA (area downscale, never upscale). No blur verdict reads these pixels: eval and
// training read JPEG luma as the app does (jpeg-decoder.ts). EXIF orientation is not applied here.
import jpeg from 'jpeg-js';
import { readFileSync } from 'node:fs';
import type { RgbaImage } from '../core/types.ts';
import { downscaleRgba, workingSize } from '../core/image/image.ts';

export function decodeJpegFile(path: string): RgbaImage {
  return decodeJpegBytes(readFileSync(path));
}

export function decodeJpegBytes(bytes: Uint8Array): RgbaImage {
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

export function toWorkingResolution(rgba: RgbaImage, maxSide: number): RgbaImage {
  const size = workingSize(rgba.width, rgba.height, maxSide);
  return size.width === rgba.width && size.height === rgba.height ? rgba : downscaleRgba(rgba, size.width, size.height);
}
