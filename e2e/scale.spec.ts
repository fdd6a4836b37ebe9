// A big gallery: 3,000 remembered results. The grid must come up in seconds and the
// sensitivity slider must re-classify all of them within a frame or two, not re-analyse.
import { test, expect } from './fixtures.ts';

const N = 3000;

test(`${N} remembered photos render quickly and the slider re-classifies them at once`, async ({ page, problems }) => {
  await page.goto('/');
  // Seed IndexedDB the way the app stores results (src/app/storage/results-db.ts).
  await page.evaluate(async (n) => {
    const canvas = new OffscreenCanvas(32, 24);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#4a7';
    ctx.fillRect(0, 0, 32, 24);
    const thumbnail = await canvas.convertToBlob({ type: 'image/jpeg' });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('blur-finder');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['results', 'meta'], 'readwrite');
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      const name = `IMG_${String(i).padStart(5, '0')}.jpg`;
      const size = 2_000_000 + i;
      const lastModified = Date.UTC(2022, 0, 1) + i * 3_600_000;
      const key = `${name}|${size}|${lastModified}`;
      keys.push(key);
      // Spread probabilities evenly so every band has photos in it.
      const probability = ((i * 7919) % n) / n;
      tx.objectStore('results').put({
        key, name, folder: 'Camera', size, lastModified, type: 'image/jpeg', takenAt: null,
        outcome: { kind: 'done', analysis: {
          detector: 'fused', probability, verdict: probability >= 0.55 ? 'blurry' : probability >= 0.45 ? 'uncertain' : 'sharp',
          blurType: probability >= 0.55 ? 'defocus' : null, typeProbabilities: { defocus: 0.6, motion: 0.3, gaussian: 0.1 },
          regions: { cols: 16, rows: 12, sharpness: Array.from({ length: 192 }, () => 1 - probability) },
          features: {}, width: 1600, height: 1200, sourceWidth: 4000, sourceHeight: 3000,
        } },
        thumbnail, hash: null, location: 'original', savedAt: Date.now(),
      });
    }
    tx.objectStore('meta').put(keys, 'collection');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, N);

  const started = Date.now();
  await page.reload();
  await expect(page.getByTestId('result')).toHaveCount(N, { timeout: 30_000 });
  const loadMs = Date.now() - started;
  console.log(`grid of ${N}: ${loadMs} ms from reload`);
  expect(loadMs).toBeLessThan(10_000);

  // Move the slider and time until the grid shows the new verdicts.
  const timing = await page.getByTestId('sensitivity').evaluate(async (slider: HTMLInputElement, n) => {
    const blurryNow = () => document.querySelectorAll('[data-testid=result][data-verdict=blurry]').length;
    const before = blurryNow();
    const t0 = performance.now();
    slider.value = '90';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    while (blurryNow() === before) await new Promise(requestAnimationFrame);
    const ms = performance.now() - t0;
    const blurryFrom = Number(slider.dataset.blurryFrom);
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid=result]')];
    // data-probability is rounded to 3 decimals: cards within that rounding of the cut are not judged.
    const judged = cards.filter((c) => Math.abs(Number(c.dataset.probability) - blurryFrom) > 0.001);
    const wrong = judged.filter((c) => (Number(c.dataset.probability) >= blurryFrom) !== (c.dataset.verdict === 'blurry')).length;
    return { ms, before, after: blurryNow(), wrong, n };
  }, N);
  console.log(`slider re-classification of ${N}: ${Math.round(timing.ms)} ms (${timing.before} -> ${timing.after} blurry)`);
  expect(timing.after).toBeGreaterThan(timing.before);
  expect(timing.wrong).toBe(0);
  expect(timing.ms).toBeLessThan(1500);
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-done', String(N));
  expect(problems.pageErrors).toEqual([]);
});
