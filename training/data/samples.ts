// One labelled training/validation image = sharp source -> (blur | bokeh | nothing) -> phone
// pipeline. Sample sets are random-access: sample i depends only on (seed, i).
import type { PatchClass, RgbaImage } from '../../src/core/types.ts';
import { PATCH_CLASSES } from '../../src/core/types.ts';
import { applyBlur, BLUR_TYPE_OF_KIND, type BlurKind, type BlurParams } from './blur.ts';
import { applyBokeh, type BokehParams } from './bokeh.ts';
import { resizePlane, resizeRgb } from './filter.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { flipHorizontal, type Plane, type RgbImage } from './image.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { drawPipelineParams, encodeWithPhonePipeline, type PipelineParams } from './phone-pipeline.ts';
import { decodeJpeg } from './jpeg.ts';
import { loadPhoto, type PhotoEntry } from './photos.ts';
import { proceduralImage, type ProceduralKind } from './procedural.ts';
import { deriveSeed, mulberry32, type Rng } from './rng.ts';

export interface SampleSource {
  /** Sharp sRGB image, 0..1. */
  image: RgbImage;
  /** Photo category (subfolder) or 'procedural-<kind>'. */
  category: string;
  /** Photo relative path or procedural id; unique within a set. */
  name: string;
}

export interface SampleMeta {
  /** How it was blurred; 'none' for sharp (bokeh included). */
  kind: BlurKind | 'none';
  /** 0 (mild) .. 1 (heavy); null for sharp. */
  strength: number | null;
  bokeh: boolean;
  category: string;
  source: string;
  flipped: boolean;
  blur: BlurParams | null;
  bokehParams: BokehParams | null;
  pipeline: PipelineParams;
  width: number;
  height: number;
}

/** A sample as JPEG bytes only (writing files needs no decode). */
export interface EncodedSample {
  /** Final JPEG bytes. */
  jpeg: Uint8Array;
  label: PatchClass;
  meta: SampleMeta;
  /** At output size: 1 where the image is blurred (by the label's kind, or the bokeh background
   * for sharp+bokeh), 0 where untouched. Lets patch training label local crops correctly. */
  blurMask: Plane;
}

export interface Sample extends EncodedSample {
  /** Decoded jpeg: exactly what a user's file would decode to. */
  rgba: RgbaImage;
}

export interface MakeSampleOptions {
  /** Blur strength 0..1 (default: uniform). Ignored for sharp. */
  strength?: number;
  /** For 'motion': which way (default: shake 60%, subject motion 40%). */
  kind?: BlurKind;
  /** For 'sharp': intentional background blur (default: never; the set generators decide). */
  bokeh?: boolean;
}

const KINDS_OF_LABEL: Record<Exclude<PatchClass, 'sharp'>, BlurKind[]> = {
  defocus: ['defocus'],
  motion: ['shake', 'subject-motion'],
  gaussian: ['gaussian'],
};

/**
 * Makes one labelled sample from a sharp source. `rng` is advanced, so successive calls on one
 * stream give different samples; the processing (pipeline parameters, flip) is drawn before
 * anything class-specific, so one seed gives the same processing whatever the label.
 */
export function makeSample(cv: OpenCv, rng: Rng, source: SampleSource, label: PatchClass, options: MakeSampleOptions = {}): Sample {
  const encoded = renderSample(cv, rng, source, label, options);
  return { ...encoded, rgba: decodeJpeg(encoded.jpeg) };
}

/** makeSample without decoding the final JPEG. */
export function renderSample(cv: OpenCv, rng: Rng, source: SampleSource, label: PatchClass, options: MakeSampleOptions = {}): EncodedSample {
  // Separate streams: pipeline draws do not depend on what the blur step consumed, so the same
  // seed gives the same processing whatever the class (tested).
  const pipelineRng = rng.fork('pipeline');
  const blurRng = rng.fork('blur');
  const layoutRng = rng.fork('layout');
  const flipped = layoutRng.chance(0.5);
  let image = fitWorkingResolution(cv, flipped ? flipHorizontal(source.image) : source.image);
  const pipeline = drawPipelineParams(pipelineRng, image.width, image.height);
  const sourcePxPerWorkingPx = 1 / pipeline.downscale;
  const { width, height } = image;
  let blurMask: Plane = { width, height, data: new Float32Array(width * height) };
  let blur: BlurParams | null = null;
  let bokehParams: BokehParams | null = null;
  let kind: BlurKind | 'none' = 'none';
  let strength: number | null = null;

  if (label === 'sharp') {
    if (options.bokeh) {
      const result = applyBokeh(cv, blurRng, image, { sourcePxPerWorkingPx });
      image = result.image;
      blurMask = result.blurMask;
      bokehParams = result.params;
    }
  } else {
    kind = options.kind ?? (label === 'motion' ? (blurRng.chance(0.6) ? 'shake' : 'subject-motion') : KINDS_OF_LABEL[label][0]!);
    if (BLUR_TYPE_OF_KIND[kind] !== label) throw new Error(`blur kind ${kind} does not give label ${label}`);
    strength = options.strength ?? blurRng.next();
    const result = applyBlur(cv, blurRng, image, kind, strength, { sourcePxPerWorkingPx });
    image = result.image;
    blurMask = result.blurMask;
    blur = result.params;
  }

  const processed = encodeWithPhonePipeline(cv, pipelineRng, image, pipeline);
  if (processed.width !== blurMask.width || processed.height !== blurMask.height) {
    blurMask = resizePlane(cv, blurMask, processed.width, processed.height);
  }
  return {
    jpeg: processed.jpeg,
    label,
    blurMask,
    meta: {
      kind, strength, bokeh: bokehParams !== null, category: source.category, source: source.name, flipped,
      blur, bokehParams, pipeline, width: processed.width, height: processed.height,
    },
  };
}

