import { describe, expect, it } from 'vitest';
import { capCropsPerImage, classWeightsFor, copyAugmented, shuffled, type PatchDataset } from './patch-dataset.ts';
import type { DataImage } from './stages/data-images.ts';
import { mulberry32 } from './data/rng.ts';

describe('classWeightsFor', () => {
  const counts = [700, 140, 140, 20];
  const meanWeight = (w: number[]) => counts.reduce((s, c, i) => s + c * w[i]!, 0) / 1000;

  it('balances class totals, or their square root, averaging 1 per patch', () => {
    const balanced = classWeightsFor(counts, 'balanced')!;
    const sqrt = classWeightsFor(counts, 'sqrt')!;
    expect(meanWeight(balanced)).toBeCloseTo(1, 12);
    expect(meanWeight(sqrt)).toBeCloseTo(1, 12);
    expect(counts[0]! * balanced[0]!).toBeCloseTo(counts[3]! * balanced[3]!, 9); // equal totals
    expect(sqrt[3]! / sqrt[0]!).toBeCloseTo(Math.sqrt(balanced[3]! / balanced[0]!), 9);
    expect(classWeightsFor(counts, 'none')).toBeNull();
  });

  it('caps the weight of a nearly absent class and ignores an absent one', () => {
    const w = classWeightsFor([10000, 1, 0, 500], 'balanced')!;
    // Uncapped, class 1 would weigh 10501/3 = 3500x; capped it weighs 20 against class 0's 10501/30000.
    expect(w[1]! / w[0]!).toBeCloseTo(20 / (10501 / 30000), 9);
    expect(w[2]).toBe(0);
  });
});

describe('copyAugmented', () => {
  const size = 4;
  const dataset: PatchDataset = { n: 1, size, data: Float32Array.from({ length: 16 }, (_, i) => i), labels: new Int32Array(1), image: new Int32Array(1) };
  const apply = (symmetry: number) => {
    const out = new Float32Array(16);
    copyAugmented(dataset, 0, symmetry, out, 0);
    return Array.from(out);
  };

  it('gives the 8 distinct symmetries of the square, identity first, values preserved', () => {
    expect(apply(0)).toEqual(Array.from(dataset.data));
    const all = Array.from({ length: 8 }, (_, s) => apply(s).join(','));
    expect(new Set(all).size).toBe(8);
    for (let s = 0; s < 8; s++) expect([...apply(s)].sort((a, b) => a - b)).toEqual(Array.from(dataset.data));
    expect(apply(1).slice(0, 4)).toEqual([3, 2, 1, 0]); // horizontal flip
  });

  it('shuffles reproducibly from a seed', () => {
    const a = Array.from(shuffled(50, mulberry32(4)));
    expect(a).toEqual(Array.from(shuffled(50, mulberry32(4))));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from(shuffled(50, mulberry32(5))));
  });
});

describe('capCropsPerImage', () => {
  const image = (id: string, crops: number): DataImage => ({
    id, set: 'cnn', file: `${id}.jpg`, label: 'sharp', category: 'c', source: id, kind: 'none', strength: null, bokeh: false,
    width: 640, height: 480, features: {}, skipped: { flat: 0, straddling: 0 },
    crops: Array.from({ length: crops }, (_, i) => ({ x: i, y: 0, label: 'sharp' as const })),
  });

  it('keeps at most max crops per image, a seeded subset in the original order', () => {
    const images = [image('a', 50), image('b', 10)];
    const capped = capCropsPerImage(images, 20, 1);
    expect(capped.map((im) => im.crops.length)).toEqual([20, 10]);
    const xs = capped[0]!.crops.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(new Set(xs).size).toBe(20);
    expect(capCropsPerImage(images, 20, 1)[0]!.crops).toEqual(capped[0]!.crops);
    expect(capCropsPerImage(images, 20, 2)[0]!.crops).not.toEqual(capped[0]!.crops);
    expect(images[0]!.crops.length).toBe(50); // input untouched
  });

  it('keeps everything without a cap', () => {
    expect(capCropsPerImage([image('a', 50)], undefined, 1)[0]!.crops.length).toBe(50);
  });
});
