// Sharp images made from nothing but a seed, so training works without any photo and the
// detector meets every scale of detail: dead leaves (scale-invariant like natural scenes), text
// (thin high-contrast strokes, the first thing people notice blurred), fine textures, and
// near-empty gradients with a few edges (where blur is hard to see at all).
import { createRgb, type RgbImage } from './image.ts';
import { fillConvexPolygon, fillDisc, inkThrough, smallGaussianBlur, strokeCapsule, type Rgb } from './raster.ts';
import type { Rng } from './rng.ts';
import { fill, hsv, linearGradient, naturalColor } from './colour.ts';

export type ProceduralKind = 'dead-leaves' | 'text' | 'texture' | 'gradient-edges';
export const PROCEDURAL_KINDS: readonly ProceduralKind[] = ['dead-leaves', 'text', 'texture', 'gradient-edges'];

export interface ProceduralOptions {
  kind?: ProceduralKind;
  width?: number;
  height?: number;
}

export interface ProceduralImage {
  image: RgbImage;
  kind: ProceduralKind;
  /** Optical softness applied at the end (a real lens never renders a 0-px edge). */
  lensSigma: number;
}

function deadLeaves(rng: Rng, image: RgbImage): void {
  const { width: w, height: h } = image;
  fill(image, naturalColor(rng));
  const rMin = rng.uniform(1.5, 3);
  const rMax = Math.min(w, h) * rng.uniform(0.12, 0.3);
  // Radii with density ~ r^-3 make the visible pattern scale-invariant, like natural scenes.
  const invMin = 1 / (rMin * rMin);
  const invMax = 1 / (rMax * rMax);
  const meanArea = 2 * Math.PI * Math.log(rMax / rMin) / (invMin - invMax);
  // Enough discs to cover the frame ~5 times: under 1% of the background shows through.
  const count = Math.ceil((5 * w * h) / meanArea);
  for (let i = 0; i < count; i++) {
    const r = 1 / Math.sqrt(invMin - rng.next() * (invMin - invMax));
    const cx = rng.uniform(-r, w + r);
    const cy = rng.uniform(-r, h + r);
    const shade: [number, number] = rng.chance(0.4) ? [rng.uniform(-0.15, 0.15), rng.uniform(-0.15, 0.15)] : [0, 0];
    fillDisc(image, cx, cy, r, naturalColor(rng), shade);
  }
}

type Stroke = [number, number][];

/** A glyph: 1-4 strokes (polylines or arcs) in a unit cell, x 0..width, y 0 (top) .. 1 (baseline). */
function randomGlyph(rng: Rng): { strokes: Stroke[]; width: number } {
  const width = rng.uniform(0.35, 0.75);
  const strokes: Stroke[] = [];
  const n = rng.int(1, 4);
  const xStops = [0, width / 2, width];
  const yStops = [0, 0.35, 0.62, 1];
  for (let s = 0; s < n; s++) {
    if (rng.chance(0.35)) {
      const cx = width / 2;
      const cy = rng.pick([0.62, 0.5, 0.3]);
      const rx = width / 2;
      const ry = rng.uniform(0.2, 0.38);
      const a0 = rng.uniform(0, 2 * Math.PI);
      const sweep = rng.uniform(Math.PI * 0.7, Math.PI * 2);
      const arc: Stroke = [];
      for (let i = 0; i <= 12; i++) {
        const a = a0 + (sweep * i) / 12;
        arc.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
      }
      strokes.push(arc);
    } else {
      const pts = rng.int(2, 3);
      const line: Stroke = [];
      for (let i = 0; i < pts; i++) line.push([rng.pick(xStops), rng.pick(yStops)]);
      strokes.push(line);
    }
  }
  return { strokes, width };
}

