// Test-only helpers for the classical feature tests: deterministic synthetic scenes, the blur and
// noise degradations, real JPEG loading and a Mat leak tracker. Node-only (fs, jpeg-js): never import
// this from non-test code.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import type { LumaImage } from '../core/types.ts';
import type { CvMat, OpenCv } from '../core/image/opencv-types.ts';
import { lumaToMat, matToLuma, toLuma } from '../core/image/image.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared sharp photo set (never copied into the repo). */
export const SHARP_PHOTOS = resolve(repoRoot, '../shared/data/sharp-photos');

export { seededRandom } from '../core/seeded-random.ts';
import { seededRandom } from '../core/seeded-random.ts';

/**
 * Dead-leaves scene: occluding discs with power-law radii, the standard synthetic stand-in for
 * natural-image statistics (edges at all scales and contrasts). Grey levels stay in 40..215 so added
 * noise does not clip.
 */
export function deadLeaves(width: number, height: number, seed: number, minRadius = 2, maxRadius = 60): LumaImage {
  const random = seededRandom(seed);
  const data = new Float32Array(width * height);
  const filled = new Uint8Array(width * height);
  let remaining = width * height;
  // Front to back: each disc only paints pixels no nearer disc has covered.
  for (let disc = 0; disc < 20000 && remaining > 0; disc++) {
    // Radius density ~ r^-3 (scale-invariant coverage), by inverse-CDF sampling.
    const u = random();
    const r = 1 / Math.sqrt(u / (minRadius * minRadius) + (1 - u) / (maxRadius * maxRadius));
    const cx = random() * width, cy = random() * height, grey = 40 + 175 * random();
    const x0 = Math.max(0, Math.floor(cx - r)), x1 = Math.min(width - 1, Math.ceil(cx + r));
    const y0 = Math.max(0, Math.floor(cy - r)), y1 = Math.min(height - 1, Math.ceil(cy + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const i = y * width + x;
        if (filled[i] === 0 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) {
          filled[i] = 1;
          data[i] = grey;
          remaining--;
        }
      }
    }
  }
  for (let i = 0; i < data.length; i++) if (filled[i] === 0) data[i] = 128;
  return { width, height, data };
}

/** Flat grey image. */
export function flatImage(width: number, height: number, grey = 128): LumaImage {
  return { width, height, data: new Float32Array(width * height).fill(grey) };
}

function filtered(cv: OpenCv, luma: LumaImage, apply: (src: CvMat, dst: CvMat) => void): LumaImage {
  const src = lumaToMat(cv, luma);
  const dst = new cv.Mat();
  try {
    apply(src, dst);
    return matToLuma(dst);
  } finally {
    src.delete();
    dst.delete();
  }
}

export function gaussianBlur(cv: OpenCv, luma: LumaImage, sigma: number): LumaImage {
  return filtered(cv, luma, (src, dst) =>
    cv.GaussianBlur(src, dst, new cv.Size(0, 0), sigma, sigma, cv.BORDER_REFLECT_101),
  );
}

/** Convolution with a normalised kernel given as a function of the kernel offset, 4x4 supersampled. */
function kernelBlur(cv: OpenCv, luma: LumaImage, radius: number, inside: (x: number, y: number) => boolean): LumaImage {
  const side = 2 * radius + 1;
  const weights = new Float32Array(side * side);
  let total = 0;
  for (let ky = 0; ky < side; ky++) {
    for (let kx = 0; kx < side; kx++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          if (inside(kx - radius + (sx + 0.5) / 4 - 0.5, ky - radius + (sy + 0.5) / 4 - 0.5)) hits++;
        }
      }
      weights[ky * side + kx] = hits;
      total += hits;
    }
  }
  for (let i = 0; i < weights.length; i++) weights[i] /= total;
  const kernel = cv.matFromArray(side, side, cv.CV_32F, weights);
  try {
    return filtered(cv, luma, (src, dst) =>
      cv.filter2D(src, dst, cv.CV_32F, kernel, new cv.Point(-1, -1), 0, cv.BORDER_REFLECT_101),
    );
  } finally {
    kernel.delete();
  }
}

