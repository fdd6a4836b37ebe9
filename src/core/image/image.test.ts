import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenCv } from './opencv-types.ts';
import { loadOpenCvNode } from '../../node/opencv.ts';
import { downscaleLuma, downscaleRgba, lumaToMat, matToLuma, sobelXY, toLuma, withMats, workingSize } from './image.ts';
import { deadLeaves, trackMats } from '../../test-support/images.ts';

let cv: OpenCv;
beforeAll(async () => {
  cv = await loadOpenCvNode();
}, 60_000);

describe('toLuma', () => {
  it('uses Rec.601 weights and ignores alpha', () => {
    const rgba = { width: 4, height: 1, data: new Uint8ClampedArray([255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 255, 9, 200, 200, 200, 255]) };
    const luma = toLuma(rgba);
    expect(luma.width).toBe(4);
    expect(Array.from(luma.data).map((v) => +v.toFixed(3))).toEqual([76.245, 149.685, 29.07, 200]);
  });
});

describe('workingSize', () => {
  it('fits the long side and keeps the aspect ratio', () => {
    expect(workingSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(workingSize(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(workingSize(4032, 1000, 1600)).toEqual({ width: 1600, height: 397 });
  });

  it('never upsamples and never returns 0', () => {
    expect(workingSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(workingSize(10000, 1, 100)).toEqual({ width: 100, height: 1 });
  });
});

describe('downscaleLuma', () => {
  it('uses the same area weights as downscaleRgba, in floats (3 -> 2)', () => {
    const out = downscaleLuma({ width: 3, height: 1, data: new Float32Array([0, 90, 181]) }, 2, 1);
    // (0 + 90 * 0.5) / 1.5 = 30; (90 * 0.5 + 181) / 1.5 = 150.67: not rounded to 8 bits.
    expect(Array.from(out.data).map((v) => +v.toFixed(2))).toEqual([30, 150.67]);
  });

  it('refuses to upsample, keeps float data when the size is unchanged and converts an 8-bit plane', () => {
    const luma = { width: 2, height: 2, data: new Float32Array(4) };
    expect(downscaleLuma(luma, 2, 2).data).toBe(luma.data);
    expect(downscaleLuma({ width: 2, height: 1, data: new Uint8Array([7, 250]) }, 2, 1).data).toEqual(new Float32Array([7, 250]));
    expect(() => downscaleLuma(luma, 3, 2)).toThrow(RangeError);
  });
});

describe('downscaleRgba', () => {
  it('averages exact 2x2 boxes', () => {
    // 4x2 RGBA: left block red 0/100/200/60 -> mean 90, right block constant 10.
    const r = [0, 100, 10, 10, 200, 60, 10, 10];
    const data = new Uint8ClampedArray(r.flatMap((v) => [v, 255 - v, 7, 255]));
    const out = downscaleRgba({ width: 4, height: 2, data }, 2, 1);
    expect(Array.from(out.data)).toEqual([90, 165, 7, 255, 10, 245, 7, 255]);
  });

  it('weights partial pixels by covered area (3 -> 2)', () => {
    const data = new Uint8ClampedArray([0, 0, 0, 0, 90, 90, 90, 90, 180, 180, 180, 180]);
    const out = downscaleRgba({ width: 3, height: 1, data }, 2, 1);
    // Output 0 covers source [0, 1.5): (0 * 1 + 90 * 0.5) / 1.5 = 30; output 1: (90 * 0.5 + 180) / 1.5 = 150.
    expect(Array.from(out.data.slice(0, 1))).toEqual([30]);
    expect(Array.from(out.data.slice(4, 5))).toEqual([150]);
  });

  it('keeps the mean of a large image and refuses to upsample', () => {
    const luma = deadLeaves(301, 203, 3);
    const data = new Uint8ClampedArray(301 * 203 * 4);
    for (let i = 0; i < luma.data.length; i++) data.fill(Math.round(luma.data[i]), 4 * i, 4 * i + 4);
    const out = downscaleRgba({ width: 301, height: 203, data }, 97, 64);
    const mean = (d: ArrayLike<number>) => {
      let s = 0;
      for (let i = 0; i < d.length; i += 4) s += d[i];
      return s / (d.length / 4);
    };
    expect(Math.abs(mean(out.data) - mean(data))).toBeLessThan(0.5);
    expect(() => downscaleRgba({ width: 4, height: 4, data: new Uint8ClampedArray(64) }, 5, 4)).toThrow(RangeError);
  });
});

describe('Mat helpers', () => {
  it('round-trips luma through a Mat and frees every Mat they create', () => {
    const tracked = trackMats(cv);
    const luma = deadLeaves(40, 30, 1);
    const mat = lumaToMat(tracked.cv, luma);
    expect(matToLuma(mat).data).toEqual(luma.data);
    const { gx } = sobelXY(tracked.cv, mat);
    // Sobel x at an interior pixel equals the hand-computed 3x3 kernel response.
    const at = (x: number, y: number) => luma.data[y * 40 + x];
    const [x, y] = [20, 15];
    const expected = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
    expect(gx[y * 40 + x]).toBeCloseTo(expected, 3);
    mat.delete();
    expect(tracked.live()).toBe(0);
  });

  it('withMats frees its Mats even when the body throws', () => {
    const tracked = trackMats(cv);
    expect(() =>
      withMats(tracked.cv, (scope) => {
        scope.mat();
        scope.keep(new tracked.cv.Mat(4, 4, tracked.cv.CV_32F));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(tracked.live()).toBe(0);
  });
});
