import { describe, expect, it } from 'vitest';
import { sharpJpeg, withCaptureTime } from '../../../e2e/photos.ts';
import { captureTime } from './capture-time.ts';

describe('captureTime', () => {
  it('reads when the photo was taken from EXIF', async () => {
    const taken = new Date(2024, 9, 5, 18, 42, 7);
    expect(await captureTime(withCaptureTime(sharpJpeg(1), taken))).toBe(taken.getTime());
  });

  it('is null for a photo without EXIF or a file that is not a photo', async () => {
    expect(await captureTime(sharpJpeg(1))).toBeNull();
    expect(await captureTime(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
