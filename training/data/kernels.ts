// Point-spread functions of the blurs a phone photo suffers. All kernels are square, odd-sized,
// centred, and sum to 1 (blur moves light around, it does not add or remove any).
import type { Rng } from './rng.ts';

export interface Kernel {
  /** Width = height, odd. */
  size: number;
  /** Row-major weights, sum 1. */
  data: Float32Array;
}

function normalise(size: number, data: Float32Array): Kernel {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  if (!(sum > 0)) throw new Error('kernel has no weight');
  for (let i = 0; i < data.length; i++) data[i] = data[i]! / sum;
  return { size, data };
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/**
 * Out-of-focus blur: the aperture's image, a disc (pillbox).
 * rimSoftness: width in px over which the rim fades (diffraction and aberrations never give a
 * perfect step). rimBoost: extra weight at the rim (0..1): over-corrected spherical aberration
 * makes real bokeh discs brighter at the edge.
 */
export function defocusKernel(radius: number, rimSoftness = 0.5, rimBoost = 0): Kernel {
  if (!(radius > 0)) throw new Error(`defocus radius must be > 0, got ${radius}`);
  const soft = Math.max(0, rimSoftness);
  const half = Math.ceil(radius + soft / 2 + 0.5);
  const size = 2 * half + 1;
  const data = new Float32Array(size * size);
  // 4x4 supersampling per pixel anti-aliases the rim even with rimSoftness = 0.
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let acc = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const dx = x - half + (sx + 0.5) / ss - 0.5;
          const dy = y - half + (sy + 0.5) / ss - 0.5;
          const d = Math.hypot(dx, dy);
          const inside = soft > 0 ? 1 - smoothstep(radius - soft / 2, radius + soft / 2, d) : d <= radius ? 1 : 0;
          const rim = 1 + rimBoost * smoothstep(radius * 0.55, radius, d);
          acc += inside * rim;
        }
      }
      data[y * size + x] = acc / (ss * ss);
    }
  }
  return normalise(size, data);
}

/** Optical softness / "beauty filter" smoothing; support +-3 sigma. */
export function gaussianKernel(sigma: number): Kernel {
  if (!(sigma > 0)) throw new Error(`gaussian sigma must be > 0, got ${sigma}`);
  const half = Math.max(1, Math.ceil(3 * sigma));
  const size = 2 * half + 1;
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - half;
      const dy = y - half;
      data[y * size + x] = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
    }
  }
  return normalise(size, data);
}

/** Rasterises a path given as points with exposure weights: each point is splatted bilinearly,
 * so sub-pixel paths stay anti-aliased. Points are recentred on their weighted mean, so the blur
 * smears the image without shifting it. */
function rasterisePath(xs: number[], ys: number[], weights: number[]): Kernel {
  let wsum = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < xs.length; i++) {
    wsum += weights[i]!;
    mx += xs[i]! * weights[i]!;
    my += ys[i]! * weights[i]!;
  }
  mx /= wsum;
  my /= wsum;
  let reach = 0;
  for (let i = 0; i < xs.length; i++) reach = Math.max(reach, Math.abs(xs[i]! - mx), Math.abs(ys[i]! - my));
  const half = Math.ceil(reach) + 1;
  const size = 2 * half + 1;
  const data = new Float32Array(size * size);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]! - mx + half;
    const y = ys[i]! - my + half;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const w = weights[i]!;
    data[y0 * size + x0] += w * (1 - fx) * (1 - fy);
    data[y0 * size + x0 + 1] += w * fx * (1 - fy);
    data[(y0 + 1) * size + x0] += w * (1 - fx) * fy;
    data[(y0 + 1) * size + x0 + 1] += w * fx * fy;
  }
  return normalise(size, data);
}

/** Subject moving at constant speed along a straight line during the exposure. */
export function linearMotionKernel(lengthPx: number, angleDeg: number): Kernel {
  if (!(lengthPx >= 0)) throw new Error(`motion length must be >= 0, got ${lengthPx}`);
  const a = (angleDeg * Math.PI) / 180;
  // Sample densely enough (10 per px) that bilinear splats merge into a continuous line.
  const n = Math.max(2, Math.ceil(lengthPx * 10));
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / (n - 1) - 0.5) * lengthPx;
    xs.push(t * Math.cos(a));
    ys.push(t * Math.sin(a));
    ws.push(1);
  }
  return rasterisePath(xs, ys, ws);
}

