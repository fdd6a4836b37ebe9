// Soft subject masks: an organic blob standing for a person, pet or object, with no saliency model
// (the detector must not learn "blur sits where a saliency model says").
import type { Plane } from './image.ts';
import type { Rng } from './rng.ts';

export interface BlobShape {
  /** Centre in px. */
  cx: number;
  cy: number;
  /** Semi-axes in px before the boundary wobble, and rotation in radians. */
  ax: number;
  ay: number;
  rotation: number;
  /** Boundary wobble: r(theta) = 1 + sum amp_k cos(k theta + phase_k), k = 2.. */
  harmonics: { k: number; amp: number; phase: number }[];
  /** Width in px of the soft edge. */
  feather: number;
}

export interface BlobOptions {
  /** Fraction of the frame the blob covers, [min, max). */
  coverage: [number, number];
  /** Max offset of the centre from the frame centre, as a fraction of each side. */
  centreJitter: number;
  feather: [number, number];
}

function shapeRadius(shape: BlobShape, theta: number): number {
  let r = 1;
  for (const h of shape.harmonics) r += h.amp * Math.cos(h.k * theta + h.phase);
  return r;
}

/** Renders the blob at width x height; 1 inside, 0 outside, smooth over `feather` px. */
export function renderBlob(shape: BlobShape, width: number, height: number): Plane {
  const data = new Float32Array(width * height);
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  const pxPerUnit = Math.sqrt(shape.ax * shape.ay);
  const halfFeather = Math.max(0.5, shape.feather / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - shape.cx;
      const dy = y + 0.5 - shape.cy;
      const u = (dx * cos + dy * sin) / shape.ax;
      const v = (-dx * sin + dy * cos) / shape.ay;
      const rho = Math.hypot(u, v);
      const edge = shapeRadius(shape, Math.atan2(v, u));
      // Signed distance to the boundary along the ray, in px (approximate, fine for a feather).
      const d = (rho - edge) * pxPerUnit;
      const t = Math.min(1, Math.max(0, 0.5 - d / (2 * halfFeather)));
      data[y * width + x] = t * t * (3 - 2 * t);
    }
  }
  return { width, height, data };
}

export function planeMean(plane: Plane): number {
  let s = 0;
  for (let i = 0; i < plane.data.length; i++) s += plane.data[i]!;
  return s / plane.data.length;
}

/** Random blob whose area hits a coverage drawn from options.coverage. */
export function randomBlob(rng: Rng, width: number, height: number, options: BlobOptions): { shape: BlobShape; mask: Plane } {
  const target = rng.uniform(options.coverage[0], options.coverage[1]);
  const aspect = rng.logUniform(0.6, 1.6);
  const harmonics = [2, 3, 4, 5].map((k) => ({ k, amp: rng.uniform(0, 0.22 / (k - 1)), phase: rng.uniform(0, 2 * Math.PI) }));
  const shape: BlobShape = {
    cx: width * (0.5 + rng.uniform(-options.centreJitter, options.centreJitter)),
    cy: height * (0.5 + rng.uniform(-options.centreJitter, options.centreJitter)),
    ax: 1,
    ay: 1,
    rotation: rng.uniform(0, Math.PI),
    harmonics,
    feather: rng.uniform(options.feather[0], options.feather[1]),
  };
  // Size the blob on a small raster first (the frame clips big blobs, so area has no closed form).
  const probeScale = Math.min(1, 96 / Math.max(width, height));
  const pw = Math.max(8, Math.round(width * probeScale));
  const ph = Math.max(8, Math.round(height * probeScale));
  let base = Math.sqrt((target * width * height) / Math.PI);
  for (let iter = 0; iter < 6; iter++) {
    const probe: BlobShape = {
      ...shape,
      cx: shape.cx * probeScale,
      cy: shape.cy * probeScale,
      ax: base * Math.sqrt(aspect) * probeScale,
      ay: (base / Math.sqrt(aspect)) * probeScale,
      feather: 1,
    };
    const coverage = planeMean(renderBlob(probe, pw, ph));
    if (coverage <= 0) {
      base *= 2;
      continue;
    }
    base *= Math.sqrt(target / coverage);
  }
  shape.ax = base * Math.sqrt(aspect);
  shape.ay = base / Math.sqrt(aspect);
  return { shape, mask: renderBlob(shape, width, height) };
}
