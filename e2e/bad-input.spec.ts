// What a real camera roll throws at the app besides good JPEGs. Every file gets an outcome: a
// verdict when it is a photo the browser can show (greyscale, CMYK, 16-bit or transparent PNG,
// the first frame of a GIF), otherwise an error with a reason the person can act on; and the
// scan goes on past every one of them. The corpus is crafted byte by byte (e2e/crafted-files.ts).
import { test, expect } from './fixtures.ts';
import { canReadProcessMemory, rendererMemory } from './process-memory.ts';
import { dropPhotos, waitForScan, result } from './app.ts';
import { sharpJpeg, defocusedJpeg, bigSharpJpeg, type TestPhoto } from './photos.ts';
import {
  animatedGif, cmykJpeg, corruptJpeg, greyscaleJpeg, heicFile, jpegClaimingSize, mp4File, scenePng, svgFile, textFile, tinyJpeg, truncatedJpeg,
} from './crafted-files.ts';

interface Case extends TestPhoto {
  /** The reason shown on the card, for files that cannot be judged. */
  reason?: RegExp;
}

const refused: Case[] = [
  { name: 'empty.jpg', bytes: Buffer.alloc(0), reason: /empty \(0 bytes\)/ },
  { name: 'cut-short.jpg', bytes: truncatedJpeg(21), reason: /cut short.*ends before the image does/ },
  { name: 'damaged.jpg', bytes: corruptJpeg(22), reason: /damaged/ },
  { name: 'shopping-list.jpg', bytes: textFile(), reason: /text file, not a photo/ },
  { name: 'clip.jpg', bytes: mp4File(), reason: /video .*not a photo/ },
  { name: 'pixel.jpg', bytes: tinyJpeg(1, 1), reason: /only 1 × 1 pixels: too small to judge sharpness/ },
  { name: 'giant.jpg', bytes: jpegClaimingSize(30000, 20000), reason: /30000 × 20000 pixels \(600 megapixels\), more than the 250 megapixels/ },
  { name: 'IMG_0001.HEIC', bytes: heicFile(), type: 'image/heic', reason: /HEIC photos cannot be opened in this browser\. Convert it to JPEG.*(Most Compatible|export as JPEG)/ },
  { name: 'drawing.svg', bytes: svgFile(), type: 'image/svg+xml', reason: /SVG drawing, not a photo/ },
];

const judged: Case[] = [
  { name: 'sharp.jpg', bytes: sharpJpeg(31) },
  { name: 'blurry.jpg', bytes: defocusedJpeg(32, 7) },
  { name: 'cutout.png', bytes: scenePng(33, 'alpha'), type: 'image/png' },
  { name: 'scan-16bit.png', bytes: scenePng(34, '16-bit'), type: 'image/png' },
  { name: 'grey.jpg', bytes: greyscaleJpeg(35) },
  { name: 'grey-blurred.jpg', bytes: greyscaleJpeg(35, 7) },
  { name: 'print-cmyk.jpg', bytes: cmykJpeg(36) },
  { name: 'animated.gif', bytes: animatedGif(37), type: 'image/gif' },
];

