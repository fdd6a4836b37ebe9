// The analysis pipeline end to end: real JPEGs dropped on the page go through the real worker
// pool (opencv.js + tfjs) and come back as verdicts in the DOM.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

const photo = (path: string) => readFileSync(new URL(`../../shared/data/sharp-photos/${path}`, import.meta.url)).toString('base64');

test('dropped photos get verdicts: a sharp photo is kept, its blurred copies are flagged', async ({ page, problems }) => {
  await page.goto('/');
  const sources = [photo('kodak24/kodim05.jpg'), photo('urban100/img_012.jpg')];
  await page.evaluate(async (b64s) => {
    const files: File[] = [];
    for (const [i, b64] of b64s.entries()) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const sharp = new File([bytes], `sharp-${i}.jpg`, { type: 'image/jpeg' });
      const bitmap = await createImageBitmap(sharp);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.filter = 'blur(5px)';
      ctx.drawImage(bitmap, 0, 0);
      const blurred = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      files.push(sharp, new File([blurred], `blurred-${i}.jpg`, { type: 'image/jpeg' }));
    }
    files.push(new File([new Uint8Array(0)], 'empty.jpg', { type: 'image/jpeg' }));
    const transfer = new DataTransfer();
    files.forEach((f) => transfer.items.add(f));
    const zone = document.querySelector('[data-testid=drop-zone]')!;
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, sources);

  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-total', '5');
  await expect(summary).toHaveAttribute('data-done', '5', { timeout: 90_000 });
  const verdict = (name: string) => page.locator(`[data-testid=result][data-file-name="${name}"]`);
  for (const i of [0, 1]) {
    await expect(verdict(`sharp-${i}.jpg`)).toHaveAttribute('data-verdict', 'sharp');
    await expect(verdict(`blurred-${i}.jpg`)).toHaveAttribute('data-verdict', 'blurry');
    await expect(verdict(`blurred-${i}.jpg`)).toHaveAttribute('data-cause', /^(motion|out-of-focus)$/);
    const pSharp = Number(await verdict(`sharp-${i}.jpg`).getAttribute('data-probability'));
    const pBlur = Number(await verdict(`blurred-${i}.jpg`).getAttribute('data-probability'));
    expect(pBlur).toBeGreaterThan(pSharp);
  }
  // A bad file is an error for that file only; the rest of the scan went on.
  await expect(verdict('empty.jpg')).toHaveAttribute('data-verdict', 'error');
  expect(problems.pageErrors).toEqual([]);
});
