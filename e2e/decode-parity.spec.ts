// The app's worker and Node (`npm run eval`, training) decode a JPEG to the same luma: the same
// libjpeg-turbo wasm and the same src/core/jpeg code on both sides, so published numbers are
// the app's numbers. Tolerance 1e-3 grey levels (of 255): identical in practice, with room for
// float summation order only; a different decoder, scale or resize differs by ~0.5 on average.
import { test, expect } from './fixtures.ts';
import { sharpJpeg } from './photos.ts';
import { cmykJpeg, greyscaleJpeg } from './crafted-files.ts';
import { turboJpegNode } from '../src/node/jpeg-decoder.ts';
import { decodeJpegLuma } from '../src/core/jpeg/jpeg-luma.ts';
import { WORKING_MAX_SIDE } from '../src/core/image/working-resolution.ts';

/** A JPEG with an EXIF APP1 segment (big-endian TIFF, one IFD entry) saying `orientation`. */
function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

test('the worker and Node decode the same JPEGs to the same luma', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/src/bench/index.html');
  await page.waitForSelector('body[data-ready=true]');
  // One photo the browser made (4:2:0, 4032x3024: the scaled path), then files made in Node.
  await page.evaluate(() => window.blurBench.generate(1, 5));
  const generated = await page.evaluate(() => window.blurBench.decodeLuma(0));
  const crafted = { 'rotated-6.jpg': withOrientation(sharpJpeg(41), 6), 'grey.jpg': greyscaleJpeg(42), 'cmyk.jpg': cmykJpeg(43) };
  await page.evaluate((files) => window.blurBench.usePhotos(files), Object.values(crafted).map((b) => b.toString('base64')));
  const decoded = [{ name: 'generated-12mp.jpg', ...generated }];
  for (const [i, name] of Object.keys(crafted).entries()) decoded.push({ name, ...(await page.evaluate((n) => window.blurBench.decodeLuma(n), i)) });

  for (const d of decoded) {
    expect(d.decoder, d.name).toBe('libjpeg-turbo');
    const node = decodeJpegLuma(turboJpegNode(), Buffer.from(d.file, 'base64'), WORKING_MAX_SIDE, d.name === 'rotated-6.jpg' ? 6 : undefined);
    expect([d.width, d.height, d.sourceWidth, d.sourceHeight], d.name).toEqual([node.luma.width, node.luma.height, node.sourceWidth, node.sourceHeight]);
    const bytes = Buffer.from(d.luma, 'base64');
    const app = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    let worst = 0;
    for (let i = 0; i < app.length; i++) worst = Math.max(worst, Math.abs(app[i] - node.luma.data[i]));
    expect(worst, `${d.name}: largest luma difference, app vs Node`).toBeLessThanOrEqual(1e-3);
  }
  expect(decoded.find((d) => d.name === 'generated-12mp.jpg')).toMatchObject({ sourceWidth: 4032, sourceHeight: 3024, width: 1600, height: 1200 });
  expect(decoded.find((d) => d.name === 'rotated-6.jpg')).toMatchObject({ sourceWidth: 480, sourceHeight: 640, width: 480, height: 640 });
});
