// Tiny anti-aliased rasteriser for procedural images: coverage from signed distances, so edges
// are one pixel wide like a sharp photo's, never jagged (jaggies would be a fake sharpness cue).
import type { Plane, RgbImage } from './image.ts';

export type Rgb = [number, number, number];

function coverage(signedDistance: number): number {
  return Math.min(1, Math.max(0, 0.5 - signedDistance));
}

/** Paints `color` over the image with per-pixel alpha = coverage * opacity. */
function paint(image: RgbImage, x: number, y: number, color: Rgb, alpha: number): void {
  if (alpha <= 0) return;
  const k = (y * image.width + x) * 3;
  image.data[k] = image.data[k]! + (color[0] - image.data[k]!) * alpha;
  image.data[k + 1] = image.data[k + 1]! + (color[1] - image.data[k + 1]!) * alpha;
  image.data[k + 2] = image.data[k + 2]! + (color[2] - image.data[k + 2]!) * alpha;
}

/** Disc with optional linear shading (shade * offset-from-centre / r brightens one side). */
export function fillDisc(image: RgbImage, cx: number, cy: number, r: number, color: Rgb, shade: [number, number] = [0, 0]): void {
  const x0 = Math.max(0, Math.floor(cx - r - 1));
  const x1 = Math.min(image.width - 1, Math.ceil(cx + r + 1));
  const y0 = Math.max(0, Math.floor(cy - r - 1));
  const y1 = Math.min(image.height - 1, Math.ceil(cy + r + 1));
  const shaded: Rgb = [0, 0, 0];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const a = coverage(Math.hypot(dx, dy) - r);
      if (a <= 0) continue;
      const f = 1 + (shade[0] * dx + shade[1] * dy) / r;
      shaded[0] = color[0] * f;
      shaded[1] = color[1] * f;
      shaded[2] = color[2] * f;
      paint(image, x, y, shaded, a);
    }
  }
}

/** Convex polygon (vertices in order). */
export function fillConvexPolygon(image: RgbImage, xs: number[], ys: number[], color: Rgb, opacity = 1): void {
  const n = xs.length;
  // Half-planes as (nx, ny, c): inside when nx*x + ny*y + c <= 0; normals point outward.
  let area = 0;
  for (let i = 0; i < n; i++) area += xs[i]! * ys[(i + 1) % n]! - xs[(i + 1) % n]! * ys[i]!;
  const sign = area > 0 ? 1 : -1;
  const planes: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const ex = xs[(i + 1) % n]! - xs[i]!;
    const ey = ys[(i + 1) % n]! - ys[i]!;
    const len = Math.hypot(ex, ey) || 1;
    const nx = (sign * ey) / len;
    const ny = (-sign * ex) / len;
    planes.push([nx, ny, -(nx * xs[i]! + ny * ys[i]!)]);
  }
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - 1));
  const x1 = Math.min(image.width - 1, Math.ceil(Math.max(...xs) + 1));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - 1));
  const y1 = Math.min(image.height - 1, Math.ceil(Math.max(...ys) + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let d = -Infinity;
      for (const [nx, ny, c] of planes) d = Math.max(d, nx * (x + 0.5) + ny * (y + 0.5) + c);
      paint(image, x, y, color, coverage(d) * opacity);
    }
  }
}

/** Round-capped stroke from (ax, ay) to (bx, by), accumulated into a coverage plane with max so
 * overlapping strokes of one glyph do not darken twice. */
export function strokeCapsule(cov: Plane, ax: number, ay: number, bx: number, by: number, width: number): void {
  const r = width / 2;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
  const x1 = Math.min(cov.width - 1, Math.ceil(Math.max(ax, bx) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
  const y1 = Math.min(cov.height - 1, Math.ceil(Math.max(ay, by) + r + 1));
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey || 1e-9;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      const py = y + 0.5 - ay;
      const t = Math.min(1, Math.max(0, (px * ex + py * ey) / len2));
      const a = coverage(Math.hypot(px - t * ex, py - t * ey) - r);
      const k = y * cov.width + x;
      if (a > cov.data[k]!) cov.data[k] = a;
    }
  }
}

/** Composites a solid colour through a coverage plane. */
export function inkThrough(image: RgbImage, cov: Plane, color: Rgb): void {
  for (let i = 0; i < cov.data.length; i++) {
    const a = cov.data[i]!;
    if (a <= 0) continue;
    for (let c = 0; c < 3; c++) image.data[i * 3 + c] = image.data[i * 3 + c]! + (color[c]! - image.data[i * 3 + c]!) * a;
  }
}

/** Separable Gaussian for small sigma in plain JS (procedural images stay opencv-free). */
export function smallGaussianBlur(image: RgbImage, sigma: number): RgbImage {
  const half = Math.max(1, Math.ceil(3 * sigma));
  const taps = new Float32Array(2 * half + 1);
  let sum = 0;
  for (let i = -half; i <= half; i++) {
    taps[i + half] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += taps[i + half]!;
  }
  for (let i = 0; i < taps.length; i++) taps[i] = taps[i]! / sum;
  const { width: w, height: h } = image;
  const mirror = (v: number, n: number): number => (v < 0 ? -v : v >= n ? 2 * n - 2 - v : v);
  const tmp = new Float32Array(image.data.length);
  const out = new Float32Array(image.data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let i = -half; i <= half; i++) s += taps[i + half]! * image.data[(y * w + mirror(x + i, w)) * 3 + c]!;
        tmp[(y * w + x) * 3 + c] = s;
      }
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let i = -half; i <= half; i++) s += taps[i + half]! * tmp[(mirror(y + i, h) * w + x) * 3 + c]!;
        out[(y * w + x) * 3 + c] = s;
      }
    }
  }
  return { width: w, height: h, data: out };
}