/** Defocus: uniform disk (pillbox) of the given radius in pixels. */
export function diskBlur(cv: OpenCv, luma: LumaImage, radius: number): LumaImage {
  return kernelBlur(cv, luma, Math.ceil(radius), (x, y) => x * x + y * y <= radius * radius);
}

/**
 * Linear motion blur of `length` px at `angleDeg` (counter-clockwise as displayed, image y down),
 * as a one-pixel-thick line segment.
 */
export function motionBlur(cv: OpenCv, luma: LumaImage, length: number, angleDeg: number): LumaImage {
  const theta = (angleDeg * Math.PI) / 180;
  const ux = Math.cos(theta), uy = -Math.sin(theta);
  return kernelBlur(cv, luma, Math.ceil(length / 2), (x, y) => {
    const along = x * ux + y * uy;
    const across = -x * uy + y * ux;
    return Math.abs(along) <= length / 2 && Math.abs(across) <= 0.5;
  });
}

/** Adds white gaussian noise (Box-Muller, seeded), clipped to 0..255 like a real sensor pipeline. */
export function addNoise(luma: LumaImage, sigma: number, seed: number): LumaImage {
  const random = seededRandom(seed);
  const data = new Float32Array(luma.data.length);
  for (let i = 0; i < data.length; i++) {
    const n = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    data[i] = Math.min(255, Math.max(0, luma.data[i] + sigma * n));
  }
  return { width: luma.width, height: luma.height, data };
}

/** Pastes the centre region (fraction of each side) of `inner` over `outer` (same size). */
export function pasteCentre(outer: LumaImage, inner: LumaImage, fraction: number): LumaImage {
  const { width: w, height: h } = outer;
  const data = outer.data.slice();
  const x0 = Math.round((w * (1 - fraction)) / 2), x1 = Math.round((w * (1 + fraction)) / 2);
  const y0 = Math.round((h * (1 - fraction)) / 2), y1 = Math.round((h * (1 + fraction)) / 2);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = inner.data[y * w + x];
  return { width: w, height: h, data };
}

/** Decodes a JPEG from the shared sharp photo set into luma. */
export function loadSharpPhoto(relativePath: string): LumaImage {
  const decoded = jpeg.decode(readFileSync(join(SHARP_PHOTOS, relativePath)), { useTArray: true, formatAsRGBA: true });
  return toLuma({ width: decoded.width, height: decoded.height, data: decoded.data });
}

/** Paths (relative to SHARP_PHOTOS) of the JPEGs in one folder of the set, sorted. */
export function sharpPhotosIn(folder: string): string[] {
  return readdirSync(join(SHARP_PHOTOS, folder))
    .filter((name) => /\.jpe?g$/i.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/**
 * A view of `cv` that counts Mats created through `new cv.Mat(...)` and `cv.matFromArray` and not yet
 * deleted, so tests can assert that a computation frees everything it allocates.
 */
export function trackMats(cv: OpenCv): { cv: OpenCv; live: () => number } {
  const live = new Set<CvMat>();
  const track = (mat: CvMat): CvMat => {
    live.add(mat);
    const free = mat.delete.bind(mat);
    mat.delete = () => {
      live.delete(mat);
      return free();
    };
    return mat;
  };
  const TrackedMat = function (...args: unknown[]) {
    return track(new (cv.Mat as unknown as new (...a: unknown[]) => CvMat)(...args));
  };
  const tracked = new Proxy(cv, {
    get(target, key, receiver) {
      if (key === 'Mat') return TrackedMat;
      if (key === 'matFromArray') {
        return (...args: Parameters<OpenCv['matFromArray']>) => track(target.matFromArray(...args));
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { cv: tracked, live: () => live.size };
}
