import { describe, expect, it } from 'vitest';
import { loadOpenCvNode } from './opencv.ts';

describe('loadOpenCvNode', () => {
  it('resolves to a ready, awaitable opencv module and caches it', async () => {
    const first = loadOpenCvNode();
    const cv = await first;
    expect(loadOpenCvNode()).toBe(first);
    expect(typeof cv.Mat).toBe('function');
    // The emscripten thenable would make this second await hang; the loader removes it.
    expect(await Promise.resolve(cv)).toBe(cv);
    const mat = new cv.Mat(2, 3, cv.CV_8U);
    expect([mat.rows, mat.cols]).toEqual([2, 3]);
    mat.delete();
  }, 60_000);
});
