import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH_CLASSES } from '../../src/core/types.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { createRgb } from './image.ts';
import { proceduralImage } from './procedural.ts';
import { mulberry32 } from './rng.ts';
import { BALANCED_MIX, GALLERY_MIX, generateBalancedSamples, generateSamples, makeSample, planLabels, type SampleSource } from './samples.ts';

let cv: OpenCv;
let source: SampleSource;
beforeAll(async () => {
  cv = await loadOpenCvNode();
  source = { image: proceduralImage(mulberry32(2), { kind: 'dead-leaves', width: 160, height: 120 }).image, category: 'procedural-dead-leaves', name: 'leaves' };
});

describe('planLabels', () => {
  it('hits the mix exactly, rare class included', () => {
    const labels = planLabels(mulberry32(1), 100, GALLERY_MIX);
    const count = (c: string): number => labels.filter((l) => l === c).length;
    expect([count('sharp'), count('defocus'), count('motion'), count('gaussian')]).toEqual([70, 14, 14, 2]);
    const balanced = planLabels(mulberry32(1), 10, BALANCED_MIX);
    expect(balanced.length).toBe(10);
    for (const c of PATCH_CLASSES) expect(balanced.filter((l) => l === c).length).toBeGreaterThanOrEqual(2);
  });
});

describe('makeSample', () => {
  it('labels, describes and masks each class', () => {
    for (const label of PATCH_CLASSES) {
      const s = makeSample(cv, mulberry32(3), source, label, { strength: 0.6 });
      expect(s.label).toBe(label);
      expect([s.rgba.width, s.rgba.height]).toEqual([s.meta.width, s.meta.height]);
      expect([s.blurMask.width, s.blurMask.height]).toEqual([s.meta.width, s.meta.height]);
      expect(s.meta.category).toBe('procedural-dead-leaves');
      const blurred = s.blurMask.data.reduce((a, b) => a + b, 0) / s.blurMask.data.length;
      if (label === 'sharp') {
        expect(s.meta.kind).toBe('none');
        expect(blurred).toBe(0);
      } else {
        expect(s.meta.strength).toBe(0.6);
        expect(blurred).toBeGreaterThan(0.35);
      }
    }
  });

  it('keeps bokeh sharp-labelled with a partial mask, and rejects a kind that contradicts the label', () => {
    const s = makeSample(cv, mulberry32(4), source, 'sharp', { bokeh: true });
    expect(s.label).toBe('sharp');
    expect(s.meta.bokeh).toBe(true);
    const blurred = s.blurMask.data.reduce((a, b) => a + b, 0) / s.blurMask.data.length;
    expect(blurred).toBeGreaterThan(0.5);
    expect(blurred).toBeLessThan(0.9);
    expect(() => makeSample(cv, mulberry32(4), source, 'motion', { kind: 'defocus' })).toThrow();
  });

  it('shrinks sources larger than the working resolution before blurring', () => {
    const image = createRgb(1800, 450);
    for (let i = 0; i < image.data.length; i++) image.data[i] = (i % 97) / 97;
    const big: SampleSource = { image, category: 'big', name: 'big' };
    const s = makeSample(cv, mulberry32(6), big, 'defocus', { strength: 0.5 });
    expect(Math.max(s.meta.width, s.meta.height)).toBeLessThanOrEqual(WORKING_MAX_SIDE);
    expect(Math.max(s.meta.width, s.meta.height)).toBeGreaterThanOrEqual(WORKING_MAX_SIDE * 0.5 - 1);
  });

  it('is reproducible: same seed, same JPEG bytes', () => {
    const a = makeSample(cv, mulberry32(9), source, 'motion');
    const b = makeSample(cv, mulberry32(9), source, 'motion');
    expect(Buffer.from(a.jpeg).equals(Buffer.from(b.jpeg))).toBe(true);
    expect(a.meta).toEqual(b.meta);
    // One stream used twice moves on: the second sample is processed differently.
    const rng = mulberry32(9);
    const first = makeSample(cv, rng, source, 'sharp');
    const second = makeSample(cv, rng, source, 'sharp');
    expect(second.meta.pipeline).not.toEqual(first.meta.pipeline);
  });
});

describe('generateSamples', () => {
  it('yields the planned mix from procedural sources when there are no photos, deterministically', () => {
    const options = { seed: 5, count: 8, photos: [], proceduralSize: { width: 96, height: 80 } };
    const first = [...generateBalancedSamples(cv, options)];
    expect(first.map((s) => s.label).sort()).toEqual(['defocus', 'defocus', 'gaussian', 'gaussian', 'motion', 'motion', 'sharp', 'sharp']);
    for (const s of first) expect(s.meta.category.startsWith('procedural-')).toBe(true);
    const again = [...generateSamples(cv, { ...options, mix: BALANCED_MIX })];
    expect(again.map((s) => s.meta)).toEqual(first.map((s) => s.meta));
  });

  it('splits into ranges that together are the whole set (parallel synthesis)', () => {
    const options = { seed: 7, count: 6, photos: [], proceduralSize: { width: 96, height: 80 } };
    const whole = [...generateSamples(cv, options)];
    const parts = [...generateSamples(cv, { ...options, to: 2 }), ...generateSamples(cv, { ...options, from: 2, to: 5 }), ...generateSamples(cv, { ...options, from: 5 })];
    expect(parts.length).toBe(6);
    parts.forEach((s, i) => {
      expect(s.label).toBe(whole[i]!.label);
      expect(Buffer.from(s.jpeg).equals(Buffer.from(whole[i]!.jpeg))).toBe(true);
    });
  });
});
