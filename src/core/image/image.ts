// Image representations the analysis works on, and the conversions between them and opencv Mats.

import type { LumaImage, RgbaImage } from '../types.ts';
import type { CvMat, OpenCv } from './opencv-types.ts';

/**
 * Rec.601 luma (0.299 R + 0.587 G + 0.114 B), alpha ignored. Rec.601 because it is what JPEG's
 * YCbCr and cv.cvtColor(RGBA2GRAY) use, so our luma matches the classic OpenCV recipes.
 */
export function toLuma(rgba: RgbaImage): LumaImage {
  const { width, height, data: src } = rgba;
  const data = new Float32Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    data[i] = 0.299 * src[j] + 0.587 * src[j + 1] + 0.114 * src[j + 2];
  }
  return { width, height, data };
}

/** Size that fits `maxSide` on the long side, keeping the aspect ratio; never upsamples. */
export function workingSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

interface AxisWeights {
  first: Int32Array; // first source index per output index
  weights: Float32Array[]; // weights per output index, summing to 1
}

/** Exact area (box) weights mapping `srcLength` samples onto `dstLength` (<= srcLength). */
function areaWeights(srcLength: number, dstLength: number): AxisWeights {
  const ratio = srcLength / dstLength;
  const first = new Int32Array(dstLength);
  const weights: Float32Array[] = [];
  for (let o = 0; o < dstLength; o++) {
    const start = o * ratio;
    const end = Math.min(srcLength, (o + 1) * ratio);
    const lo = Math.floor(start);
    const hi = Math.min(srcLength, Math.ceil(end - 1e-9));
    const w = new Float32Array(hi - lo);
    for (let s = lo; s < hi; s++) w[s - lo] = (Math.min(end, s + 1) - Math.max(start, s)) / ratio;
    first[o] = lo;
    weights.push(w);
  }
  return { first, weights };
}

/**
 * Area-average downscale (like cv.INTER_AREA): every output pixel is the mean of the source area it
 * covers. Node eval uses it to mimic the browser's high-quality resize. Returns the input itself when
 * the size is unchanged; throws on upsampling, which would invent detail the sharpness measures see.
 */
export function downscaleRgba(rgba: RgbaImage, width: number, height: number): RgbaImage {
  if (width === rgba.width && height === rgba.height) return rgba;
  if (width > rgba.width || height > rgba.height || width < 1 || height < 1) {
    throw new RangeError(`downscaleRgba: ${rgba.width}x${rgba.height} -> ${width}x${height} is not a downscale`);
  }
  const src = rgba.data;
  const xs = areaWeights(rgba.width, width);
  const ys = areaWeights(rgba.height, height);
  // Horizontal pass into a float buffer (srcHeight x width), then vertical pass.
  const rows = new Float32Array(rgba.height * width * 4);
  for (let y = 0; y < rgba.height; y++) {
    const srcRow = y * rgba.width * 4;
    const dstRow = y * width * 4;
    for (let x = 0; x < width; x++) {
      const w = xs.weights[x];
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0, s = srcRow + xs.first[x] * 4; k < w.length; k++, s += 4) {
        r += w[k] * src[s];
        g += w[k] * src[s + 1];
        b += w[k] * src[s + 2];
        a += w[k] * src[s + 3];
      }
      const d = dstRow + x * 4;
      rows[d] = r;
      rows[d + 1] = g;
      rows[d + 2] = b;
      rows[d + 3] = a;
    }
  }
  const stride = width * 4;
  const out = new Uint8ClampedArray(height * stride);
  const acc = new Float32Array(stride);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    const w = ys.weights[y];
    for (let k = 0; k < w.length; k++) {
      const srcRow = (ys.first[y] + k) * stride;
      const wk = w[k];
      for (let i = 0; i < stride; i++) acc[i] += wk * rows[srcRow + i];
    }
    out.set(acc, y * stride); // Uint8ClampedArray.set rounds half to even and clamps
  }
  return { width, height, data: out };
}

/**
 * The same area-average downscale for one channel (the JPEG decoder's 8-bit Y plane, or float
 * luma), into floats: no rounding to 8 bits between the decode and the features. It reads the
 * 8-bit plane directly (no float copy of a 7 MP plane per photo) and sums in another order than
 * downscaleRgba (results differ by < 1e-4 grey levels).
 */
