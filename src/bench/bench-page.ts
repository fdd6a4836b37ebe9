// Functions `npm run bench` calls inside the production build.
import { affordablePoolSize, createAnalysisPool } from '../bridge/create-pool.ts';
import type { AnalysisPool } from '../bridge/pool.ts';
import { streamPhotos } from '../bridge/photo-stream.ts';
import { syntheticPhoto } from './synthetic-photo.ts';
import type { BackendName } from '../bridge/types.ts';

let photos: Blob[] = [];
let pool: AnalysisPool | null = null;

async function memoryBytes(): Promise<number | null> {
  const perf = performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };
  if (crossOriginIsolated && perf.measureUserAgentSpecificMemory) return (await perf.measureUserAgentSpecificMemory()).bytes;
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
}

const bench = {
  concurrency: affordablePoolSize(),

  async generate(count: number, seed: number): Promise<{ count: number; meanBytes: number }> {
    photos = [];
    for (let i = 0; i < count; i++) photos.push(await syntheticPhoto(seed + i, 4032, 3024, i % 3 === 2 ? 6 : 0));
    return { count, meanBytes: photos.reduce((s, p) => s + p.size, 0) / count };
  },

  photo(index: number): Blob {
    return photos[index % photos.length];
  },

  /** Replaces the photos with files made or read in Node (base64), e.g. a folder of camera JPEGs. */
  usePhotos(files: string[]): { count: number; meanBytes: number } {
    photos = files.map((b64) => new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' }));
    return { count: photos.length, meanBytes: photos.reduce((s, p) => s + p.size, 0) / Math.max(1, photos.length) };
  },

  /** The worker's decode of photo `index`: its luma (Float32 bytes, base64), the decoder used, and the file (base64). */
  async decodeLuma(index: number): Promise<{ width: number; height: number; sourceWidth: number; sourceHeight: number; decoder: string; luma: string; file: string }> {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    const blob = photos[index];
    const base64 = (bytes: Uint8Array) => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    try {
      const result = await new Promise<{ width: number; height: number; sourceWidth: number; sourceHeight: number; decoder: string; data: Float32Array }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({ blob, mode: 'luma' });
      });
      const { data, ...rest } = result;
      return { ...rest, luma: base64(new Uint8Array(data.buffer)), file: base64(new Uint8Array(await blob.arrayBuffer())) };
    } finally {
      worker.terminate();
    }
  },

  /** Photos per second decoding only, same concurrency as the pool: the worker's own decode step, or a plain full-size bitmap. */
  async decodeOnly(total: number, mode: 'pipeline' | 'browser-pipeline' | 'full-bitmap' = 'pipeline'): Promise<number> {
    const workers = Array.from({ length: bench.concurrency }, () =>
      new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
    );
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      workers.map(async (w) => {
        while (next < total) {
          const blob = photos[next++ % photos.length];
          await new Promise((resolve) => {
            w.onmessage = resolve;
            w.postMessage({ blob, mode });
          });
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    workers.forEach((w) => w.terminate());
    return total / seconds;
  },

  async startPool(): Promise<{ backend: string; detail: string; detector: string; ms: number }> {
    const t0 = performance.now();
    pool = createAnalysisPool(bench.concurrency);
    const ready = await pool.ready();
    return { backend: ready.backend, detail: ready.backendDetail, detector: ready.detector, ms: performance.now() - t0 };
  },

  /** Analyses photo `index` in a one-worker pool forced onto `backend` (backend-equivalence test). */
  async analyzeOn(backend: BackendName, index: number) {
    const single = createAnalysisPool(1, { backend, threads: 1 });
    try {
      const ready = await single.ready();
      const { analysis } = await single.analyze(photos[index]);
      return { backend: ready.backend, detector: analysis.detector, probability: analysis.probability, typeProbabilities: analysis.typeProbabilities, features: analysis.features };
    } finally {
      single.terminate();
    }
  },

  /** The face pass on real photos (base64 JPEGs), one photo at a time so each has a worker to
   * itself: its cost per photo, and how many faces it found. */
  async facePass(jpegs: string[]): Promise<Array<{ faceMs: number; faces: number; judged: boolean }>> {
    if (!pool) await bench.startPool();
    const out: Array<{ faceMs: number; faces: number; judged: boolean }> = [];
    for (const base64 of jpegs) {
      const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
      const { analysis, timings } = await pool!.analyze(blob);
      out.push({ faceMs: timings.faceMs, faces: analysis.subject?.faces.length ?? 0, judged: (analysis.subject?.deciding ?? null) !== null });
    }
    return out;
  },

  /** Time from a cold pool to the first verdict on one photo. */
  async firstVerdictMs(): Promise<number> {
    const t0 = performance.now();
    const cold = createAnalysisPool(1);
    await cold.analyze(photos[0]);
    cold.terminate();
    return performance.now() - t0;
  },

  /** Scans `total` photos through the real pool; samples memory every `sampleEvery`. */
  async scan(
    total: number,
    sampleEvery = 0,
  ): Promise<{ photosPerSecond: number; errors: number; memory: number[]; tensors: number[]; stageMs: Record<string, number> }> {
    if (!pool) await bench.startPool();
    const memory: number[] = [];
    const tensors: number[] = [];
    let done = 0;
    let errors = 0;
    const stages: Record<string, number[]> = { decodeMs: [], featuresMs: [], modelMs: [], cnnMs: [], faceMs: [], totalMs: [] };
    const items = (function* () {
      for (let i = 0; i < total; i++) yield { file: photos[i % photos.length], name: `photo-${i}.jpg` };
    })();
    const t0 = performance.now();
    const control = streamPhotos(pool!, items, (outcome) => {
      done++;
      if (!outcome.ok) errors++;
      else for (const [k, v] of Object.entries(outcome.result.timings)) stages[k]?.push(v);
    });
    let sampled = 0;
    while (sampleEvery > 0) {
      const finished = await Promise.race([control.done.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 250))]);
      if (done >= (sampled + 1) * sampleEvery) {
        sampled++;
        const bytes = await memoryBytes();
        if (bytes !== null) memory.push(bytes);
        tensors.push((await pool!.memory()).reduce((s, m) => s + m.tensors, 0));
      }
      if (finished) break;
    }
    await control.done;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const stageMs = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v))]));
    return { photosPerSecond: total / ((performance.now() - t0) / 1000), errors, memory, tensors, stageMs };
  },
};

export type BenchApi = typeof bench;
declare global {
  interface Window {
    blurBench: BenchApi;
  }
}
window.blurBench = bench;
document.body.dataset.ready = 'true';
