// Unintended blur, as phones produce it: missed focus, hand shake, a moving subject, and the
// smooth "soft" look (beauty filters, heavy noise reduction, smeared lens).
import type { BlurType } from '../../src/core/types.ts';
import { defocusKernel, gaussianKernel, linearMotionKernel, shakeKernel, type Kernel } from './kernels.ts';
import { convolvePlane, convolveRgb } from './filter.ts';
import { createRgb, linearToSrgb, srgbToLinear, type Plane, type RgbImage } from './image.ts';
import { planeMean, randomBlob } from './masks.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import type { Rng } from './rng.ts';

export type BlurKind = 'defocus' | 'shake' | 'subject-motion' | 'gaussian';
export const BLUR_KINDS: readonly BlurKind[] = ['defocus', 'shake', 'subject-motion', 'gaussian'];

/** The detector's blur type for each way of blurring. */
export const BLUR_TYPE_OF_KIND: Record<BlurKind, BlurType> = {
  defocus: 'defocus',
  shake: 'motion',
  'subject-motion': 'motion',
  gaussian: 'gaussian',
};

/** Blur size at the working resolution for strength 0 (mild) and 1 (heavy); strength maps
 * log-linearly in between, so equal strength steps look like equal steps. */
export const BLUR_SIZE_RANGE: Record<BlurKind, [number, number]> = {
  // Disc radius px: 1.5-3 reads as "slightly soft", 4-12 as clearly out of focus.
  defocus: [1.5, 12],
  // Path extent px.
  shake: [4, 30],
  // A subject needs to move further than a shaking camera before one notices, as only part of
  // the frame is smeared.
  'subject-motion': [6, 36],
  // Sigma px.
  gaussian: [1, 4],
};

export function blurSize(kind: BlurKind, strength: number): number {
  const [lo, hi] = BLUR_SIZE_RANGE[kind];
  const s = Math.min(1, Math.max(0, strength));
  return lo * Math.pow(hi / lo, s);
}

export interface BlurParams {
  kind: BlurKind;
  strength: number;
  /** Size at the working resolution (radius, extent or sigma, per kind). */
  size: number;
  /** Size actually used on the source image (size x source px per working px). */
  sourceSize: number;
  /** Gain applied to near-white pixels before blurring (clipped highlights were brighter). */
  highlightGain: number;
  defocus?: { rimSoftness: number; rimBoost: number; depthGradient: { angleDeg: number; farRatio: number } | null };
  motion?: { angleDeg: number; subjectCoverage: number };
}

export interface BlurResult {
  image: RgbImage;
  /** Where the image is blurred: 1 blurred, 0 untouched (subject motion blurs only part). */
  blurMask: Plane;
  params: BlurParams;
}

export interface BlurOptions {
  /** Source px per working-resolution px (>= 1 when the image is downscaled after blurring). */
  sourcePxPerWorkingPx?: number;
}

/**
 * Clipped highlights in a JPEG stand for light far brighter than white; blurring them as 1.0
 * would make lamps and specular glints fade instead of blooming into bright discs. Re-expand the
 * top of the range in linear light so blurred highlights spread like real optics.
 */
export function expandHighlights(linear: RgbImage, gain: number): RgbImage {
  const knee = 0.8;
  const out = createRgb(linear.width, linear.height);
  for (let i = 0; i < linear.data.length; i++) {
    const v = linear.data[i]!;
    out.data[i] = v > knee ? v + gain * ((v - knee) / (1 - knee)) ** 2 : v;
  }
  return out;
}

/** Convolves an sRGB image in linear light, with highlight expansion, back to sRGB. */
export function blurInLinearLight(cv: OpenCv, srgb: RgbImage, kernel: Kernel, highlightGain: number): RgbImage {
  const linear = expandHighlights(srgbToLinear(srgb), highlightGain);
  return linearToSrgb(convolveRgb(cv, linear, kernel));
}

function fullMask(width: number, height: number, value: number): Plane {
  return { width, height, data: new Float32Array(width * height).fill(value) };
}

/** Linear ramp 0..1 across the frame along angleDeg (focus distance changing across a tilted scene). */
function rampMask(width: number, height: number, angleDeg: number): Plane {
  const a = (angleDeg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const data = new Float32Array(width * height);
  const span = Math.abs(c) * width + Math.abs(s) * height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data[y * width + x] = ((x - width / 2) * c + (y - height / 2) * s) / span + 0.5;
    }
  }
  return { width, height, data };
}

