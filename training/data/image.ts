// Float RGB working images for synthesis: interleaved 3 channels, 0..1, the layout of an
// opencv CV_32FC3 Mat so buffers go to opencv without reshuffling.
import type { RgbaImage } from '../../src/core/types.ts';

export interface RgbImage {
  width: number;
  height: number;
  /** Interleaved R,G,B; 0..1; sRGB-encoded unless a function says linear. */
  data: Float32Array;
}

/** Single-channel float plane (masks, alpha), row-major. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

export function createRgb(width: number, height: number): RgbImage {
  return { width, height, data: new Float32Array(width * height * 3) };
}

export function cloneRgb(image: RgbImage): RgbImage {
  return { width: image.width, height: image.height, data: image.data.slice() };
}

export function rgbaToRgb(rgba: RgbaImage): RgbImage {
  const out = createRgb(rgba.width, rgba.height);
  const n = rgba.width * rgba.height;
  for (let i = 0; i < n; i++) {
    out.data[i * 3] = rgba.data[i * 4]! / 255;
    out.data[i * 3 + 1] = rgba.data[i * 4 + 1]! / 255;
    out.data[i * 3 + 2] = rgba.data[i * 4 + 2]! / 255;
  }
  return out;
}

export function rgbToRgba(image: RgbImage): RgbaImage {
  const n = image.width * image.height;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    // Uint8ClampedArray rounds and clamps on store.
    data[i * 4] = image.data[i * 3]! * 255;
    data[i * 4 + 1] = image.data[i * 3 + 1]! * 255;
    data[i * 4 + 2] = image.data[i * 3 + 2]! * 255;
    data[i * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

// sRGB transfer curves through lookup tables: they run on every pixel of every sample.
const LUT_SIZE = 4096;
const toLinearLut = new Float32Array(LUT_SIZE + 1);
const toSrgbLut = new Float32Array(LUT_SIZE + 1);
for (let i = 0; i <= LUT_SIZE; i++) {
  const v = i / LUT_SIZE;
  toLinearLut[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  toSrgbLut[i] = v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
}

function lookup(lut: Float32Array, v: number): number {
  if (v <= 0) return 0;
  if (v >= 1) return lut[LUT_SIZE]!;
  const x = v * LUT_SIZE;
  const i = Math.floor(x);
  const f = x - i;
  return lut[i]! + (lut[i + 1]! - lut[i]!) * f;
}

/** sRGB-encoded -> linear light (new image). */
export function srgbToLinear(image: RgbImage): RgbImage {
  const out = createRgb(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) out.data[i] = lookup(toLinearLut, image.data[i]!);
  return out;
}

/** Linear light -> sRGB-encoded (new image); values above 1 clip like a sensor's white point. */
export function linearToSrgb(image: RgbImage): RgbImage {
  const out = createRgb(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) out.data[i] = lookup(toSrgbLut, image.data[i]!);
  return out;
}

/** Per-pixel mix: out = a * (1 - alpha) + b * alpha. */
export function blendRgb(a: RgbImage, b: RgbImage, alpha: Plane): RgbImage {
  const out = createRgb(a.width, a.height);
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    const t = alpha.data[i]!;
    for (let c = 0; c < 3; c++) {
      const k = i * 3 + c;
      out.data[k] = a.data[k]! + (b.data[k]! - a.data[k]!) * t;
    }
  }
  return out;
}

export function meanLuma(image: RgbImage): number {
  let sum = 0;
  const n = image.width * image.height;
  for (let i = 0; i < n; i++) {
    sum += 0.299 * image.data[i * 3]! + 0.587 * image.data[i * 3 + 1]! + 0.114 * image.data[i * 3 + 2]!;
  }
  return sum / n;
}

/** Rec.601 luma, 0..1. */
export function lumaPlane(image: RgbImage): Plane {
  const n = image.width * image.height;
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    data[i] = 0.299 * image.data[i * 3]! + 0.587 * image.data[i * 3 + 1]! + 0.114 * image.data[i * 3 + 2]!;
  }
  return { width: image.width, height: image.height, data };
}

export function cropRgb(image: RgbImage, x0: number, y0: number, width: number, height: number): RgbImage {
  const out = createRgb(width, height);
  for (let y = 0; y < height; y++) {
    const src = ((y0 + y) * image.width + x0) * 3;
    out.data.set(image.data.subarray(src, src + width * 3), y * width * 3);
  }
  return out;
}

export function flipHorizontal(image: RgbImage): RgbImage {
  const out = createRgb(image.width, image.height);
  const w = image.width;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3;
      const d = (y * w + (w - 1 - x)) * 3;
      out.data[d] = image.data[s]!;
      out.data[d + 1] = image.data[s + 1]!;
      out.data[d + 2] = image.data[s + 2]!;
    }
  }
  return out;
}
