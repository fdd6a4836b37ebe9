// npm run bench [-- --out bench.json] [--photos 12|DIR] [--repeats 3] [--soak 300]
// Serves the production build, opens it in headless Chromium and measures, in one run:
// scan throughput through the real worker pool, decode-only throughput at the same
// concurrency, their ratio, time to first verdict from a cold pool, memory over a long scan.
// `--photos DIR` also times a folder of real camera JPEGs (generated JPEGs compress differently).
// The face pass is timed on real photos of people, one at a time (--people, default
// ../shared/data/people-photos when it is there: the generated photos have no faces).
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { requireChromium, CHROMIUM_ARGS } from '../../e2e/chromium.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

async function serve(port: number): Promise<() => void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const server = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 180 s')), 180_000); // a loaded 2-core machine needs more than 60 s
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  return () => server.kill();
}

/** Header sizes of the JPEGs in `dir` (first SOF marker), for the report. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

/** A folder's JPEGs (at most `limit`, by name), read for the page. */
function readPhotoFolder(dir: string, limit: number): Buffer[] {
  const names = readdirSync(dir).filter((n) => /\.jpe?g$/i.test(n)).sort().slice(0, limit);
  if (names.length === 0) throw new Error(`No .jpg/.jpeg files in ${dir}`);
  return names.map((n) => readFileSync(join(dir, n)));
}

interface Timings {
  scans: number[];
  decodes: number[];
  browserDecodes: number[];
  fullDecodes: number[];
  stageMs: Record<string, number>;
}