/** Largest distance between two points of a path (its extent, which sets the blur size). */
export function pathExtent(xs: readonly number[], ys: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      best = Math.max(best, Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!));
    }
  }
  return best;
}

/**
 * Hand shake during the exposure: a camera trajectory from a random walk with momentum (after
 * Boracchi & Foi 2012): velocity turns gradually with a per-kernel curvature, jitters, sometimes
 * jerks, and is pulled back toward the start like a hand correcting itself. Speed varies over
 * time, so slow stretches collect more light than fast ones (uneven exposure along the path).
 * lengthPx is the extent of the path (largest distance between two of its points).
 */
export function shakeKernel(rng: Rng, lengthPx: number): Kernel {
  if (!(lengthPx > 0)) throw new Error(`shake length must be > 0, got ${lengthPx}`);
  const steps = 96;
  // Turning budgets are per exposure, spread over the steps: a steady arc of ~N(0, 1.6) rad in
  // total plus a random walk of at most ~1 rad. More makes loops and scribbles, which recorded
  // shake kernels (Levin et al. 2009, Koehler et al. 2012) rarely show; jerks give their V and Z
  // shapes.
  const curvature = (rng.normal() * 1.6) / steps;
  const wobble = rng.uniform(0.1, 1) / Math.sqrt(steps);
  const jerkChance = rng.uniform(0, 2.5) / steps;
  const pullBack = rng.uniform(0, 0.02); // hand returning toward the start point
  // Speed profile: a few slow sinusoids, so some stretches are slow (bright) and some fast (faint).
  const phases = [rng.uniform(0, 2 * Math.PI), rng.uniform(0, 2 * Math.PI)];
  const freqs = [rng.uniform(0.5, 2), rng.uniform(1.5, 4)];
  const depth = rng.uniform(0.2, 0.85);

  let angle = rng.uniform(0, 2 * Math.PI);
  let px = 0;
  let py = 0;
  const pointsX = [0];
  const pointsY = [0];
  for (let t = 0; t < steps; t++) {
    angle += curvature + wobble * rng.normal();
    if (rng.chance(jerkChance)) angle += rng.uniform(0.8, 2.6) * (rng.chance(0.5) ? 1 : -1);
    const u = t / steps;
    const wave = 0.6 * Math.sin(2 * Math.PI * freqs[0]! * u + phases[0]!) + 0.4 * Math.sin(2 * Math.PI * freqs[1]! * u + phases[1]!);
    const speed = Math.max(0.05, 1 + depth * wave);
    px += speed * Math.cos(angle) - pullBack * px;
    py += speed * Math.sin(angle) - pullBack * py;
    pointsX.push(px);
    pointsY.push(py);
  }
  const scale = lengthPx / Math.max(1e-6, pathExtent(pointsX, pointsY));
  // Equal exposure per time step; each step is split into sub-points spaced <= 0.25 px so the
  // trace is continuous, and its weight is shared among them (fast steps come out fainter).
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let t = 0; t < steps; t++) {
    const x0 = pointsX[t]! * scale;
    const y0 = pointsY[t]! * scale;
    const x1 = pointsX[t + 1]! * scale;
    const y1 = pointsY[t + 1]! * scale;
    const sub = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.25));
    for (let s = 0; s < sub; s++) {
      const f = (s + 0.5) / sub;
      xs.push(x0 + (x1 - x0) * f);
      ys.push(y0 + (y1 - y0) * f);
      ws.push(1 / sub);
    }
  }
  return rasterisePath(xs, ys, ws);
}

/** Second moments of a kernel around its centre of mass: sqrt of the eigenvalues, the spread
 * along the major and minor axes. A straight line has minor ~ 0. */
export function kernelSpread(kernel: Kernel): { major: number; minor: number } {
  const { size, data } = kernel;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    mx += x * data[y * size + x]!;
    my += y * data[y * size + x]!;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const w = data[y * size + x]!;
    sxx += w * (x - mx) ** 2;
    syy += w * (y - my) ** 2;
    sxy += w * (x - mx) * (y - my);
  }
  const tr = sxx + syy;
  const disc = Math.sqrt(Math.max(0, ((sxx - syy) / 2) ** 2 + sxy * sxy));
  return { major: Math.sqrt(tr / 2 + disc), minor: Math.sqrt(Math.max(0, tr / 2 - disc)) };
}