function mixSrgb(a: RgbImage, b: RgbImage, alpha: Plane): RgbImage {
  const out = createRgb(a.width, a.height);
  for (let i = 0; i < alpha.data.length; i++) {
    const t = alpha.data[i]!;
    for (let c = 0; c < 3; c++) out.data[i * 3 + c] = a.data[i * 3 + c]! * (1 - t) + b.data[i * 3 + c]! * t;
  }
  return out;
}

/**
 * Blurs an sRGB image (0..1) of `kind` at `strength` in [0, 1] (mild .. heavy).
 * Sizes are for the working resolution; pass sourcePxPerWorkingPx when the image will be
 * downscaled afterwards so the blur ends up the intended size.
 */
export function applyBlur(cv: OpenCv, rng: Rng, image: RgbImage, kind: BlurKind, strength: number, options: BlurOptions = {}): BlurResult {
  const scale = options.sourcePxPerWorkingPx ?? 1;
  const size = blurSize(kind, strength);
  const sourceSize = size * scale;
  const { width, height } = image;
  // Most frames have no clipped highlights and the gain then does nothing; when they do, real
  // scene brightness above white varies a lot, hence the wide range.
  const highlightGain = rng.chance(0.7) ? rng.uniform(0.5, 4) : 0;
  const params: BlurParams = { kind, strength, size, sourceSize, highlightGain };

  switch (kind) {
    case 'defocus': {
      const rimSoftness = rng.uniform(0.3, 1.2) * Math.max(1, scale);
      const rimBoost = rng.chance(0.5) ? rng.uniform(0.1, 0.6) : 0;
      const tilted = rng.chance(0.3);
      const depthGradient = tilted ? { angleDeg: rng.uniform(0, 360), farRatio: rng.uniform(0.5, 0.85) } : null;
      params.defocus = { rimSoftness, rimBoost, depthGradient };
      const near = blurInLinearLight(cv, image, defocusKernel(sourceSize, rimSoftness, rimBoost), highlightGain);
      if (!depthGradient) return { image: near, blurMask: fullMask(width, height, 1), params };
      // A tilted scene: the blur radius shrinks across the frame but never reaches sharp.
      const farRadius = Math.max(0.75 * scale, sourceSize * depthGradient.farRatio);
      const far = blurInLinearLight(cv, image, defocusKernel(farRadius, rimSoftness, rimBoost), highlightGain);
      return { image: mixSrgb(near, far, rampMask(width, height, depthGradient.angleDeg)), blurMask: fullMask(width, height, 1), params };
    }
    case 'shake': {
      const kernel = shakeKernel(rng, sourceSize);
      return { image: blurInLinearLight(cv, image, kernel, highlightGain), blurMask: fullMask(width, height, 1), params };
    }
    case 'gaussian': {
      return { image: blurInLinearLight(cv, image, gaussianKernel(sourceSize), highlightGain), blurMask: fullMask(width, height, 1), params };
    }
    case 'subject-motion': {
      const angleDeg = rng.uniform(0, 180);
      const { mask } = randomBlob(rng, width, height, { coverage: [0.4, 0.65], centreJitter: 0.12, feather: [2 * scale, 8 * scale] });
      const kernel = linearMotionKernel(sourceSize, angleDeg);
      // A moving subject smears over the static background: conv(I*m) + I*(1 - conv(m)).
      const linear = expandHighlights(srgbToLinear(image), highlightGain);
      const subject = createRgb(width, height);
      for (let i = 0; i < mask.data.length; i++) {
        for (let c = 0; c < 3; c++) subject.data[i * 3 + c] = linear.data[i * 3 + c]! * mask.data[i]!;
      }
      const smearedSubject = convolveRgb(cv, subject, kernel);
      const smearedMask = convolvePlane(cv, mask, kernel);
      const out = createRgb(width, height);
      for (let i = 0; i < mask.data.length; i++) {
        const keep = 1 - smearedMask.data[i]!;
        for (let c = 0; c < 3; c++) out.data[i * 3 + c] = smearedSubject.data[i * 3 + c]! + linear.data[i * 3 + c]! * keep;
      }
      params.motion = { angleDeg, subjectCoverage: planeMean(mask) };
      return { image: linearToSrgb(out), blurMask: smearedMask, params };
    }
  }
}

