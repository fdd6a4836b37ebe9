// An analysis worker that dies mid-photo — an uncaught error, a silent exit, an endless loop —
// costs that one photo, with a reason on its card; the pool starts a new worker and the scan
// finishes every other photo. Faults are injected into a real worker from outside
// (e2e/workers.ts), so the app carries no test-only code.
import { test, expect } from './fixtures.ts';
import { dropPhotos, waitForScan, shownResults } from './app.ts';
import { sharpJpeg, defocusedJpeg, type TestPhoto } from './photos.ts';
import { analysisWorkers, breakNextPhoto, readyAnalysisWorkers, type Breakage } from './workers.ts';

const batch = (seed: number): TestPhoto[] =>
  Array.from({ length: 8 }, (_, i) => ({
    name: `IMG_${seed + i}.jpg`,
    bytes: i % 2 ? defocusedJpeg(seed + i, 7) : sharpJpeg(seed + i),
    lastModified: Date.UTC(2024, 3, 1) + i * 3_600_000,
  }));

const cases: Array<{ how: Breakage; reason: RegExp }> = [
  { how: 'uncaught-error', reason: /stopped unexpectedly \(.*simulated crash\); the scan went on without it/ },
  { how: 'silent-exit', reason: /stopped responding; the scan went on without it/ },
  { how: 'endless-loop', reason: /stopped responding; the scan went on without it/ },
];

for (const { how, reason } of cases) {
  test(`a worker lost to ${how.replace('-', ' ')} costs one photo and the scan goes on`, async ({ page, problems }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    // One photo first, so the pool's workers are up before one of them is broken.
    await dropPhotos(page, [{ name: 'warm-up.jpg', bytes: sharpJpeg(500) }]);
    await waitForScan(page, 1);
    const workers = await readyAnalysisWorkers(page);
    const victim = workers[workers.length - 1];
    let victimClosed = false;
    victim.on('close', () => (victimClosed = true));
    await breakNextPhoto(victim, how);

    const photos = batch(how.length * 100);
    await dropPhotos(page, photos);
    await waitForScan(page, photos.length + 1, 120_000);

    const results = (await shownResults(page)).filter((r) => r.name !== 'warm-up.jpg');
    const failed = results.filter((r) => r.verdict === 'error');
    expect(failed, 'exactly the photo the worker was on is lost').toHaveLength(1);
    const card = page.locator(`[data-testid=result][data-file-name="${failed[0].name}"]`);
    await expect(card).toHaveAttribute('title', reason);
    // Every other photo got its verdict, from the surviving worker or the new one.
    for (const r of results.filter((r) => r.verdict !== 'error')) {
      const index = Number(/IMG_(\d+)/.exec(r.name)![1]) - how.length * 100;
      expect(r.verdict, r.name).toBe(index % 2 ? 'blurry' : 'sharp');
    }
    // The broken worker is gone and a fresh one took its place.
    await expect.poll(() => victimClosed).toBe(true);
    await expect.poll(() => analysisWorkers(page).length).toBe(workers.length);
    expect(analysisWorkers(page)).not.toContain(victim);

    // Photos added later are analysed as usual, by both workers.
    const later = batch(900).slice(0, 4);
    await dropPhotos(page, later);
    await waitForScan(page, photos.length + 1 + later.length);
    const laterResults = (await shownResults(page)).filter((r) => later.some((p) => p.name === r.name));
    expect(laterResults.map((r) => r.verdict)).toEqual(expect.arrayContaining(['sharp', 'blurry']));
    expect(laterResults.filter((r) => r.verdict === 'error')).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
}
