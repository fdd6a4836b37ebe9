import { describe, expect, it } from 'vitest';
import { deriveSeed, fillNormals, hashString, inverseNormalCdf, mulberry32 } from './rng.ts';

describe('rng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(mulberry32(43).next()).not.toBe(seqA[0]);
  });

  it('draws in range with the right moments', () => {
    const r = mulberry32(1);
    const n = 20000;
    const normals = Array.from({ length: n }, () => r.normal());
    const uniforms = Array.from({ length: n }, () => r.uniform(2, 3));
    const ints = new Set(Array.from({ length: n }, () => r.int(1, 3)));
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const meanSquare = normals.reduce((a, b) => a + b * b, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(meanSquare).toBeCloseTo(1, 1);
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...uniforms)).toBeLessThan(3);
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });

  it('fills standard normal noise', () => {
    const v = fillNormals(mulberry32(3), new Float32Array(50001));
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(1, 1);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.96, 3);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.0902, 3);
  });

  it('forks reproducible child streams that differ on each fork', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = a.fork('x').next();
    expect(b.fork('x').next()).toBe(first);
    expect(a.fork('x').next()).not.toBe(first);
    expect(mulberry32(7).fork('y').next()).not.toBe(first);
  });

  it('derives distinct seeds from salts', () => {
    expect(deriveSeed(1, 'a', 2)).toBe(deriveSeed(1, 'a', 2));
    expect(new Set([deriveSeed(1, 'a'), deriveSeed(1, 'b'), deriveSeed(2, 'a'), deriveSeed(1, 'a', 0)]).size).toBe(4);
    expect(hashString('kodak24/kodim01.jpg')).not.toBe(hashString('kodak24/kodim02.jpg'));
  });
});
