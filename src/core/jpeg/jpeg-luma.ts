// A JPEG straight to what the analysis needs: luma at the working size, and a small colour
// image for the thumbnail. The full-size RGBA frame never exists: libjpeg decodes at the
// smallest n/8 DCT scale that still covers the target (1/2 for a 12 MP photo to 1600 px, 1/4
// for 48 MP), the Y plane only for the analysis, and the area downscale covers the rest.
// Shared by the worker, `npm run eval` and training, so all three see the same luma.
import type { LumaImage, RgbaImage } from '../types.ts';
import { downscaleLuma, downscaleRgba, workingSize } from '../image/image.ts';
import { applyOrientation } from './orientation.ts';
import { scaledSize, type JpegInfo, type TurboJpeg, type TurboPixels } from './turbo-jpeg.ts';

/**
 * Smallest n (1..8) whose n/8 decode covers `target` times `oversample` on both sides (or is the
 * full size), so the area downscale that follows only ever shrinks.
 */
export function coveringEighths(stored: { width: number; height: number }, target: { width: number; height: number }, oversample = 1): number {
  const wantW = Math.min(stored.width, Math.ceil(target.width * oversample));
  const wantH = Math.min(stored.height, Math.ceil(target.height * oversample));
  for (let n = 1; n < 8; n++) {
    if (scaledSize(stored.width, n) >= wantW && scaledSize(stored.height, n) >= wantH) return n;
  }
  return 8;
}

/**
 * The luma is decoded at >= 1.8x the working size, not at the bare covering scale. libjpeg's
 * n/8 decode drops every DCT frequency above the new Nyquist, while the reference the models
 * are trained and evaluated on (a full decode, then the area downscale) keeps some of them.
 * Measured on four 4032x3024 JPEGs made of real photos (tiles at native detail): at 1/2 scale
 * (2016 px) the finest Laplacian feature fell 4.7-7.0% and P(blurry) rose 0.08-0.15, i.e.
 * sharp 12 MP photos looked blurrier; at 6/8 (3024 px, what 1.8x picks) it fell 0.8-1.2%. The
 * wasm decode time hardly differs (Huffman decoding dominates: 4/8, 5/8 and 6/8 measured within
 * noise of each other); the area downscale after it reads 2.25x the pixels at 6/8.
 */
export const LUMA_OVERSAMPLE = 1.8;

const isCmyk = (info: JpegInfo) => info.colorspace === 'cmyk' || info.colorspace === 'ycck';

/**
 * CMYK as Photoshop and print workflows store it (Adobe APP14: inverted, 255 = no ink), to RGB
 * the way Chromium shows it: R = C' x K' / 255 for inverted C' and K'.
 */
function cmykToRgba(cmyk: Uint8Array): Uint8Array {
  const rgba = new Uint8Array(cmyk.length);
  for (let i = 0; i < cmyk.length; i += 4) {
    const k = cmyk[i + 3];
    rgba[i] = Math.round((cmyk[i] * k) / 255);
    rgba[i + 1] = Math.round((cmyk[i + 1] * k) / 255);
    rgba[i + 2] = Math.round((cmyk[i + 2] * k) / 255);
    rgba[i + 3] = 255;
  }
  return rgba;
}

/** Rec.601 luma of 8-bit RGBA, as core/image.ts's toLuma (and JPEG's own Y) defines it. */
function rgbaLuma(rgba: Uint8Array): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) out[i] = 0.299 * rgba[j] + 0.587 * rgba[j + 1] + 0.114 * rgba[j + 2];
  return out;
}

export interface JpegLuma {
  /** Luma at the working size, as displayed (EXIF orientation applied). */
  luma: LumaImage;
  /** Size as displayed, at full resolution. */
  sourceWidth: number;
  sourceHeight: number;
  /** The n of the n/8 scale libjpeg decoded at. */
  eighths: number;
  /** libjpeg warned (truncated or damaged data): see TurboPixels.warning. */
  warning: boolean;
}

/**
 * Luma at the working size (`maxSide` on the long side), as displayed under EXIF `orientation`.
 * Throws JpegDecodeError where libjpeg cannot decode the file.
 */
export function decodeJpegLuma(turbo: TurboJpeg, bytes: Uint8Array, maxSide: number, orientation?: number): JpegLuma {
  let target = { width: 0, height: 0 };
  let eighths = 8;
  const decoded: TurboPixels = turbo.decode(bytes, (info) => {
    target = workingSize(info.width, info.height, maxSide);
    eighths = coveringEighths(info, target, LUMA_OVERSAMPLE);
    return { eighths, format: isCmyk(info) ? 'cmyk' : 'gray' };
  });
  const plane = decoded.format === 'cmyk' ? rgbaLuma(cmykToRgba(decoded.data)) : decoded.data;
  const small = downscaleLuma({ width: decoded.width, height: decoded.height, data: plane }, target.width, target.height);
  const luma = applyOrientation(small, orientation);
  const swap = (orientation ?? 1) >= 5;
  const { width, height } = decoded.stored;
  return {
    luma,
    sourceWidth: swap ? height : width,
    sourceHeight: swap ? width : height,
    eighths,
    warning: decoded.warning,
  };
}

/**
 * A small colour image, `longSide` at most on its long side, as displayed: decoded at the
 * smallest n/8 that covers it (1/8, DC coefficients only, for any photo of 2048 px and more),
 * with libjpeg's fast upsampling and IDCT since nobody measures these pixels.
 */
export function decodeJpegPreview(turbo: TurboJpeg, bytes: Uint8Array, longSide: number, orientation?: number): RgbaImage & { warning: boolean } {
  let target = { width: 0, height: 0 };
  const decoded = turbo.decode(bytes, (info) => {
    target = workingSize(info.width, info.height, longSide);
    return { eighths: coveringEighths(info, target), format: isCmyk(info) ? 'cmyk' : 'rgba', fast: true };
  });
  const rgba = decoded.format === 'cmyk' ? cmykToRgba(decoded.data) : decoded.data;
  const small = downscaleRgba({ width: decoded.width, height: decoded.height, data: rgba }, target.width, target.height);
  return { ...applyOrientation(small, orientation, 4), warning: decoded.warning };
}
