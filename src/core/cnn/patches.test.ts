import { describe, expect, it } from 'vitest';
import type { LumaImage } from '../types.ts';
import { FLAT_TEXTURE, MAX_PATCHES, PATCH_SIZE, extractPatches, extractPatchAt, globalContrast, patchGrid } from './patches.ts';

/** Deterministic texture: sum of sines plus hashed noise, 0..255-ish around 128. */
function texturedLuma(width: number, height: number, amplitude = 60, base = 128): LumaImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const h = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
      const noise = h - Math.floor(h) - 0.5;
      data[y * width + x] = base + amplitude * (0.5 * Math.sin(x / 3) * Math.cos(y / 5) + noise);
    }
  }
  return { width, height, data };
}

const mapLuma = (luma: LumaImage, f: (v: number, x: number, y: number) => number): LumaImage => ({
  ...luma,
  data: luma.data.map((v, i) => f(v, i % luma.width, Math.floor(i / luma.width))),
});

describe('patchGrid / extractPatches', () => {
  it('covers a 1600x1200 working image with an 8x6 grid of 48 patches', () => {
    const set = extractPatches(texturedLuma(1600, 1200));
    expect(set.size).toBe(PATCH_SIZE);
    expect([set.cols, set.rows, set.n]).toEqual([8, 6, 48]);
    expect(set.data.length).toBe(48 * PATCH_SIZE * PATCH_SIZE);
    expect(set.positions.length).toBe(48);
  });

  it('puts one patch at the centre of every cell, so the cells tile the whole frame', () => {
    for (const [w, h] of [[1600, 1200], [1200, 1600], [1024, 683], [500, 375], [1600, 400]] as const) {
      const set = extractPatches(texturedLuma(w, h));
      expect(set.n).toBeLessThanOrEqual(MAX_PATCHES);
      expect(set.n).toBe(set.cols * set.rows);
      const seen = new Set(set.positions.map((p) => `${p.col},${p.row}`));
      expect(seen.size).toBe(set.n); // every cell exactly once
      for (const p of set.positions) {
        const cellW = w / set.cols;
        const cellH = h / set.rows;
        expect(Math.abs(p.x + PATCH_SIZE / 2 - (p.col + 0.5) * cellW)).toBeLessThanOrEqual(1);
        expect(Math.abs(p.y + PATCH_SIZE / 2 - (p.row + 0.5) * cellH)).toBeLessThanOrEqual(1);
        // Grid never asks for more patches along an axis than fit without overlap.
        expect(cellW).toBeGreaterThanOrEqual(PATCH_SIZE - 1e-9);
        expect(cellH).toBeGreaterThanOrEqual(PATCH_SIZE - 1e-9);
      }
    }
  });

  it('still returns a patch for images smaller than one patch (edge-replicated)', () => {
    const set = extractPatches(texturedLuma(40, 30));
    expect(set.n).toBe(1);
    expect(set.data.every(Number.isFinite)).toBe(true);
    expect(patchGrid(40, 30, 64, 48)).toEqual({ cols: 1, rows: 1 });
  });

  it('gives every patch zero mean', () => {
    const set = extractPatches(texturedLuma(700, 500));
    const area = PATCH_SIZE * PATCH_SIZE;
    for (let i = 0; i < set.n; i++) {
      let s = 0;
      for (let k = 0; k < area; k++) s += set.data[i * area + k]!;
      expect(Math.abs(s / area)).toBeLessThan(1e-4);
    }
  });

  it('removes exposure: brighter or lower-contrast versions of a photo give the same patches', () => {
    const luma = texturedLuma(640, 480, 50, 120);
    const reference = extractPatches(luma).data;
    const brighter = extractPatches(mapLuma(luma, (v) => v + 40)).data;
    const flatter = extractPatches(mapLuma(luma, (v) => 100 + (v - 120) * 0.5)).data;
    let maxDiff = 0;
    for (let i = 0; i < reference.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(brighter[i]! - reference[i]!), Math.abs(flatter[i]! - reference[i]!));
    }
    // Only the 8-bit histogram binning of the contrast estimate differs.
    expect(maxDiff).toBeLessThan(0.03);
  });

  it('keeps flat patches flat and weak texture weak (no per-patch stretching)', () => {
    // Left half strongly textured, right half uniform grey, a strip of faint texture at the bottom right.
    const luma = mapLuma(texturedLuma(1024, 768, 80), (v, x, y) => (x < 512 ? v : y > 640 ? 128 + (v - 128) * 0.05 : 128));
    const set = extractPatches(luma);
    const area = PATCH_SIZE * PATCH_SIZE;
    const strong = set.positions.filter((p) => p.x + PATCH_SIZE < 512);
    const flat = set.positions.filter((p) => p.x > 512 && p.y + PATCH_SIZE < 640);
    const faint = set.positions.filter((p) => p.x > 512 && p.y > 640);
    expect(strong.length).toBeGreaterThan(0);
    expect(flat.length).toBeGreaterThan(0);
    expect(faint.length).toBeGreaterThan(0);
    for (const p of flat) {
      expect(p.texture).toBe(0);
      const i = set.positions.indexOf(p);
      expect(set.data.subarray(i * area, (i + 1) * area).every((v) => v === 0)).toBe(true);
    }
    const strongTexture = Math.min(...strong.map((p) => p.texture));
    for (const p of faint) expect(p.texture).toBeLessThan(strongTexture * 0.1);
    expect(strongTexture).toBeGreaterThan(FLAT_TEXTURE);
  });

  it('normalises an arbitrary crop exactly like the grid does', () => {
    const luma = texturedLuma(800, 600);
    const set = extractPatches(luma);
    const p = set.positions[13]!;
    const crop = extractPatchAt(luma, p.x, p.y, set.contrast);
    const area = PATCH_SIZE * PATCH_SIZE;
    expect(Array.from(crop.data)).toEqual(Array.from(set.data.subarray(13 * area, 14 * area)));
    expect(crop.texture).toBeCloseTo(p.texture, 6);
  });

  it('measures contrast as the 2nd..98th percentile spread', () => {
    const data = new Float32Array(10000);
    for (let i = 0; i < data.length; i++) data[i] = (i % 100) * 2; // uniform 0..198
    const c = globalContrast({ width: 100, height: 100, data });
    expect(c).toBeGreaterThan(186);
    expect(c).toBeLessThan(198);
  });
});
