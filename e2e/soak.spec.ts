// A long scan through the real UI: 1,000 photos of a few megapixels, generated in the page,
// dropped at once. Along the way the test samples the JS heap of the page and of each worker
// (performance.measureUserAgentSpecificMemory; the page is cross-origin isolated) and the live
// tfjs tensors in each analysis worker, and fails if memory grows with the number of photos.
// SOAK_PHOTOS=n runs a shorter or longer soak.
import { test, expect } from './fixtures.ts';
import { CHROMIUM_ARGS, requireChromium } from './chromium.ts';
import { analysisWorkers, readyAnalysisWorkers } from './workers.ts';
import type { Browser, Page } from '@playwright/test';
import { canReadProcessMemory, rendererMemory } from './process-memory.ts';

const PHOTOS = Number(process.env.SOAK_PHOTOS ?? 1000);
const DISTINCT_SCENES = 40;
const SAMPLE_EVERY = Math.max(10, Math.round(PHOTOS / 10));

// Eager mode makes measureUserAgentSpecificMemory answer at once instead of at the next GC.
test.use({ launchOptions: { executablePath: requireChromium(), args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'] } });

interface Sample {
  done: number;
  pageMb: number;
  workersMb: number;
  /** Resident memory of all renderer processes: wasm heaps (opencv.js, tfjs) and bitmaps included. */
  rendererMb: number;
  tensors: number[];
}

async function rendererMb(browser: Browser): Promise<number> {
  if (!canReadProcessMemory) return 0;
  return [...(await rendererMemory(browser, 'VmRSS')).values()].reduce((a, b) => a + b, 0) / 1024;
}

/** JS heap of the page and of its dedicated workers, in MB. */
async function heap(page: Page): Promise<{ pageMb: number; workersMb: number }> {
  return page.evaluate(async () => {
    const perf = performance as Performance & {
      measureUserAgentSpecificMemory(): Promise<{ breakdown: Array<{ bytes: number; attribution: Array<{ scope: string }> }> }>;
    };
    const { breakdown } = await perf.measureUserAgentSpecificMemory();
    let pageBytes = 0;
    let workerBytes = 0;
    for (const entry of breakdown) {
      if (entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) workerBytes += entry.bytes;
      else pageBytes += entry.bytes;
    }
    return { pageMb: pageBytes / 2 ** 20, workersMb: workerBytes / 2 ** 20 };
  });
}

/** Live tensors in each analysis worker, read from the tfjs engine the worker uses. */
async function tensors(page: Page): Promise<number[]> {
  return Promise.all(
    analysisWorkers(page).map((w) => w.evaluate(() => (self as unknown as { _tfengine: { memory(): { numTensors: number } } })._tfengine.memory().numTensors)),
  );
}

async function done(page: Page): Promise<number> {
  return Number(await page.getByTestId('scan-summary').getAttribute('data-done'));
}

test(`a scan of ${PHOTOS} photos finishes with flat memory`, async ({ page, browser, problems }) => {
  test.setTimeout(Math.max(300_000, PHOTOS * 600));
  await page.goto('/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // Distinct scenes, 3 to 4 MP, landscape and portrait; a third defocused, a sixth shaken.
  // Each of the photos is one scene plus a unique COM segment: distinct files with their own
  // bytes, sizes and dates, built from Blob slices so the page does not hold 1,000 copies.
  const generated = await page.evaluate(
    async ({ photos, scenes }) => {
      const sizes = [[2048, 1536], [2400, 1600], [1536, 2048], [2304, 1728]];
      let seed = 1;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const bases: Blob[] = [];
      for (let s = 0; s < scenes; s++) {
        const [width, height] = sizes[s % sizes.length];
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d')!;
        const sky = ctx.createLinearGradient(0, 0, 0, height);
        sky.addColorStop(0, `hsl(${190 + random() * 40}, 55%, ${55 + random() * 20}%)`);
        sky.addColorStop(1, `hsl(${20 + random() * 60}, 35%, ${40 + random() * 30}%)`);
        ctx.fillStyle = sky;
        ctx.fillRect(0, 0, width, height);
        for (let i = 0; i < 160; i++) {
          ctx.fillStyle = `hsl(${random() * 360}, ${20 + random() * 60}%, ${15 + random() * 70}%)`;
          const w = 10 + random() * width * 0.15;
          const h = 10 + random() * height * 0.2;
          if (random() < 0.5) ctx.fillRect(random() * width, random() * height, w, h);
          else {
            ctx.beginPath();
            ctx.ellipse(random() * width, random() * height, w / 2, h / 2, random() * 3, 0, Math.PI * 2);
            ctx.fill();
          }
        }
        ctx.font = `${24 + Math.floor(random() * 40)}px sans-serif`;
        ctx.fillStyle = '#111';
        for (let i = 0; i < 20; i++) ctx.fillText('Blur Finder soak 0123456789', random() * width, random() * height);
        // Sensor-like grain, so files are the size of real photos and decoding costs what it does.
        const image = ctx.getImageData(0, 0, width, height);
        for (let i = 0; i < image.data.length; i += 4) {
          const grain = (random() - 0.5) * 14;
          image.data[i] += grain;
          image.data[i + 1] += grain;
          image.data[i + 2] += grain;
        }
        ctx.putImageData(image, 0, 0);
        let source: OffscreenCanvas = canvas;
        if (s % 3 === 1 || s % 6 === 5) {
          source = new OffscreenCanvas(width, height);
          const out = source.getContext('2d')!;
          if (s % 3 === 1) {
            out.filter = `blur(${3 + (s % 4)}px)`;
            out.drawImage(canvas, 0, 0);
          } else {
            // Camera shake: the frame smeared along a short horizontal path.
            out.globalAlpha = 1 / 12;
            for (let k = 0; k < 12; k++) out.drawImage(canvas, k * 2, 0);
          }
        }
        bases.push(await source.convertToBlob({ type: 'image/jpeg', quality: 0.88 }));
      }
      const transfer = new DataTransfer();
      const encoder = new TextEncoder();
      for (let i = 0; i < photos; i++) {
        const base = bases[i % scenes];
        const note = encoder.encode(`soak photo ${i}`);
        const com = new Uint8Array([0xff, 0xfe, (note.length + 2) >> 8, (note.length + 2) & 255, ...note]);
        const file = new File([base.slice(0, 2), com, base.slice(2)], `SOAK_${String(i).padStart(4, '0')}.jpg`, {
          type: 'image/jpeg',
          lastModified: Date.UTC(2023, 0, 1) + i * 3_600_000,
        });
        transfer.items.add(file);
      }
      (window as unknown as { soakPhotos: DataTransfer }).soakPhotos = transfer;
      return { meanBytes: bases.reduce((sum, b) => sum + b.size, 0) / scenes };
    },
    { photos: PHOTOS, scenes: DISTINCT_SCENES },
  );
  console.log(`${DISTINCT_SCENES} scenes, mean JPEG ${(generated.meanBytes / 1e6).toFixed(2)} MB`);

  const started = Date.now();
  await page.getByTestId('drop-zone').evaluate((zone) => {
    const dataTransfer = (window as unknown as { soakPhotos: DataTransfer }).soakPhotos;
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
  });
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-total', String(PHOTOS), { timeout: 60_000 });
  const workers = await readyAnalysisWorkers(page);

  const samples: Sample[] = [];
  let next = SAMPLE_EVERY;
  while ((await done(page)) < PHOTOS) {
    const now = await done(page);
    if (now >= next) {
      samples.push({ done: now, ...(await heap(page)), rendererMb: await rendererMb(browser), tensors: await tensors(page) });
      next = (Math.floor(now / SAMPLE_EVERY) + 1) * SAMPLE_EVERY;
    }
    await page.waitForTimeout(500);
  }
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const idleTensors = await tensors(page);
  samples.push({ done: PHOTOS, ...(await heap(page)), rendererMb: await rendererMb(browser), tensors: idleTensors });
  console.log(`${PHOTOS} photos in ${seconds.toFixed(0)} s (${(PHOTOS / seconds).toFixed(1)} photos/s) with ${workers.length} workers`);
  for (const s of samples) {
    console.log(`  after ${String(s.done).padStart(5)}: page heap ${s.pageMb.toFixed(1)} MB, workers heap ${s.workersMb.toFixed(1)} MB, renderers ${s.rendererMb.toFixed(0)} MB, tensors ${s.tensors.join('/')}`);
  }

  // Every photo was judged; none failed.
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toHaveAttribute('data-done', String(PHOTOS));
  await expect(summary).toHaveAttribute('data-errors', '0');
  const blurry = Number(await summary.getAttribute('data-blurry'));
  expect(blurry, 'the blurred scenes were found').toBeGreaterThan(PHOTOS * 0.2);
  // No worker was lost along the way, and memory stayed flat. Heap samples are noisy (garbage
  // not yet collected), so the least of the first three samples is compared with the least of
  // the last three, per photo scanned in between.
  const survivors = analysisWorkers(page);
  expect(survivors.length === workers.length && survivors.every((w) => workers.includes(w)), 'the same workers all along').toBe(true);
  for (const s of samples) expect(s.tensors.length).toBe(workers.length);
  expect(Math.max(...idleTensors), 'tfjs tensors alive once the scan is over').toBeLessThanOrEqual(Math.min(...samples[0].tensors));
  const growthPerPhoto = (pick: (s: Sample) => number) => {
    const start = Math.min(...samples.slice(0, 3).map(pick));
    const end = Math.min(...samples.slice(-3).map(pick));
    return ((end - start) * 1024) / (samples[samples.length - 1].done - samples[0].done);
  };
  const kb = { page: growthPerPhoto((s) => s.pageMb), workers: growthPerPhoto((s) => s.workersMb), renderers: growthPerPhoto((s) => s.rendererMb) };
  console.log(`  growth per photo: page heap ${kb.page.toFixed(1)} KB, workers heap ${kb.workers.toFixed(1)} KB, renderers ${kb.renderers.toFixed(0)} KB`);
  // The page keeps a result and a thumbnail per photo: a few KB of heap.
  expect(kb.page, 'page heap growth per photo (KB)').toBeLessThan(20);
  // Workers keep nothing between photos (measured ~1 KB; keeping each photo's Analysis object
  // alone would add ~4 KB).
  expect(kb.workers, 'worker heap growth per photo (KB)').toBeLessThan(3);
  // Resident memory also holds the grid's decoded thumbnails (256 px, up to ~200 KB each while
  // cached); a leaked working-size image (1600 x 1200) would be 2-8 MB per photo. Short soaks
  // are too short for resident memory to settle, so only long ones are judged on it.
  if (canReadProcessMemory && PHOTOS >= 500) expect(kb.renderers, 'renderer memory growth per photo (KB)').toBeLessThan(400);
  expect(problems.pageErrors).toEqual([]);
});
