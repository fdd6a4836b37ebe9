import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpeg, encodeJpeg } from './jpeg.ts';
import { rgbToRgba } from './image.ts';
import { proceduralImage } from './procedural.ts';
import { mulberry32 } from './rng.ts';

describe('jpeg', () => {
  it('encodes byte-for-byte like jpeg-js, across qualities and repeated calls', () => {
    const a = rgbToRgba(proceduralImage(mulberry32(1), { kind: 'texture', width: 80, height: 56 }).image);
    const b = rgbToRgba(proceduralImage(mulberry32(2), { kind: 'text', width: 64, height: 72 }).image);
    for (const [img, q] of [[a, 90], [b, 55], [a, 70], [b, 95]] as const) {
      const ours = encodeJpeg(img, q);
      const theirs = jpeg.encode({ width: img.width, height: img.height, data: img.data }, q).data;
      expect(Buffer.from(ours).equals(theirs)).toBe(true);
    }
  });

  it('round-trips an image closely at high quality', () => {
    const img = rgbToRgba(proceduralImage(mulberry32(3), { kind: 'gradient-edges', width: 64, height: 48 }).image);
    const back = decodeJpeg(encodeJpeg(img, 95));
    expect([back.width, back.height]).toEqual([64, 48]);
    let err = 0;
    for (let i = 0; i < img.data.length; i++) err += Math.abs(img.data[i]! - back.data[i]!);
    expect(err / img.data.length).toBeLessThan(3);
  });
});