/** Blur sizes are defined at the analysis' working resolution, so bigger sources (12 MP phone
 * photos) are first shrunk to it; smaller ones are left alone (the analysis does not upscale). */
function fitWorkingResolution(cv: OpenCv, image: RgbImage): RgbImage {
  const scale = WORKING_MAX_SIDE / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  return resizeRgb(cv, image, Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
}

export function photoSource(entry: PhotoEntry): SampleSource {
  return { image: loadPhoto(entry), category: entry.category, name: entry.relPath };
}

export function proceduralSource(rng: Rng, id: string, options: { kind?: ProceduralKind; width?: number; height?: number } = {}): SampleSource {
  const generated = proceduralImage(rng, options);
  return { image: generated.image, category: `procedural-${generated.kind}`, name: `procedural-${generated.kind}-${id}` };
}

/** Share of each class in a set. */
export type ClassMix = Record<PatchClass, number>;

/** Like a real gallery: most photos are fine; gaussian softness is the rare class. */
export const GALLERY_MIX: ClassMix = { sharp: 0.7, defocus: 0.14, motion: 0.14, gaussian: 0.02 };
export const BALANCED_MIX: ClassMix = { sharp: 0.25, defocus: 0.25, motion: 0.25, gaussian: 0.25 };

/** Exactly count labels in the mix's proportions (largest remainders), in seeded random order:
 * a rare class still gets its share in small sets. */
export function planLabels(rng: Rng, count: number, mix: ClassMix): PatchClass[] {
  const total = PATCH_CLASSES.reduce((s, c) => s + Math.max(0, mix[c]), 0);
  if (!(total > 0)) throw new Error('class mix has no weight');
  const exact = PATCH_CLASSES.map((c) => (Math.max(0, mix[c]) / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, v) => s + v, 0) < count; k++) counts[order[k % order.length]![1]]! += 1;
  const labels: PatchClass[] = [];
  PATCH_CLASSES.forEach((c, i) => {
    for (let k = 0; k < counts[i]!; k++) labels.push(c);
  });
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  return labels;
}

export interface SampleSetOptions {
  seed: number;
  count: number;
  /** Default GALLERY_MIX. */
  mix?: ClassMix;
  /** Share of sharp samples given a bokeh background (default 0.25). */
  bokehShare?: number;
  /** Photos to draw from; pass only the split you mean (train for training). */
  photos: readonly PhotoEntry[];
  /** Share of samples from procedural images (default 0.3; 1 when there are no photos). */
  proceduralShare?: number;
  /** Fixed size for procedural images (default: random 512-1024 px frames). */
  proceduralSize?: { width: number; height: number };
  /** Only samples from..to-1 of the set (default all): parallel workers each take a range and
   * together produce exactly the samples one process would. */
  from?: number;
  to?: number;
}

/** Yields `count` samples (or the from..to range of them); sample i is a function of (seed, i) only. */
export function* generateSamples(cv: OpenCv, options: SampleSetOptions): Generator<Sample> {
  const labels = planLabels(mulberry32(deriveSeed(options.seed, 'labels')), options.count, options.mix ?? GALLERY_MIX);
  const bokehShare = options.bokehShare ?? 0.25;
  const proceduralShare = options.photos.length === 0 ? 1 : (options.proceduralShare ?? 0.3);
  for (let i = options.from ?? 0; i < Math.min(options.count, options.to ?? options.count); i++) {
    const rng = mulberry32(deriveSeed(options.seed, 'sample', i));
    const sourceRng = rng.fork('source');
    const source = sourceRng.chance(proceduralShare)
      ? proceduralSource(sourceRng, `${options.seed}-${i}`, options.proceduralSize ?? {})
      : photoSource(sourceRng.pick(options.photos));
    const label = labels[i]!;
    yield makeSample(cv, rng, source, label, { bokeh: label === 'sharp' && rng.fork('bokeh').chance(bokehShare) });
  }
}

/** Class-balanced set (validation, confusion matrices). */
export function generateBalancedSamples(cv: OpenCv, options: Omit<SampleSetOptions, 'mix'>): Generator<Sample> {
  return generateSamples(cv, { ...options, mix: BALANCED_MIX });
}
