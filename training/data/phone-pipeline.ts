// What a phone does to every photo after the lens, sharp or blurred alike: exposure, sensor
// noise, noise reduction, tone curve, sharpening, resizing, JPEG. Applying it to every class with
// parameters drawn independently of the class keeps the detector from telling classes apart by
// processing traces (a blurred image that is also noise-free would be a shortcut).
import type { RgbaImage } from '../../src/core/types.ts';
import { bilateralRgb, gaussianBlurRgb, resizeRgb } from './filter.ts';
import { createRgb, linearToSrgb, rgbToRgba, srgbToLinear, type RgbImage } from './image.ts';
import { decodeJpeg, encodeJpeg } from './jpeg.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { fillNormals, type Rng } from './rng.ts';

export interface PipelineParams {
  /** Exposure change in stops, applied in linear light. */
  exposureEv: number;
  lowLight: boolean;
  /** ISO-like sensor gain; sets the Poisson term of the noise. */
  iso: number;
  /** Noise variance model in linear light: var = shotNoise * signal + readNoise^2. */
  shotNoise: number;
  readNoise: number;
  /** Share of the noise that is independent per channel (colour speckle) rather than luma. */
  chromaShare: number;
  /** Resulting noise sigma at mid-grey in sRGB units (0..1): one comparable number per image. */
  noiseSigmaMidGrey: number;
  /** Bilateral noise reduction; null = off. */
  noiseReduction: { sigmaColor: number; sigmaSpace: number } | null;
  /** Tone curve: power on sRGB values, and midtone contrast (>0 steeper). */
  gamma: number;
  contrast: number;
  /** Unsharp mask; amount 0 = off. Leaves halos at edges, like phone sharpening. */
  sharpenAmount: number;
  sharpenSigma: number;
  /** Output size / input size (1 = not resized). */
  downscale: number;
  jpegQuality: number;
}

export interface PipelineResult {
  rgba: RgbaImage;
  /** The JPEG bytes the decoded rgba came from (write these, don't re-encode). */
  jpeg: Uint8Array;
  params: PipelineParams;
}

/** Smallest side an image may be shrunk to: below this there is too little left to judge. */
const MIN_OUTPUT_SIDE = 320;

/** Mid-grey (18% linear) noise sigma after sRGB encoding; the slope of the curve there is ~1.19. */
function midGreySigma(shotNoise: number, readNoise: number, gain: number): number {
  const signal = 0.18 * gain;
  const sigmaLinear = Math.sqrt(shotNoise * signal + readNoise * readNoise);
  const slope = (1.055 / 2.4) * Math.pow(Math.min(1, signal), 1 / 2.4 - 1);
  return sigmaLinear * slope;
}

/**
 * Draws the processing of one photo. Depends only on the rng and the source size, never on the
 * class, so sharp and blurred samples share one distribution by construction.
 */
export function drawPipelineParams(rng: Rng, sourceWidth: number, sourceHeight: number): PipelineParams {
  const lowLight = rng.chance(0.2);
  // Low light: the phone raises ISO yet the frame still comes out darker than a daylight one.
  const exposureEv = lowLight ? rng.uniform(-1.8, -0.6) : Math.max(-0.8, Math.min(0.8, 0.3 * rng.normal()));
  const iso = lowLight ? rng.logUniform(800, 6400) : rng.logUniform(50, 800);
  // Calibrated so ISO 100 gives ~1.5/255 noise at mid-grey, ISO 3200 ~8/255 before noise reduction.
  const shotNoise = 1.4e-4 * (iso / 100) * rng.uniform(0.7, 1.4);
  const readNoise = 6e-4 * Math.sqrt(iso / 100) * rng.uniform(0.5, 1.5);
  // Phones suppress colour noise much harder than luma grain, so little of it survives.
  const chromaShare = rng.uniform(0.05, 0.4);
  const noiseSigmaMidGrey = midGreySigma(shotNoise, readNoise, Math.pow(2, exposureEv));
  // Phones denoise hard once noise is visible, smearing fine texture a little even in sharp shots.
  const noiseReduction =
    iso > 400 && rng.chance(0.85) ? { sigmaColor: noiseSigmaMidGrey * rng.uniform(2, 4), sigmaSpace: rng.uniform(1, 2.5) } : null;
  const gamma = rng.uniform(0.8, 1.25);
  const contrast = rng.uniform(-0.15, 0.35);
  const sharpen = rng.chance(0.9);
  const sharpenAmount = sharpen ? rng.uniform(0.2, 1.6) : 0;
  const sharpenSigma = rng.uniform(0.6, 2.5);
  const maxShrink = MIN_OUTPUT_SIDE / Math.min(sourceWidth, sourceHeight);
  const wantShrink = rng.chance(0.35) ? rng.uniform(0.5, 0.9) : 1;
  const downscale = Math.min(1, Math.max(wantShrink, maxShrink));
  const jpegQuality = rng.int(55, 95);
  return {
    exposureEv, lowLight, iso, shotNoise, readNoise, chromaShare, noiseSigmaMidGrey, noiseReduction,
    gamma, contrast, sharpenAmount, sharpenSigma, downscale, jpegQuality,
  };
}

