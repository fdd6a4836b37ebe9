// The same photo gives the same answer on every tfjs backend the app may pick: wasm (the usual
// choice), cpu, webgl and webgpu (SwiftShader here: slow, but it runs the same WGSL kernels a
// phone's GPU would).
import { test, expect } from './fixtures.ts';

test('wasm, cpu, webgl and webgpu agree on the fused model outputs', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/src/bench/index.html');
  await page.waitForSelector('body[data-ready=true]');
  await page.evaluate(() => window.blurBench.generate(2, 77));
  const results = [];
  for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu'] as const) {
    for (const index of [0, 1]) {
      results.push({ index, ...(await page.evaluate(([b, i]) => window.blurBench.analyzeOn(b, i), [backend, index] as const)) });
    }
  }
  for (const r of results) expect(r.detector).toBe('fused');
  expect(new Set(results.map((r) => r.backend))).toEqual(new Set(['wasm', 'cpu', 'webgl', 'webgpu']));
  for (const index of [0, 1]) {
    const [reference, ...others] = results.filter((r) => r.index === index);
    for (const other of others) {
      expect(Math.abs(other.probability - reference.probability), `${other.backend} vs wasm, photo ${index}`).toBeLessThan(0.02);
      for (const type of ['defocus', 'motion', 'gaussian'] as const) {
        expect(Math.abs(other.typeProbabilities![type] - reference.typeProbabilities![type])).toBeLessThan(0.02);
      }
    }
  }
});
