// The Node side of the one JPEG decoder (libjpeg-turbo wasm + src/core/jpeg): what eval and
// training read. e2e/decode-parity.spec.ts pins it to the app's worker; this pins it to the
// jpeg-js decode the models were trained on, and checks the files a camera roll holds.
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharpScene, toJpeg, sharpJpeg } from '../../e2e/photos.ts';
import { cmykJpeg, corruptJpeg, greyscaleJpeg, truncatedJpeg } from '../../e2e/crafted-files.ts';
import { downscaleRgba, toLuma, workingSize } from '../core/image/image.ts';
import { decodeJpegLuma } from '../core/jpeg/jpeg-luma.ts';
import { JpegDecodeError } from '../core/jpeg/turbo-jpeg.ts';
import type { LumaImage } from '../core/types.ts';
import { decodeJpegFileLuma, decodeJpegForAnalysis, turboJpegNode } from './jpeg-decoder.ts';

/** The decode eval and training used before: jpeg-js at full size, area downscale, Rec.601 luma. */
function jpegJsLuma(bytes: Uint8Array, maxSide: number): LumaImage {
  const full = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
  const size = workingSize(full.width, full.height, maxSide);
  return toLuma(downscaleRgba(full, size.width, size.height));
}

function meanAbsDifference(a: LumaImage, b: LumaImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

describe('decodeJpegLuma in Node', () => {
  it('gives the luma jpeg-js gave, within half a grey level on average', () => {
    // jpeg-js truncates its RGB to integers (~0.4 darker on average); libjpeg rounds its Y plane.
    const bytes = sharpJpeg(7);
    const mad = meanAbsDifference(decodeJpegLuma(turboJpegNode(), bytes, 1600).luma, jpegJsLuma(bytes, 1600));
    expect(mad).toBeLessThan(0.6);
  });

  it('decodes a 12 MP photo at a reduced DCT scale to the working size, close to a full decode and area downscale', () => {
    const bytes = toJpeg(sharpScene(8, 4032, 3024));
    const decoded = decodeJpegLuma(turboJpegNode(), bytes, 1600);
    expect(decoded).toMatchObject({ sourceWidth: 4032, sourceHeight: 3024, eighths: 6, warning: false });
    expect([decoded.luma.width, decoded.luma.height]).toEqual([1600, 1200]);
    // The n/8 IDCT drops the frequencies above its own Nyquist, which the area downscale partly
    // keeps: 1.02 grey levels on this very busy scene (real photos: 0.5-0.7).
    expect(meanAbsDifference(decoded.luma, jpegJsLuma(bytes, 1600))).toBeLessThan(1.25);
  });

  it('applies EXIF orientation 5..8 by turning the luma', () => {
    const bytes = sharpJpeg(9);
    const upright = decodeJpegLuma(turboJpegNode(), bytes, 1600);
    const turned = decodeJpegLuma(turboJpegNode(), bytes, 1600, 6);
    expect([turned.sourceWidth, turned.sourceHeight, turned.luma.width, turned.luma.height]).toEqual([480, 640, 480, 640]);
    // Shown pixel (x, y) of a 90-degree clockwise turn is stored pixel (y, height - 1 - x).
    expect(turned.luma.data[0]).toBe(upright.luma.data[(480 - 1) * 640]);
  });

  it('decodes greyscale and Adobe CMYK JPEGs to the luma of the scene they were made from', () => {
    const scene = toLuma(jpeg.decode(sharpJpeg(35), { useTArray: true, formatAsRGBA: true }));
    const grey = decodeJpegLuma(turboJpegNode(), greyscaleJpeg(35), 1600).luma;
    expect(meanAbsDifference(grey, scene)).toBeLessThan(3);
    const cmyk = decodeJpegLuma(turboJpegNode(), cmykJpeg(35), 1600).luma;
    expect(meanAbsDifference(cmyk, scene)).toBeLessThan(4);
  });

  it('flags a truncated JPEG, refuses a damaged one, and decodes the next file as before', () => {
    expect(decodeJpegLuma(turboJpegNode(), truncatedJpeg(21), 1600).warning).toBe(true);
    expect(() => decodeJpegLuma(turboJpegNode(), corruptJpeg(22), 1600)).toThrow(JpegDecodeError);
    const bytes = sharpJpeg(7);
    expect(meanAbsDifference(decodeJpegLuma(turboJpegNode(), bytes, 1600).luma, jpegJsLuma(bytes, 1600))).toBeLessThan(0.6);
  });

  it('decodeJpegFileLuma reads the file, its EXIF orientation, and refuses warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpeg-node-'));
    writeFileSync(join(dir, 'ok.jpg'), sharpJpeg(7));
    writeFileSync(join(dir, 'cut.jpg'), truncatedJpeg(21));
    expect(decodeJpegFileLuma(join(dir, 'ok.jpg'), 1600)).toMatchObject({ width: 640, height: 480 });
    expect(() => decodeJpegFileLuma(join(dir, 'cut.jpg'), 1600)).toThrow(/warned/);
  });

  it('decodeJpegForAnalysis gives the same luma and, when asked, a small colour copy from one read', () => {
    const bytes = sharpJpeg(7);
    const plain = decodeJpegForAnalysis(bytes, 1600, 'ok.jpg');
    expect(plain.preview).toBeUndefined();
    const withPreview = decodeJpegForAnalysis(bytes, 1600, 'ok.jpg', 320);
    expect(withPreview.luma.data).toEqual(plain.luma.data);
    expect(withPreview.preview).toMatchObject({ width: 320, height: 240 });
    expect(withPreview.preview!.data.length).toBe(320 * 240 * 4);
    expect(() => decodeJpegForAnalysis(truncatedJpeg(21), 1600, 'cut.jpg', 320)).toThrow(/cut\.jpg: libjpeg warned/);
  });
});