/** Repeats of: decode-only (the worker's step), full-size createImageBitmap, then a scan; same photos, same pool. */
async function timeScans(page: Page, count: number, repeats: number, log: (s: string) => void): Promise<Timings> {
  const t: Timings = { scans: [], decodes: [], browserDecodes: [], fullDecodes: [], stageMs: {} };
  for (let r = 0; r < repeats; r++) {
    t.decodes.push(await page.evaluate((n) => window.blurBench.decodeOnly(n, 'pipeline'), count));
    t.browserDecodes.push(await page.evaluate((n) => window.blurBench.decodeOnly(n, 'browser-pipeline'), count));
    t.fullDecodes.push(await page.evaluate((n) => window.blurBench.decodeOnly(n, 'full-bitmap'), count));
    const scan = await page.evaluate((n) => window.blurBench.scan(n), count);
    if (scan.errors) throw new Error(`${scan.errors} photos failed during the scan`);
    t.scans.push(scan.photosPerSecond);
    t.stageMs = scan.stageMs;
    log(`repeat ${r + 1}: scan ${scan.photosPerSecond.toFixed(2)}/s, decode-only ${t.decodes[r].toFixed(2)}/s (browser path ${t.browserDecodes[r].toFixed(2)}/s), full bitmap ${t.fullDecodes[r].toFixed(2)}/s, stages ${JSON.stringify(scan.stageMs)}`);
  }
  return t;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      photos: { type: 'string', default: '12' },
      repeats: { type: 'string', default: '3' },
      soak: { type: 'string', default: '300' },
      port: { type: 'string', default: '4391' },
      people: { type: 'string', default: join(import.meta.dirname, '../../../shared/data/people-photos') },
    },
  });
  const photoDir = /^\d+$/.test(values.photos!) ? null : values.photos!;
  const count = photoDir ? 12 : Number(values.photos);
  const repeats = Number(values.repeats);
  const port = Number(values.port);
  const stop = await serve(port);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error('[page]', m.text()));
    await page.goto(`http://localhost:${port}/src/bench/index.html`);
    await page.waitForSelector('body[data-ready=true]');
    const log = (s: string) => console.error(`bench: ${s}`);
    const generated = await page.evaluate((n) => window.blurBench.generate(n, 1234), count);
    log(`generated ${count} photos of 4032x3024, mean ${(generated.meanBytes / 1e6).toFixed(1)} MB`);
    // Five cold pools, each a new worker that compiles opencv.js and loads the models: the first
    // also meets the browser's empty code cache (a fresh install), the rest a returning visit.
    const coldStarts: number[] = [];
    for (let i = 0; i < 5; i++) coldStarts.push(await page.evaluate(() => window.blurBench.firstVerdictMs()));
    const firstVerdict = median(coldStarts);
    log(`first verdict from a cold pool (ms): ${coldStarts.map((ms) => ms.toFixed(0)).join(' ')}; median ${firstVerdict.toFixed(0)}`);
    const pool = await page.evaluate(() => window.blurBench.startPool());
    log(`pool ready: ${pool.backend} (${pool.detail}), detector ${pool.detector}`);
    const concurrency = await page.evaluate(() => window.blurBench.concurrency);
    await page.evaluate((n) => window.blurBench.scan(n), concurrency); // warm-up
    const { scans, decodes, browserDecodes, fullDecodes, stageMs } = await timeScans(page, count, repeats, log);
    const faces = existsSync(values.people!) ? await peopleFacePass(page, values.people!) : null;
    if (faces) log(`face pass on ${faces.photos} people photos: median ${faces.median_ms} ms (${faces.median_ms_with_a_judged_face} ms with a face big enough to judge, ${faces.median_ms_without_faces} ms with none)`);
    const soakTotal = Number(values.soak);
    const soak = await page.evaluate((n) => window.blurBench.scan(n, Math.max(1, Math.floor(n / 10))), soakTotal);
    log(`soak of ${soakTotal}: memory samples (MB) ${soak.memory.map((b) => (b / 1e6).toFixed(0)).join(' ')}`);
    const firstHalf = soak.memory.slice(0, Math.ceil(soak.memory.length / 2));
    let realPhotos: Record<string, unknown> | undefined;
    if (photoDir) {
      const files = readPhotoFolder(photoDir, 40);
      const sizes = files.map(jpegSize);
      const megapixels = sizes.map((s) => (s ? (s.width * s.height) / 1e6 : 0));
      await page.evaluate((b64) => window.blurBench.usePhotos(b64), files.map((f) => f.toString('base64')));
      log(`real photos: ${files.length} from ${photoDir}, median ${median(megapixels).toFixed(1)} MP`);
      const real = await timeScans(page, Math.max(files.length, 2 * concurrency), repeats, log);
      realPhotos = {
        dir: photoDir,
        photos: files.length,
        median_megapixels: round(median(megapixels), 1),
        mean_megabytes: round(files.reduce((s, f) => s + f.length, 0) / files.length / 1e6, 2),
        photos_per_second: round(median(real.scans)),
        decode_only_photos_per_second: round(median(real.decodes)),
        decode_only_browser_path_photos_per_second: round(median(real.browserDecodes)),
        full_bitmap_decode_photos_per_second: round(median(real.fullDecodes)),
        ratio_vs_full_bitmap_decode: round(median(real.scans) / median(real.fullDecodes)),
        per_photo_stage_ms: real.stageMs,
      };
    }
    const result = {
      photos: count,
      photo_size: '4032x3024',
      repeats,
      concurrency,
      backend: `${pool.backend} (${pool.detail})`,
      detector: pool.detector,
      photos_per_second: round(median(scans)),
      decode_only_photos_per_second: round(median(decodes)),
      ratio: round(median(scans) / median(decodes)),
      decode_method: 'the worker decode step: header, decode to working size, luma',
      decode_only_browser_path_photos_per_second: round(median(browserDecodes)),
      full_bitmap_decode_photos_per_second: round(median(fullDecodes)),
      ratio_vs_full_bitmap_decode: round(median(scans) / median(fullDecodes)),
      time_to_first_verdict_ms: Math.round(firstVerdict),
      time_to_first_verdict_first_visit_ms: Math.round(coldStarts[0]),
      per_photo_stage_ms: stageMs,
      face_pass: faces,
      soak_photos: soakTotal,
      soak_photos_per_second: round(soak.photosPerSecond),
      peak_memory_mb: round(Math.max(...soak.memory) / 1e6, 1),
      memory_samples_mb: soak.memory.map((b) => round(b / 1e6, 1)),
      // Medians, not maxima: a lone transient sample (~17 MB over its neighbours, back down at
      // the next one; some runs catch one, on older revisions too) is not growth, while a leak
      // lifts every later sample. The peak above still reports the transient.
      memory_growth_ratio: round(median(soak.memory.slice(firstHalf.length)) / median(firstHalf)),
      tensor_samples: soak.tensors,
      memory_measure: 'performance.measureUserAgentSpecificMemory (page + workers)',
      ...(realPhotos ? { real_photos: realPhotos } : {}),
    };
    const json = JSON.stringify(result, null, 2);
    console.log(json);
    if (values.out) writeFileSync(values.out, json + '\n');
  } finally {
    await browser.close();
    stop();
  }
}


/** Every JPEG under `dir`, through the real pool one at a time; medians of the face pass. */
async function peopleFacePass(page: Page, dir: string) {
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).sort().forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.jpe?g$/i.test(n) && files.push(join(d, n))));
  walk(dir);
  const jpegs = files.map((f) => readFileSync(f).toString('base64'));
  await page.evaluate((list) => window.blurBench.facePass(list), jpegs.slice(0, 2)); // warm-up
  const runs = await page.evaluate((list) => window.blurBench.facePass(list), jpegs);
  const ms = (pick: (r: (typeof runs)[number]) => boolean) => {
    const xs = runs.filter(pick).map((r) => r.faceMs);
    return xs.length ? round(median(xs), 1) : null;
  };
  return {
    photos: runs.length,
    median_ms: ms(() => true),
    median_ms_with_a_judged_face: ms((r) => r.judged),
    median_ms_without_faces: ms((r) => r.faces === 0),
    photos_with_a_judged_face: runs.filter((r) => r.judged).length,
  };
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
