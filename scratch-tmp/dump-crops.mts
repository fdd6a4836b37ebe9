// Scratch: a seeded crop (50-80% of each side, native resolution) of every real training photo,
// as shot and blurred (blurAsShot, strength 0.2-1), through the app's analysis; JSONL like dump.mts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createAnalyzer } from '../src/core/analyze.ts';
import { WORKING_MAX_SIDE } from '../src/core/image/working-resolution.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { initTfNode } from '../src/node/tf.ts';
import { fileModelReader } from '../src/node/model-files.ts';
import { loadModels } from '../src/core/models.ts';
import { decodeJpegFileLuma } from '../src/node/jpeg-decoder.ts';
import { decodeJpeg } from '../training/data/jpeg.ts';
import { downscaleLuma, toLuma, workingSize } from '../src/core/image/image.ts';
import { listRealPhotos } from '../training/data/photos.ts';
import { deriveSeed, mulberry32 } from '../training/data/rng.ts';
import { blurAsShot } from '../training/stages/real-as-shot.ts';
import { BLUR_KINDS, BLUR_TYPE_OF_KIND } from '../training/data/blur.ts';
await initTfNode('wasm');
const cv = await loadOpenCvNode();
const analyzer = createAnalyzer(cv, await loadModels(fileModelReader('models')));
const lines: string[] = [];
const photos = listRealPhotos().filter((p) => p.split === 'train');
for (const [i, p] of photos.entries()) {
  const full = decodeJpegFileLuma(p.path, 100000);
  const rng = mulberry32(deriveSeed(3, 'crop', p.relPath));
  const cw = Math.round(full.width * rng.uniform(0.5, 0.8)), ch = Math.round(full.height * rng.uniform(0.5, 0.8));
  const x0 = rng.int(0, full.width - cw), y0 = rng.int(0, full.height - ch);
  const data = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) data.set(full.data.subarray((y0 + y) * full.width + x0, (y0 + y) * full.width + x0 + cw), y * cw);
  const size = workingSize(cw, ch, WORKING_MAX_SIDE);
  const crop = size.width < cw ? downscaleLuma({ width: cw, height: ch, data }, size.width, size.height) : { width: cw, height: ch, data };
  const rgba = new Uint8ClampedArray(crop.width * crop.height * 4);
  for (let k = 0; k < crop.data.length; k++) { const v = crop.data[k]!; rgba[4 * k] = rgba[4 * k + 1] = rgba[4 * k + 2] = v; rgba[4 * k + 3] = 255; }
  const kind = rng.pick(BLUR_KINDS);
  const blurred = toLuma(decodeJpeg(blurAsShot(cv, rng, { width: crop.width, height: crop.height, data: rgba }, { kind, strength: rng.uniform(0.2, 1) })));
  for (const [luma, label] of [[crop, 'sharp'], [blurred, BLUR_TYPE_OF_KIND[kind]]] as const) {
    const a = (await analyzer.analyze(luma, { detector: 'fused' })).analysis;
    lines.push(JSON.stringify({ path: p.path, label, group: p.relPath.split('/')[0], p: a.probability, features: a.features }));
  }
  if (i % 50 === 0) process.stderr.write(`${i}/${photos.length}\n`);
}
writeFileSync(process.argv[2]!, lines.join('\n') + '\n');