function textDocument(rng: Rng, image: RgbImage): void {
  const { width: w, height: h } = image;
  const dark = rng.chance(0.25);
  const paper: Rgb = dark ? hsv(rng.next(), rng.uniform(0, 0.3), rng.uniform(0.05, 0.25)) : hsv(rng.next(), rng.uniform(0, 0.12), rng.uniform(0.78, 0.97));
  const paperEdge: Rgb = [paper[0] * rng.uniform(0.8, 1), paper[1] * rng.uniform(0.8, 1), paper[2] * rng.uniform(0.8, 1)];
  linearGradient(image, paper, paperEdge, rng.uniform(0, 2 * Math.PI));
  // A few figures/boxes, as on real pages and screens.
  for (let i = rng.int(0, 3); i > 0; i--) {
    const bw = rng.uniform(0.1, 0.4) * w;
    const bh = rng.uniform(0.05, 0.25) * h;
    const bx = rng.uniform(0, w - bw);
    const by = rng.uniform(0, h - bh);
    fillConvexPolygon(image, [bx, bx + bw, bx + bw, bx], [by, by, by + bh, by + bh], naturalColor(rng));
  }
  const alphabet = Array.from({ length: 40 }, () => randomGlyph(rng));
  const ink: Rgb = dark ? hsv(rng.next(), rng.uniform(0, 0.2), rng.uniform(0.75, 0.95)) : hsv(rng.next(), rng.uniform(0, 0.6), rng.uniform(0, 0.3));
  const cov = { width: w, height: h, data: new Float32Array(w * h) };
  let y = rng.uniform(0.03, 0.1) * h;
  while (y < h) {
    // Paragraphs with their own size: headings, body text, fine print.
    const size = rng.logUniform(7, 42);
    const weight = size * rng.uniform(0.07, 0.14);
    const margin = rng.uniform(0.03, 0.15) * w;
    const lines = rng.int(1, 6);
    for (let l = 0; l < lines && y + size < h; l++) {
      let x = margin;
      const lineEnd = w - rng.uniform(0.03, 0.2) * w;
      while (x < lineEnd) {
        const letters = rng.int(1, 9);
        for (let g = 0; g < letters && x < lineEnd; g++) {
          const glyph = rng.pick(alphabet);
          for (const stroke of glyph.strokes) {
            for (let i = 1; i < stroke.length; i++) {
              const [ax, ay] = stroke[i - 1]!;
              const [bx, by] = stroke[i]!;
              strokeCapsule(cov, x + ax * size, y + ay * size, x + bx * size, y + by * size, Math.max(0.8, weight));
            }
          }
          x += glyph.width * size + size * 0.18;
        }
        x += size * rng.uniform(0.35, 0.6);
      }
      y += size * rng.uniform(1.25, 1.7);
    }
    y += rng.uniform(0.5, 2.5) * size;
  }
  inkThrough(image, cov, ink);
}

/** Value noise with smooth interpolation, octaves from `cell` px down to 2 px: a 1/f^beta field. */
function fractalNoise(rng: Rng, w: number, h: number, cell: number, beta: number): Float32Array {
  const out = new Float32Array(w * h);
  let amp = 1;
  let total = 0;
  for (let size = cell; size >= 2; size /= 2) {
    const gw = Math.ceil(w / size) + 2;
    const gh = Math.ceil(h / size) + 2;
    const grid = new Float32Array(gw * gh);
    for (let i = 0; i < grid.length; i++) grid[i] = rng.next() * 2 - 1;
    for (let y = 0; y < h; y++) {
      const gy = y / size;
      const iy = Math.floor(gy);
      let fy = gy - iy;
      fy = fy * fy * (3 - 2 * fy);
      for (let x = 0; x < w; x++) {
        const gx = x / size;
        const ix = Math.floor(gx);
        let fx = gx - ix;
        fx = fx * fx * (3 - 2 * fx);
        const a = grid[iy * gw + ix]! + (grid[iy * gw + ix + 1]! - grid[iy * gw + ix]!) * fx;
        const b = grid[(iy + 1) * gw + ix]! + (grid[(iy + 1) * gw + ix + 1]! - grid[(iy + 1) * gw + ix]!) * fx;
        out[y * w + x] = out[y * w + x]! + amp * (a + (b - a) * fy);
      }
    }
    total += amp;
    amp *= Math.pow(0.5, beta);
  }
  for (let i = 0; i < out.length; i++) out[i] = 0.5 + (0.5 * out[i]!) / Math.sqrt(total);
  return out;
}

/** Widest transition (px) a texture's edges may have. A sharp photo's texture has crisp detail
 * somewhere; a field made only of smooth waves or smooth blobs looks exactly like a blurred one (a
 * person would call it soft), and as a "sharp" example it taught the detector that soft is fine. */
const MAX_TEXTURE_EDGE_PX = 1.5;

/** One texture as a 0..1 field (mapped through two colours by the caller). */
export function textureField(rng: Rng, w: number, h: number): Float32Array {
  const kind = rng.pick(['grating', 'crossed', 'noise', 'speckle'] as const);
  // Octave amplitudes fall by 2^-beta: up to 0.7 the 2-4 px octaves keep a visible fine grain.
  if (kind === 'noise') return fractalNoise(rng, w, h, rng.pick([8, 16, 32, 64]), rng.uniform(0.2, 0.7));
  if (kind === 'speckle') {
    // Gravel/foliage-like: fine noise pushed through a steep curve.
    const base = fractalNoise(rng, w, h, rng.pick([4, 8]), rng.uniform(0.1, 0.5));
    const k = rng.uniform(3, 8);
    return base.map((v) => 1 / (1 + Math.exp(-k * (v - 0.5) * 4)));
  }
  const out = new Float32Array(w * h);
  // Up to 0.35 cycles/px: finer stripes would alias and read as noise, not detail.
  const waves = (kind === 'crossed' ? 2 : 1);
  const params = Array.from({ length: waves }, () => {
    const f = rng.logUniform(0.03, 0.35);
    // tanh(hardness * sin) steps over about 1 / (pi f hardness) px: hard enough for a crisp edge
    // at any period (a plain sine wave is fine detail only when its period is a few px).
    const crisp = 1 / (Math.PI * f * MAX_TEXTURE_EDGE_PX);
    return { f, theta: rng.uniform(0, Math.PI), phase: rng.uniform(0, 2 * Math.PI), hardness: Math.max(rng.uniform(1, 4), crisp) };
  });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const p of params) {
        const s = Math.sin(2 * Math.PI * p.f * (x * Math.cos(p.theta) + y * Math.sin(p.theta)) + p.phase);
        v += Math.tanh(p.hardness * s) / Math.tanh(p.hardness);
      }
      out[y * w + x] = 0.5 + (0.5 * v) / waves;
    }
  }
  return out;
}

