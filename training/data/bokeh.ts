// Intentional blur: portrait mode / wide aperture. A sharp subject over a strongly defocused
// background is a good photo and must stay "sharp" (kept), or the app would flag every portrait.
import { defocusKernel } from './kernels.ts';
import { convolvePlane, convolveRgb } from './filter.ts';
import { expandHighlights } from './blur.ts';
import { createRgb, linearToSrgb, srgbToLinear, type Plane, type RgbImage } from './image.ts';
import { randomBlob, type BlobShape } from './masks.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import type { Rng } from './rng.ts';

export interface BokehParams {
  /** Background disc radius at the working resolution, px. */
  radius: number;
  subjectCoverage: number;
  subject: BlobShape;
  highlightGain: number;
}

export interface BokehResult {
  image: RgbImage;
  /** 1 where the background is defocused, 0 on the sharp subject. */
  blurMask: Plane;
  params: BokehParams;
}

/** Sharp subject (15-45% of the frame, around the centre, feathered edge) over a background
 * defocused with a 5-16 px disc at the working resolution. */
export function applyBokeh(cv: OpenCv, rng: Rng, image: RgbImage, options: { sourcePxPerWorkingPx?: number } = {}): BokehResult {
  const scale = options.sourcePxPerWorkingPx ?? 1;
  const { width, height } = image;
  const radius = rng.logUniform(5, 16);
  const highlightGain = rng.chance(0.8) ? rng.uniform(1, 6) : 0;
  // The centre jitter stays small enough that the subject always covers the frame centre.
  const { shape, mask } = randomBlob(rng, width, height, { coverage: [0.15, 0.45], centreJitter: 0.08, feather: [1.5 * scale, 5 * scale] });
  const kernel = defocusKernel(radius * scale, rng.uniform(0.3, 1) * scale, rng.chance(0.5) ? rng.uniform(0.1, 0.5) : 0);

  // Blur only the background's own light: normalised convolution conv(I*(1-m)) / conv(1-m) keeps
  // the subject from bleeding a halo of its colours into the background.
  const linear = expandHighlights(srgbToLinear(image), highlightGain);
  const background = createRgb(width, height);
  const backgroundWeight = new Float32Array(width * height);
  for (let i = 0; i < backgroundWeight.length; i++) {
    const w = 1 - mask.data[i]!;
    backgroundWeight[i] = w;
    for (let c = 0; c < 3; c++) background.data[i * 3 + c] = linear.data[i * 3 + c]! * w;
  }
  const blurredBackground = convolveRgb(cv, background, kernel);
  const blurredWeight = convolvePlane(cv, { width, height, data: backgroundWeight }, kernel);
  const out = createRgb(width, height);
  for (let i = 0; i < backgroundWeight.length; i++) {
    const m = mask.data[i]!;
    const bw = blurredWeight.data[i]!;
    for (let c = 0; c < 3; c++) {
      const k = i * 3 + c;
      const bg = bw > 1e-3 ? blurredBackground.data[k]! / bw : linear.data[k]!;
      out.data[k] = linear.data[k]! * m + bg * (1 - m);
    }
  }
  return {
    image: linearToSrgb(out),
    blurMask: { width, height, data: backgroundWeight },
    params: { radius, subjectCoverage: 1 - meanOf(backgroundWeight), subject: shape, highlightGain },
  };
}

function meanOf(data: Float32Array): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i]!;
  return s / data.length;
}