export function downscaleLuma(plane: { width: number; height: number; data: Float32Array | Uint8Array }, width: number, height: number): LumaImage {
  if (width === plane.width && height === plane.height) {
    return { width, height, data: plane.data instanceof Float32Array ? plane.data : Float32Array.from(plane.data) };
  }
  if (width > plane.width || height > plane.height || width < 1 || height < 1) {
    throw new RangeError(`downscaleLuma: ${plane.width}x${plane.height} -> ${width}x${height} is not a downscale`);
  }
  const { data: src, width: srcWidth } = plane;
  const ys = areaWeights(plane.height, height);
  // Vertical pass: output rows x source columns.
  const rows = new Float32Array(height * srcWidth);
  for (let y = 0; y < height; y++) {
    const w = ys.weights[y];
    const dst = y * srcWidth;
    for (let k = 0; k < w.length; k++) {
      const from = (ys.first[y] + k) * srcWidth;
      const wk = w[k];
      for (let x = 0; x < srcWidth; x++) rows[dst + x] += wk * src[from + x];
    }
  }
  // Horizontal pass with flat, zero-padded weights (taps per output <= ceil(ratio) + 1).
  const xs = areaWeights(srcWidth, width);
  const taps = Math.max(...xs.weights.map((w) => w.length));
  const flat = new Float32Array(width * taps);
  const first = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    first[x] = Math.min(xs.first[x], srcWidth - taps);
    const shift = xs.first[x] - first[x];
    flat.set(xs.weights[x], x * taps + shift);
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * srcWidth;
    const dst = y * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = 0, s = row + first[x], f = x * taps; k < taps; k++) sum += flat[f + k] * rows[s + k];
      out[dst + x] = sum;
    }
  }
  return { width, height, data: out };
}

/** Copies a luma image into a new CV_32FC1 Mat. The caller owns it and must .delete() it. */
export function lumaToMat(cv: OpenCv, luma: LumaImage): CvMat {
  const mat = new cv.Mat(luma.height, luma.width, cv.CV_32F);
  mat.data32F.set(luma.data);
  return mat;
}

/** Copies a single-channel CV_32F Mat out of the wasm heap into a luma image. */
export function matToLuma(mat: CvMat): LumaImage {
  return { width: mat.cols, height: mat.rows, data: mat.data32F.slice() };
}

/**
 * Area-average downscale of a CV_32F Mat by an integer factor (INTER_AREA), into a new Mat the caller
 * owns. Sizes round down but never below 1 px.
 */
export function downscaleMat(cv: OpenCv, mat: CvMat, factor: number): CvMat {
  const out = new cv.Mat();
  if (factor <= 1) {
    mat.copyTo(out);
    return out;
  }
  const size = new cv.Size(Math.max(1, Math.floor(mat.cols / factor)), Math.max(1, Math.floor(mat.rows / factor)));
  cv.resize(mat, out, size, 0, 0, cv.INTER_AREA);
  return out;
}

/**
 * Tracks Mats created during one computation so every exit path frees them (opencv.js Mats live in
 * the wasm heap and are never garbage collected).
 */
export class MatScope {
  private readonly mats: CvMat[] = [];

  constructor(private readonly cv: OpenCv) {}

  /** A new empty Mat owned by this scope. */
  mat(): CvMat {
    return this.keep(new this.cv.Mat());
  }

  keep(mat: CvMat): CvMat {
    this.mats.push(mat);
    return mat;
  }

  dispose(): void {
    for (const mat of this.mats) if (!mat.isDeleted()) mat.delete();
    this.mats.length = 0;
  }
}

/** Runs `body` with a MatScope and always frees the scope's Mats afterwards. */
export function withMats<T>(cv: OpenCv, body: (scope: MatScope) => T): T {
  const scope = new MatScope(cv);
  try {
    return body(scope);
  } finally {
    scope.dispose();
  }
}

/**
 * Sobel x and y derivatives (3x3, CV_32F) of a CV_32F Mat, copied out of the wasm heap (views on the
 * heap are invalidated whenever opencv grows its memory, so copies are the safe hand-over).
 */
export function sobelXY(cv: OpenCv, mat: CvMat): { gx: Float32Array; gy: Float32Array } {
  return withMats(cv, (scope) => {
    const dx = scope.mat();
    const dy = scope.mat();
    cv.Sobel(mat, dx, cv.CV_32F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT_101);
    cv.Sobel(mat, dy, cv.CV_32F, 0, 1, 3, 1, 0, cv.BORDER_REFLECT_101);
    return { gx: dx.data32F.slice(), gy: dy.data32F.slice() };
  });
}
