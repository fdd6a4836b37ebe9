// The four ways a portrait is shot, made from one sharp photo of people with the project's blur
// generator: as shot; portrait mode (person sharp, background defocused); back-focus (the lens
// focused behind the person: person soft, background sharp); the whole frame soft.
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import type { FaceBox } from '../../src/core/face/types.ts';
import { applyBlur, blurSize, expandHighlights } from '../data/blur.ts';
import { convolvePlane, convolveRgb, gaussianBlurPlane } from '../data/filter.ts';
import { createRgb, linearToSrgb, srgbToLinear, type Plane, type RgbImage } from '../data/image.ts';
import { defocusKernel } from '../data/kernels.ts';
import type { Rng } from '../data/rng.ts';

export type PortraitVariant = 'as-shot' | 'bokeh' | 'back-focus' | 'soft';
export const PORTRAIT_VARIANTS: readonly PortraitVariant[] = ['as-shot', 'bokeh', 'back-focus', 'soft'];
/** What a person wants done with each: keep the first two, flag the others. */
export const EXPECTED: Record<PortraitVariant, 'keep' | 'flag'> = { 'as-shot': 'keep', bokeh: 'keep', 'back-focus': 'flag', soft: 'flag' };

/**
 * Where the people are, without a segmentation model: for each face, a head ellipse around the
 * face box and a torso below it (3 face widths wide, to the bottom of the frame), feathered by a
 * fifth of a face width. Coarse at the shoulders, but the face and its surroundings, which the
 * face pass and the frame's centre cells see, are right.
 */
export function personMask(cv: OpenCv, width: number, height: number, faces: readonly FaceBox[]): Plane {
  const data = new Float32Array(width * height);
  for (const f of faces) {
    const cx = f.x + f.width / 2, cy = f.y + f.height / 2;
    const hx = 0.75 * f.width, hy = 0.9 * f.height;
    const top = f.y + 0.9 * f.height;
    for (let y = Math.max(0, Math.floor(cy - hy)); y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inHead = ((x - cx) / hx) ** 2 + ((y - cy) / hy) ** 2 <= 1;
        // The torso widens from the neck (1 face width) to 3 face widths over 1.5 face heights.
        const spread = Math.min(1.5, 0.5 + (y - top) / (1.5 * f.height));
        const inTorso = y >= top && Math.abs(x - cx) <= spread * f.width;
        if (inHead || inTorso) data[y * width + x] = 1;
      }
    }
  }
  const feather = Math.max(1.5, 0.2 * Math.min(...faces.map((f) => f.width)) / 2);
  return gaussianBlurPlane(cv, { width, height, data }, feather);
}

/** conv(I * w) / conv(w): blurs only the light where the weight is (normalised convolution). */
function blurLayer(cv: OpenCv, linear: RgbImage, weight: Plane, radius: number): { layer: RgbImage; coverage: Plane } {
  const { width, height } = linear;
  const weighted = createRgb(width, height);
  for (let i = 0; i < weight.data.length; i++) for (let c = 0; c < 3; c++) weighted.data[i * 3 + c] = linear.data[i * 3 + c]! * weight.data[i]!;
  const kernel = defocusKernel(radius, 0.6, 0);
  return { layer: convolveRgb(cv, weighted, kernel), coverage: convolvePlane(cv, weight, kernel) };
}

export interface VariantResult {
  image: RgbImage;
  params: Record<string, number | string>;
}

/** `strength` (0..1, the generator's mild..heavy) fixes the blur of 'soft' and 'back-focus'
 * instead of drawing it (tests that need a clear case). */
export function renderVariant(cv: OpenCv, rng: Rng, image: RgbImage, mask: Plane, variant: PortraitVariant, options: { strength?: number } = {}): VariantResult {
  const { width, height } = image;
  if (variant === 'as-shot') return { image, params: {} };
  if (variant === 'soft') {
    const kind = rng.chance(0.5) ? 'defocus' : 'gaussian';
    const strength = options.strength ?? rng.uniform(0.3, 1);
    return { image: applyBlur(cv, rng, image, kind, strength).image, params: { kind, strength } };
  }
  const linear = expandHighlights(srgbToLinear(image), rng.chance(0.7) ? rng.uniform(0.5, 3) : 0);
  const out = createRgb(width, height);
  if (variant === 'bokeh') {
    // As the bokeh generator does (training/data/bokeh.ts): a 5-16 px disc on the background's own light.
    const radius = rng.logUniform(5, 16);
    const background: Plane = { width, height, data: mask.data.map((m) => 1 - m) };
    const { layer, coverage } = blurLayer(cv, linear, background, radius);
    for (let i = 0; i < mask.data.length; i++) {
      const m = mask.data[i]!, w = coverage.data[i]!;
      for (let c = 0; c < 3; c++) {
        const k = i * 3 + c;
        out.data[k] = linear.data[k]! * m + (w > 1e-3 ? layer.data[k]! / w : linear.data[k]!) * (1 - m);
      }
    }
    return { image: linearToSrgb(out), params: { radius } };
  }
  // Back-focus: the person, nearer than the focus, spreads over the sharp background like a
  // moving subject does: conv(I m) + I (1 - conv(m)). Radius from the generator's defocus range
  // at strength 0.3-1 (2.8-12 px): milder misses are "slightly soft", not a failed shot.
  const strength = options.strength ?? rng.uniform(0.3, 1);
  const radius = blurSize('defocus', strength);
  const { layer, coverage } = blurLayer(cv, linear, mask, radius);
  for (let i = 0; i < mask.data.length; i++) {
    const keep = 1 - coverage.data[i]!;
    for (let c = 0; c < 3; c++) out.data[i * 3 + c] = layer.data[i * 3 + c]! + linear.data[i * 3 + c]! * keep;
  }
  return { image: linearToSrgb(out), params: { strength, radius } };
}
