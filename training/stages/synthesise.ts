// The data stage's image synthesis, split into index ranges so several processes can share it.
// Sample i of a set depends only on (seed, i), so ranges done in parallel and put back in order
// give exactly the images one process would. Run as a child process (forked by the data stage) it
// takes one job over IPC, reports each image as it is done and exits.
import { writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LumaImage } from '../../src/core/types.ts';
import { extractFeatures } from '../../src/core/features/features.ts';
import { extractPatchAt, extractPatches, FLAT_TEXTURE, globalContrast, PATCH_SIZE } from '../../src/core/cnn/patches.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { decodeJpegLuma } from '../../src/core/jpeg/jpeg-luma.ts';
import { turboJpegNode } from '../../src/node/jpeg-decoder.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { PhotoEntry } from '../data/photos.ts';
import { deriveSeed, mulberry32 } from '../data/rng.ts';
import { generateSamples, type ClassMix, type Sample } from '../data/samples.ts';
import type { RunConfig } from '../config.ts';
import { cropLabel, maskCoverage } from '../patch-labels.ts';
import type { Crop, DataImage, ImageSet } from './data-images.ts';

export interface SynthesisJob {
  config: RunConfig;
  set: ImageSet;
  /** Images in the whole set (the job makes from..to-1 of them). */
  count: number;
  mix: ClassMix;
  photos: PhotoEntry[];
  /** Cache folder the JPEGs go to (under images/). */
  dir: string;
  from: number;
  to: number;
}

/** Grid patches plus seeded random crops, each labelled from the blur mask. */
function labelledCrops(sample: Sample, luma: LumaImage, extra: number, seed: number): Pick<DataImage, 'crops' | 'skipped'> {
  const grid = extractPatches(luma);
  const contrast = globalContrast(luma);
  const rng = mulberry32(seed);
  const spots = grid.positions.map((p) => ({ x: p.x, y: p.y }));
  for (let k = 0; k < extra; k++) {
    spots.push({ x: rng.int(0, Math.max(0, luma.width - PATCH_SIZE)), y: rng.int(0, Math.max(0, luma.height - PATCH_SIZE)) });
  }
  const crops: Crop[] = [];
  const skipped = { flat: 0, straddling: 0 };
  for (const { x, y } of spots) {
    const { texture } = extractPatchAt(luma, x, y, contrast);
    const coverage = maskCoverage(sample.blurMask, luma.width, luma.height, x, y, PATCH_SIZE);
    const label = cropLabel(sample.label, sample.meta.bokeh, coverage, texture);
    if (label) crops.push({ x, y, label });
    else if (texture < FLAT_TEXTURE) skipped.flat++;
    else skipped.straddling++;
  }
  return { crops, skipped };
}

/** Synthesises images from..to-1 of one set: writes each JPEG and returns what the stages need. */
export async function synthesiseRange(job: SynthesisJob, onImage: (image: DataImage) => void = () => {}): Promise<DataImage[]> {
  const { config, set } = job;
  const cv = await loadOpenCvNode();
  const samples = generateSamples(cv, {
    seed: deriveSeed(config.seed, `training-${set}`),
    count: job.count,
    photos: job.photos,
    mix: job.mix,
    proceduralShare: config.data.proceduralShare,
    ...(config.data.proceduralSize ? { proceduralSize: config.data.proceduralSize } : {}),
    from: job.from,
    to: job.to,
  });
  const images: DataImage[] = [];
  let i = job.from;
  for (const sample of samples) {
    const id = `${set}-${String(i).padStart(4, '0')}`;
    const file = `images/${id}.jpg`;
    writeFileSync(join(job.dir, file), sample.jpeg);
    // The file as the app decodes it: libjpeg-turbo wasm, luma at working size.
    const luma = decodeJpegLuma(turboJpegNode(), sample.jpeg, WORKING_MAX_SIDE).luma;
    const { features } = extractFeatures(cv, luma);
    const image: DataImage = {
      id,
      set,
      file,
      label: sample.label,
      category: sample.meta.category,
      source: sample.meta.source,
      kind: sample.meta.kind,
      strength: sample.meta.strength,
      bokeh: sample.meta.bokeh,
      width: luma.width,
      height: luma.height,
      features,
      ...labelledCrops(sample, luma, config.data.extraCrops, deriveSeed(config.seed, 'crops', id)),
    };
    images.push(image);
    onImage(image);
    i++;
  }
  return images;
}

type ChildMessage = { type: 'image'; image: DataImage } | { type: 'done' } | { type: 'error'; message: string };

/** How many processes synthesise at once: one per core, at most 4 (each holds opencv, ~100 MB). */
export function synthesisWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Runs synthesiseRange for images 0..count-1 over `workers` child processes (in this process
 * when workers is 1) and returns the images in index order, as one process would.
 */
export async function synthesiseSet(job: Omit<SynthesisJob, 'from' | 'to'>, workers: number, onImage: (image: DataImage) => void): Promise<DataImage[]> {
  const { count } = job;
  if (workers <= 1 || count < 2 * workers) return synthesiseRange({ ...job, from: 0, to: count }, onImage);
  const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round((w * count) / workers));
  const parts = await Promise.all(
    bounds.slice(0, -1).map(
      (from, w) =>
        new Promise<DataImage[]>((resolvePart, reject) => {
          const child = fork(fileURLToPath(import.meta.url), ['--synthesis-child'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          const images: DataImage[] = [];
          child.on('message', (message: ChildMessage) => {
            if (message.type === 'image') {
              images.push(message.image);
              onImage(message.image);
            } else if (message.type === 'done') resolvePart(images);
            else reject(new Error(`synthesis worker: ${message.message}`));
          });
          child.on('exit', (code) => code !== 0 && reject(new Error(`synthesis worker exited with ${code}`)));
          child.send({ ...job, from, to: bounds[w + 1]! } satisfies SynthesisJob);
        }),
    ),
  );
  return parts.flat();
}

if (process.argv.includes('--synthesis-child') && process.send) {
  process.once('message', (job: SynthesisJob) => {
    synthesiseRange(job, (image) => process.send!({ type: 'image', image } satisfies ChildMessage))
      .then(() => process.send!({ type: 'done' } satisfies ChildMessage, () => process.exit(0)))
      .catch((error: unknown) => {
        process.send!({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChildMessage, () => process.exit(1));
      });
  });
}