/** Several textured regions meeting at soft (1 px) Voronoi borders. */
function textures(rng: Rng, image: RgbImage): void {
  const { width: w, height: h } = image;
  const regions = rng.int(2, 5);
  const seeds = Array.from({ length: regions }, () => [rng.uniform(0, w), rng.uniform(0, h)] as const);
  const fields = seeds.map(() => ({ field: textureField(rng, w, h), a: naturalColor(rng), b: naturalColor(rng) }));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let best = 0;
      let bestD = Infinity;
      let second = 0;
      let secondD = Infinity;
      for (let s = 0; s < regions; s++) {
        const d = Math.hypot(x - seeds[s]![0], y - seeds[s]![1]);
        if (d < bestD) {
          second = best;
          secondD = bestD;
          best = s;
          bestD = d;
        } else if (d < secondD) {
          second = s;
          secondD = d;
        }
      }
      // Distance to the bisector between the two nearest seeds gives a 1 px anti-aliased border.
      const sx = seeds[second]![0] - seeds[best]![0];
      const sy = seeds[second]![1] - seeds[best]![1];
      const gap = (secondD * secondD - bestD * bestD) / (2 * Math.hypot(sx, sy) || 1);
      const t = Math.min(1, 0.5 + gap);
      const i = y * w + x;
      const fa = fields[best]!;
      const fb = fields[second]!;
      for (let c = 0; c < 3; c++) {
        const va = fa.a[c]! + (fa.b[c]! - fa.a[c]!) * fa.field[i]!;
        const vb = fb.a[c]! + (fb.b[c]! - fb.a[c]!) * fb.field[i]!;
        image.data[i * 3 + c] = vb + (va - vb) * t;
      }
    }
  }
}

function gradientEdges(rng: Rng, image: RgbImage): void {
  const { width: w, height: h } = image;
  linearGradient(image, naturalColor(rng), naturalColor(rng), rng.uniform(0, 2 * Math.PI));
  for (let i = rng.int(3, 10); i > 0; i--) {
    const color = naturalColor(rng);
    const shape = rng.pick(['polygon', 'disc', 'line'] as const);
    if (shape === 'disc') {
      fillDisc(image, rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.03, 0.25) * Math.min(w, h), color, [rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)]);
    } else if (shape === 'line') {
      // Wires, poles, window frames: thin lines are what blur erases first.
      const cov = { width: w, height: h, data: new Float32Array(w * h) };
      strokeCapsule(cov, rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, w), rng.uniform(0, h), rng.uniform(1, 4));
      inkThrough(image, cov, color);
    } else {
      const cx = rng.uniform(0, w);
      const cy = rng.uniform(0, h);
      const r = rng.uniform(0.05, 0.35) * Math.min(w, h);
      const n = rng.int(3, 7);
      const angles = Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI)).sort((p, q) => p - q);
      fillConvexPolygon(image, angles.map((a) => cx + r * Math.cos(a)), angles.map((a) => cy + r * Math.sin(a)), color, rng.uniform(0.7, 1));
    }
  }
}

/** Picks a frame size like a phone's, 512-1024 px on the long side. */
function frameSize(rng: Rng): { width: number; height: number } {
  const long = rng.int(512, 1024);
  const aspect = rng.pick([1, 4 / 3, 3 / 2, 16 / 9]);
  const short = Math.round(long / aspect);
  return rng.chance(0.5) ? { width: long, height: short } : { width: short, height: long };
}

export function proceduralImage(rng: Rng, options: ProceduralOptions = {}): ProceduralImage {
  const kind = options.kind ?? rng.pick(PROCEDURAL_KINDS);
  const size = options.width && options.height ? { width: options.width, height: options.height } : frameSize(rng);
  const image = createRgb(size.width, size.height);
  if (kind === 'dead-leaves') deadLeaves(rng, image);
  else if (kind === 'text') textDocument(rng, image);
  else if (kind === 'texture') textures(rng, image);
  else gradientEdges(rng, image);
  const lensSigma = rng.uniform(0.35, 0.7);
  const soft = smallGaussianBlur(image, lensSigma);
  for (let i = 0; i < soft.data.length; i++) soft.data[i] = Math.min(1, Math.max(0, soft.data[i]!));
  return { image: soft, kind, lensSigma };
}