test('every odd file gets a verdict or a clear reason, and the scan goes on', async ({ page, problems }) => {
  await page.goto('/');
  // Refused files first and last, so the scan has to get past them to reach the photos.
  const files = [...refused.slice(0, 5), ...judged, ...refused.slice(5)];
  await dropPhotos(page, files);
  await waitForScan(page, files.length, 120_000);

  for (const file of refused) {
    const card = result(page, file.name);
    await expect.soft(card, file.name).toHaveAttribute('data-verdict', 'error', { timeout: 1000 });
    await expect.soft(card, file.name).toHaveAttribute('title', file.reason!, { timeout: 1000 });
    await expect.soft(card, file.name).toHaveAttribute('aria-label', file.reason!, { timeout: 1000 });
  }
  for (const file of judged) {
    await expect.soft(result(page, file.name), file.name).toHaveAttribute('data-verdict', /^(sharp|blurry|uncertain)$/, { timeout: 1000 });
  }
  const verdict = async (name: string) => result(page, name).getAttribute('data-verdict');
  const probability = async (name: string) => Number(await result(page, name).getAttribute('data-probability'));
  // Sharp scenes stay sharp whatever their encoding; blur is still seen in greyscale.
  for (const name of ['sharp.jpg', 'cutout.png', 'scan-16bit.png', 'grey.jpg', 'print-cmyk.jpg']) expect.soft(await verdict(name), name).toBe('sharp');
  expect(await verdict('blurry.jpg')).toBe('blurry');
  expect(await verdict('grey-blurred.jpg')).toBe('blurry');
  expect(await probability('grey-blurred.jpg')).toBeGreaterThan(await probability('grey.jpg'));

  // The summary counts errors apart from verdicts.
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-errors', String(refused.length));
  const counts = await summary.evaluate((s: HTMLElement) => ['sharp', 'blurry', 'uncertain'].map((k) => Number(s.dataset[k])));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(judged.length);
  await expect(page.locator('.tally-error')).toHaveText(`${refused.length} could not be read`);
  expect(problems.pageErrors).toEqual([]);
});

test('a very large photo is analysed at working size, never decoded at full size', async ({ page, browser, problems }) => {
  test.skip(!canReadProcessMemory, 'reads the renderer peak memory from /proc');
  test.setTimeout(180_000);
  // A real 108 MP JPEG (12000 x 9000), drawn and encoded in a separate browser context, so the
  // 432 MB canvas that makes it does not count against the app's renderer.
  const maker = await browser.newContext();
  const makerPage = await maker.newPage();
  const big = await makerPage.evaluate(async () => {
    const canvas = new OffscreenCanvas(12000, 9000);
    const ctx = canvas.getContext('2d')!;
    for (let i = 0; i < 4000; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360}, 60%, ${30 + (i % 5) * 10}%)`;
      ctx.fillRect((i * 7919) % 12000, (i * 104729) % 9000, 40 + (i % 7) * 30, 30 + (i % 5) * 25);
    }
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  await maker.close();

  await page.goto('/');
  // The warm-up photo is larger than the working size, so the analysis buffers have already grown.
  await dropPhotos(page, [{ name: 'warm-up.jpg', bytes: bigSharpJpeg(41) }]);
  await waitForScan(page, 1);
  const before = await rendererMemory(browser, 'VmHWM');
  await dropPhotos(page, [{ name: 'panorama-108mp.jpg', bytes: Buffer.from(big, 'base64') }]);
  await waitForScan(page, 2, 150_000);
  const after = await rendererMemory(browser, 'VmHWM');
  await expect(result(page, 'panorama-108mp.jpg')).toHaveAttribute('data-verdict', /^(sharp|blurry|uncertain)$/);

  // What the worker measured, as saved: the photo's own size, analysed at the working size.
  const saved = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('blur-finder');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<Array<{ name: string; outcome: { analysis: { width: number; height: number; sourceWidth: number; sourceHeight: number } } }>>(
      (resolve) => {
        const request = db.transaction('results').objectStore('results').getAll();
        request.onsuccess = () => resolve(request.result);
      },
    );
    db.close();
    return all.find((r) => r.name === 'panorama-108mp.jpg')?.outcome.analysis;
  });
  expect(saved).toMatchObject({ sourceWidth: 12000, sourceHeight: 9000, width: 1600, height: 1200 });

  // A full-size decode of this photo alone is 12000 x 9000 x 4 bytes = 432 MB.
  const growthMb = Math.max(...[...after].map(([pid, kb]) => (kb - (before.get(pid) ?? 0)) / 1024));
  console.log(`renderer peak memory grew by ${growthMb.toFixed(0)} MB while analysing the 108 MP photo`);
  // Measured: ~640 MB with a full-size decode, ~150 MB (mostly the file itself on its way in) at reduced scale.
  expect(growthMb).toBeLessThan(300);
  expect(problems.pageErrors).toEqual([]);
});