/** Exposure and Poisson-Gaussian sensor noise, in linear light. */
function exposeWithNoise(rng: Rng, srgb: RgbImage, p: PipelineParams): RgbImage {
  const linear = srgbToLinear(srgb);
  const gain = Math.pow(2, p.exposureEv);
  const chroma = Math.sqrt(p.chromaShare);
  const luma = Math.sqrt(1 - p.chromaShare);
  const readVar = p.readNoise * p.readNoise;
  const n = srgb.width * srgb.height;
  // Per pixel: one luma draw shared by the channels, one colour draw per channel.
  const normals = fillNormals(rng, new Float32Array(n * 4));
  const d = linear.data;
  for (let i = 0; i < n; i++) {
    const shared = luma * normals[i * 4]!;
    for (let c = 0; c < 3; c++) {
      const k = i * 3 + c;
      const signal = d[k]! * gain;
      const sigma = Math.sqrt(p.shotNoise * signal + readVar);
      d[k] = Math.min(1, Math.max(0, signal + sigma * (shared + chroma * normals[i * 4 + 1 + c]!)));
    }
  }
  return linearToSrgb(linear);
}

function toneCurve(image: RgbImage, p: PipelineParams): RgbImage {
  // Tabulated: a pow and a sin per value would cost more than the rest of the pipeline.
  const size = 4096;
  const lut = new Float32Array(size + 1);
  for (let i = 0; i <= size; i++) {
    const y = Math.pow(i / size, p.gamma);
    // y - c sin(2 pi y) / (2 pi): slope 1 + c at mid-tones, 1 - c at the ends, monotone for |c| < 1.
    lut[i] = y - (p.contrast * Math.sin(2 * Math.PI * y)) / (2 * Math.PI);
  }
  const out = createRgb(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const x = Math.min(1, Math.max(0, image.data[i]!)) * size;
    const j = Math.min(size - 1, Math.floor(x));
    out.data[i] = lut[j]! + (lut[j + 1]! - lut[j]!) * (x - j);
  }
  return out;
}

function unsharpMask(cv: OpenCv, image: RgbImage, amount: number, sigma: number): RgbImage {
  const soft = gaussianBlurRgb(cv, image, sigma);
  const out = createRgb(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i]! + amount * (image.data[i]! - soft.data[i]!);
    out.data[i] = Math.min(1, Math.max(0, v));
  }
  return out;
}

export interface EncodedPipelineResult {
  jpeg: Uint8Array;
  width: number;
  height: number;
  params: PipelineParams;
}

/** Runs the phone processing on an sRGB image (0..1) and returns the final JPEG bytes. */
export function encodeWithPhonePipeline(cv: OpenCv, rng: Rng, image: RgbImage, params: PipelineParams): EncodedPipelineResult {
  let img = exposeWithNoise(rng, image, params);
  if (params.noiseReduction) {
    const { sigmaColor, sigmaSpace } = params.noiseReduction;
    img = bilateralRgb(cv, img, 2 * Math.ceil(1.5 * sigmaSpace) + 1, sigmaColor, sigmaSpace);
  }
  img = toneCurve(img, params);
  if (params.sharpenAmount > 0) img = unsharpMask(cv, img, params.sharpenAmount, params.sharpenSigma);
  if (params.downscale < 1) {
    const w = Math.max(1, Math.round(img.width * params.downscale));
    const h = Math.max(1, Math.round(img.height * params.downscale));
    img = resizeRgb(cv, img, w, h);
  }
  return { jpeg: encodeJpeg(rgbToRgba(img), params.jpegQuality), width: img.width, height: img.height, params };
}

/** Runs the phone processing and returns the final JPEG together with its decoding. */
export function applyPhonePipeline(cv: OpenCv, rng: Rng, image: RgbImage, params: PipelineParams): PipelineResult {
  const encoded = encodeWithPhonePipeline(cv, rng, image, params);
  return { rgba: decodeJpeg(encoded.jpeg), jpeg: encoded.jpeg, params };
}
