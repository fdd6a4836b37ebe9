import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH_CLASSES, type PatchClass } from '../../src/core/types.ts';
import { createRgb, type RgbImage } from './image.ts';
import { rgbaLuma } from './measure.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { applyPhonePipeline, drawPipelineParams, type PipelineParams } from './phone-pipeline.ts';
import { proceduralImage } from './procedural.ts';
import { deriveSeed, mulberry32 } from './rng.ts';
import { makeSample, type SampleSource } from './samples.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCvNode();
});

/** Two-sample Kolmogorov-Smirnov statistic. */
function ks(a: number[], b: number[]): number {
  const xs = [...a, ...b].sort((p, q) => p - q);
  const sa = [...a].sort((p, q) => p - q);
  const sb = [...b].sort((p, q) => p - q);
  const cdf = (s: number[], x: number): number => {
    let n = 0;
    while (n < s.length && s[n]! <= x) n++;
    return n / s.length;
  };
  return Math.max(...xs.map((x) => Math.abs(cdf(sa, x) - cdf(sb, x))));
}

function grey(level: number, w = 96, h = 96): RgbImage {
  const img = createRgb(w, h);
  img.data.fill(level);
  return img;
}

function std(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m += values[i]!;
  m /= values.length;
  let v = 0;
  for (let i = 0; i < values.length; i++) v += (values[i]! - m) ** 2;
  return Math.sqrt(v / values.length);
}

describe('phone pipeline', () => {
  it('draws every parameter from the documented ranges', () => {
    for (let i = 0; i < 500; i++) {
      const p = drawPipelineParams(mulberry32(i), 800, 600);
      expect(p.jpegQuality).toBeGreaterThanOrEqual(55);
      expect(p.jpegQuality).toBeLessThanOrEqual(95);
      expect(p.downscale).toBeGreaterThanOrEqual(0.5);
      expect(p.downscale).toBeLessThanOrEqual(1);
      expect(p.iso).toBeGreaterThanOrEqual(50);
      if (p.lowLight) expect(p.exposureEv).toBeLessThan(-0.5);
    }
  });

  it('never shrinks below the minimum side', () => {
    for (let i = 0; i < 200; i++) expect(400 * drawPipelineParams(mulberry32(i), 400, 400).downscale).toBeGreaterThanOrEqual(319.9);
  });

  it('adds more noise at higher ISO', () => {
    const base = drawPipelineParams(mulberry32(1), 96, 96);
    const clean: PipelineParams = { ...base, exposureEv: 0, lowLight: false, noiseReduction: null, sharpenAmount: 0, downscale: 1, jpegQuality: 95, gamma: 1, contrast: 0 };
    const measured = [100, 800, 6400].map((iso) => {
      const p = { ...clean, iso, shotNoise: 1.4e-4 * (iso / 100), readNoise: 6e-4 * Math.sqrt(iso / 100) };
      return std(rgbaLuma(applyPhonePipeline(cv, mulberry32(2), grey(0.46), p).rgba).data);
    });
    expect(measured[1]!).toBeGreaterThan(measured[0]! * 1.8);
    expect(measured[2]!).toBeGreaterThan(measured[1]! * 1.8);
    // ISO 100 at mid-grey lands near the calibrated ~1.5/255.
    expect(measured[0]! * 255).toBeGreaterThan(0.7);
    expect(measured[0]! * 255).toBeLessThan(3);
  });

  it('darkens with negative exposure and resizes by the downscale factor', () => {
    const p = { ...drawPipelineParams(mulberry32(3), 200, 150), exposureEv: -1.5, downscale: 0.6, noiseReduction: null };
    const out = applyPhonePipeline(cv, mulberry32(4), grey(0.5, 200, 150), p);
    expect(out.rgba.width).toBe(120);
    expect(out.rgba.height).toBe(90);
    const mean = rgbaLuma(out.rgba).data.reduce((a, b) => a + b, 0) / (120 * 90);
    expect(mean).toBeLessThan(0.42);
  });

  it('writes a real JPEG at the drawn quality (lower quality, smaller file)', () => {
    const img = proceduralImage(mulberry32(5), { kind: 'texture', width: 160, height: 120 }).image;
    const base = { ...drawPipelineParams(mulberry32(6), 160, 120), downscale: 1 };
    const hi = applyPhonePipeline(cv, mulberry32(7), img, { ...base, jpegQuality: 95 });
    const lo = applyPhonePipeline(cv, mulberry32(7), img, { ...base, jpegQuality: 55 });
    expect([hi.jpeg[0], hi.jpeg[1]]).toEqual([0xff, 0xd8]);
    expect(lo.jpeg.length).toBeLessThan(hi.jpeg.length * 0.8);
  });

  describe('is class-independent', () => {
    const classes = PATCH_CLASSES;
    const sources = (seed: number): SampleSource => ({
      image: proceduralImage(mulberry32(seed), { width: 112, height: 96 }).image,
      category: 'procedural',
      name: String(seed),
    });

    it('gives identical processing to every class for the same seed', () => {
      for (let seed = 0; seed < 6; seed++) {
        const src = sources(seed);
        const params = classes.map((label) => makeSample(cv, mulberry32(seed), src, label, { bokeh: label === 'sharp' && seed % 2 === 0 }).meta.pipeline);
        for (const p of params.slice(1)) expect(p).toEqual(params[0]);
      }
    });

    it('processes a flat image (which blur cannot change) the same way whatever the class', () => {
      // Any class-dependent step (noise skipped, different sharpening...) would show up here.
      const flat: SampleSource = { image: grey(0.45, 120, 90), category: 'flat', name: 'flat' };
      for (let seed = 0; seed < 3; seed++) {
        const outputs = classes.map((label) => makeSample(cv, mulberry32(seed), flat, label, { strength: 1, bokeh: label === 'sharp' }).rgba);
        for (const out of outputs.slice(1)) {
          let diff = 0;
          for (let i = 0; i < out.data.length; i++) diff += Math.abs(out.data[i]! - outputs[0]!.data[i]!);
          expect(diff / out.data.length).toBeLessThan(0.5);
        }
      }
    });

    it('gives the classes the same distributions of noise, JPEG quality and brightness', () => {
      const perClass = 24;
      const stats = new Map<PatchClass, { noise: number[]; quality: number[]; brightness: number[] }>();
      classes.forEach((label, c) => {
        const s = { noise: [] as number[], quality: [] as number[], brightness: [] as number[] };
        for (let i = 0; i < perClass; i++) {
          // Disjoint seeds per class: equal distributions, not equal draws.
          const seed = deriveSeed(77, c, i);
          const sample = makeSample(cv, mulberry32(seed), sources(seed), label);
          s.noise.push(sample.meta.pipeline.noiseSigmaMidGrey);
          s.quality.push(sample.meta.pipeline.jpegQuality);
          const luma = rgbaLuma(sample.rgba).data;
          s.brightness.push(luma.reduce((a, b) => a + b, 0) / luma.length);
        }
        stats.set(label, s);
      });
      // KS critical value at alpha = 0.001 for two samples of 24: 1.95 * sqrt(2 / 24) = 0.56.
      const sharp = stats.get('sharp')!;
      for (const label of classes.slice(1)) {
        const other = stats.get(label)!;
        expect(ks(sharp.noise, other.noise), `${label} noise`).toBeLessThan(0.56);
        expect(ks(sharp.quality, other.quality), `${label} quality`).toBeLessThan(0.56);
        expect(ks(sharp.brightness, other.brightness), `${label} brightness`).toBeLessThan(0.56);
      }
    });
  });
});
