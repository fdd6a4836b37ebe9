import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from '../image/opencv-types.ts';
import type { LumaImage } from '../types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { blurAwareEdges, hysteresis } from './canny.ts';
import { deadLeaves, flatImage, gaussianBlur, loadSharpPhoto, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
let leaves: LumaImage;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  leaves = deadLeaves(320, 240, 71);
}, 60_000);

/** 100x80, a 60x40 rectangle of grey 190 on 60, corners at (20, 20) and (79, 59). */
function rectangle(): LumaImage {
  const w = 100, h = 80;
  const data = new Float32Array(w * h);
  for (let i = 0; i < data.length; i++) {
    const x = i % w, y = Math.floor(i / w);
    data[i] = x >= 20 && x < 80 && y >= 20 && y < 60 ? 190 : 60;
  }
  return { width: w, height: h, data };
}

const count = (edges: Uint8Array) => edges.reduce((n, v) => n + (v ? 1 : 0), 0);

describe('blurAwareEdges', () => {
  it('traces a sharp rectangle as a thin closed outline', () => {
    const result = blurAwareEdges(cv, rectangle());
    expect(result.smoothed).toBe(true);
    expect([result.width, result.height, result.edges.length]).toEqual([100, 80, 8000]);
    expect(result.edges.every((v) => v === 0 || v === 255)).toBe(true);
    // Perimeter is 2 * (60 + 40) = 200; rounded corners may shave a few pixels.
    expect(count(result.edges)).toBeGreaterThan(180);
    expect(count(result.edges)).toBeLessThan(220);
    for (let y = 25; y < 55; y++) {
      const row = Array.from(result.edges.slice(y * 100, (y + 1) * 100));
      const xs = row.flatMap((v, x) => (v ? [x] : []));
      expect(xs.length).toBe(2); // one pixel thick on each side
      expect(Math.abs(xs[0] - 19.5)).toBeLessThanOrEqual(1);
      expect(Math.abs(xs[1] - 79.5)).toBeLessThanOrEqual(1);
    }
  });

  it('skips the smoothing on a blurry photo, which keeps more of its faint edges', () => {
    const blurry = gaussianBlur(cv, leaves, 3);
    // Thresholds around the gradient of a sigma-3 edge of moderate contrast: where smoothing decides.
    const auto = blurAwareEdges(cv, blurry, { low: 40, high: 100 });
    expect(auto.smoothed).toBe(false);
    const forcedSmoothing = blurAwareEdges(cv, blurry, { alreadyBlurry: false, low: 40, high: 100 });
    expect(forcedSmoothing.smoothed).toBe(true);
    expect(count(auto.edges)).toBeGreaterThan(1.5 * count(forcedSmoothing.edges));
    expect(blurAwareEdges(cv, loadSharpPhoto('set14/baboon.jpg')).smoothed).toBe(true);
  });

  it('respects explicit thresholds and finds nothing on a flat image', () => {
    expect(count(blurAwareEdges(cv, leaves, { high: 5000 }).edges)).toBe(0);
    const loose = count(blurAwareEdges(cv, leaves, { low: 20, high: 60 }).edges);
    const strict = count(blurAwareEdges(cv, leaves, { low: 80, high: 200 }).edges);
    expect(loose).toBeGreaterThan(strict);
    expect(count(blurAwareEdges(cv, flatImage(50, 40)).edges)).toBe(0);
    expect(blurAwareEdges(cv, flatImage(1, 1)).edges.length).toBe(1);
  });

  it('frees its Mats', () => {
    const tracked = trackMats(cv);
    blurAwareEdges(tracked.cv, leaves);
    blurAwareEdges(tracked.cv, leaves, { alreadyBlurry: true });
    expect(tracked.live()).toBe(0);
  });
});

describe('hysteresis', () => {
  it('keeps weak pixels connected to a strong one and drops isolated weak ones', () => {
    // 7x3: a chain strong(50) - weak(20) - weak(20) on row 1, an isolated weak pixel at the far end.
    const thin = new Float32Array(21);
    thin[7 + 1] = 50;
    thin[7 + 2] = 20;
    thin[14 + 3] = 20; // diagonal neighbour of the chain
    thin[6] = 20; // isolated
    const edges = hysteresis(thin, 7, 3, 10, 40);
    expect(Array.from(edges.keys()).filter((i) => edges[i] === 255)).toEqual([8, 9, 17]);
  });
});
