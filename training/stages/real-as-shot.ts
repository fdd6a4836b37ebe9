// Real sharp photos as shot, for the heads. Every synthetic sharp image has been through our own
// phone pipeline (noise, sharpening, JPEG), and a head fitted on those alone learnt that a real
// camera's clean, low-texture JPEG (grey sky, sea, studio white, smooth skin) looks blurred: on real
// collections it called 17-24% of sharp photos blurry while synthetic validation said 3%. The head
// photos of the real pool are fed here as they are, plus one smaller copy each, since photos also
// arrive as 0.3-1 MP messenger and gallery exports. Never the held-out part (listRealPhotos).
//
// Each photo also gives one blurred counterpart, blurred by the generator's kernels but not passed
// through the phone pipeline (only a camera-like JPEG save). With sharp as-shot examples alone the
// heads learnt a shortcut, "no pipeline noise = sharp" (measured: blur caught on the synthetic set
// 89.8% -> 73.8%, and a photo under a 5 px canvas blur read as sharp); the pairs make the look of
// an untouched JPEG say nothing about the label.
import { readFileSync } from 'node:fs';
import type { FeatureVector, LumaImage, PatchClass, RgbaImage } from '../../src/core/types.ts';
import type { OpenCv } from '../../src/core/image/opencv-types.ts';
import { applyBlur, BLUR_KINDS, BLUR_TYPE_OF_KIND, type BlurKind } from '../data/blur.ts';
import { rgbaToRgb, rgbToRgba } from '../data/image.ts';
import { encodeJpeg } from '../data/jpeg.ts';
import type { Rng } from '../data/rng.ts';
import { downscaleLuma, workingSize } from '../../src/core/image/image.ts';
import { extractFeatures } from '../../src/core/features/features.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { decodeJpegBytes, toWorkingResolution } from '../../src/node/decode.ts';
import { decodeJpegForAnalysis, turboJpegNode } from '../../src/node/jpeg-decoder.ts';
import { decodeJpegLuma } from '../../src/core/jpeg/jpeg-luma.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { AsShotPool, RunConfig } from '../config.ts';
import { deriveSeed, mulberry32 } from '../data/rng.ts';
import { asShotTrainingPhotos, photoSet, type AsShotPhoto } from './data.ts';
import type { PhotoSet } from './data-images.ts';

export interface AsShotImage {
  /** Source photo (relative path): both sizes of one photo share a fold. */
  source: string;
  /** Long side it was judged at. */
  longSide: number;
  /** 'sharp' as shot; the counterpart's blur type. */
  label: PatchClass;
  /** How the blurred counterpart was blurred (null for the photo as shot). */
  blurKind: BlurKind | null;
  luma: LumaImage;
  features: FeatureVector;
}

/** Long side of the smaller copy: 320-1024 px, drawn per photo (seeded). */
const COPY_LONG_SIDE = { min: 320, max: 1024 };
/** Blur strength of the counterpart (0..1, training/data/blur.ts): the mildest fifth (a 1.5-2 px
 * disc) is left out, as a real sharp photo can be that soft and the pair would then contradict. */
const COUNTERPART_STRENGTH = { min: 0.2, max: 1 };
/** JPEG quality of the counterpart's save, as cameras and editors write. */
const COUNTERPART_QUALITY = { min: 80, max: 95 };

/** A photo blurred by the generator's kernels and saved as a camera-like JPEG (no phone pipeline).
 * `sourcePxPerWorkingPx` > 1 when the app will shrink it (the blur then lands at its size there). */
export function blurAsShot(cv: OpenCv, rng: Rng, image: RgbaImage, blur: { kind: BlurKind; strength: number; sourcePxPerWorkingPx?: number }): Uint8Array {
  const blurred = applyBlur(cv, rng, rgbaToRgb(image), blur.kind, blur.strength, { sourcePxPerWorkingPx: blur.sourcePxPerWorkingPx ?? 1 });
  const quality = rng.int(COUNTERPART_QUALITY.min, COUNTERPART_QUALITY.max);
  return encodeJpeg(rgbToRgba(blurred.image), quality);
}

/** The photo at the working resolution, blurred and saved as a JPEG, read back as the app reads it
 * (luma, libjpeg-turbo); blurred a way not in `used` while there is one (a photo's counterparts
 * then teach different kinds of blur). */
function blurredCounterpart(cv: OpenCv, rng: Rng, working: RgbaImage, used: readonly BlurKind[] = []): { luma: LumaImage; kind: BlurKind } {
  const fresh = BLUR_KINDS.filter((k) => !used.includes(k));
  const kind = rng.pick(fresh.length > 0 ? fresh : BLUR_KINDS);
  const strength = rng.uniform(COUNTERPART_STRENGTH.min, COUNTERPART_STRENGTH.max);
  return { luma: decodeJpegLuma(turboJpegNode(), blurAsShot(cv, rng, working, { kind, strength }), WORKING_MAX_SIDE).luma, kind };
}

export interface AsShotOptions {
  /** Blurred counterparts per photo, each blurred another way (0: the photos as shot only). */
  counterparts?: number;
  /** Whose training photos (default: the real pool alone). */
  pools?: readonly AsShotPool[];
}

/** Progress of an as-shot pass: photos done of all. */
export type AsShotProgress = (photosDone: number, photos: number) => void;

/** Both sizes of each training photo of the given pools and one part ('head': fitted on by the
 * fuse stage; 'cnn': the heads never see them, so the threshold stage sets the operating point on
 * them; 'all': every photo the CNN never trained on, for heads over a CNN that never saw a real
 * photo, RunConfig.realPhotos.allInHeads), decoded the way the app decodes them, and its blurred
 * counterparts, with classical features, handed to `visit` one at a time: a working-size luma is
 * up to 8 MB, and a run may see a thousand photos in three or four versions each. */
export async function forEachAsShotImage(
  config: RunConfig,
  part: PhotoSet | 'all',
  { counterparts = 1, pools = ['real'] }: AsShotOptions,
  visit: (image: AsShotImage) => Promise<void> | void,
  progress: AsShotProgress = () => {},
): Promise<void> {
  // The CNN always trains on the benchmark photos' 'cnn' part (the frozen one did too), so of
  // those only the 'head' part is unseen by it: its features on the rest would be in-sample.
  const inPart = ({ pool, photo }: AsShotPhoto) =>
    part === 'all' ? pool !== 'benchmark' || photoSet(photo, config.data.cnnPhotoShare) === 'head' : photoSet(photo, config.data.cnnPhotoShare) === part;
  const photos = asShotTrainingPhotos(config, pools)
    .filter(inPart)
    .slice(0, config.data.maxRealPhotos ?? Infinity);
  if (photos.length === 0) return;
  const cv = await loadOpenCvNode();
  for (const [done, { source, photo }] of photos.entries()) {
    // The photo as the app reads it (its libjpeg-turbo luma, EXIF orientation applied); the
    // counterparts' blur needs colour, from a full decode (jpeg-js) shrunk to the working size.
    const bytes = new Uint8Array(readFileSync(photo.path));
    const asShot = decodeJpegForAnalysis(bytes, WORKING_MAX_SIDE, photo.path).luma;
    const rng = mulberry32(deriveSeed(config.seed, 'as-shot-copy', source));
    const side = rng.int(COPY_LONG_SIDE.min, COPY_LONG_SIDE.max);
    const copySize = workingSize(asShot.width, asShot.height, side);
    const copy = copySize.width < asShot.width ? downscaleLuma(asShot, copySize.width, copySize.height) : null;
    const make = (luma: LumaImage, label: AsShotImage['label'], blurKind: BlurKind | null): AsShotImage =>
      ({ source, longSide: Math.max(luma.width, luma.height), label, blurKind, luma, features: extractFeatures(cv, luma).features });
    for (const luma of copy ? [asShot, copy] : [asShot]) await visit(make(luma, 'sharp', null));
    if (counterparts === 0) {
      progress(done + 1, photos.length);
      continue;
    }
    const working = toWorkingResolution(decodeJpegBytes(bytes), WORKING_MAX_SIDE);
    const used: BlurKind[] = [];
    for (let k = 0; k < counterparts; k++) {
      // The first counterpart's seed is the one runs had before there could be more than one.
      const counterpart = blurredCounterpart(cv, mulberry32(deriveSeed(config.seed, k === 0 ? 'as-shot-blur' : `as-shot-blur-${k}`, source)), working, used);
      used.push(counterpart.kind);
      await visit(make(counterpart.luma, BLUR_TYPE_OF_KIND[counterpart.kind], counterpart.kind));
    }
    progress(done + 1, photos.length);
  }
}

/** forEachAsShotImage's images in one array (for the few photos the threshold stage judges). */
export async function realAsShotImages(config: RunConfig, part: PhotoSet | 'all', options: AsShotOptions = {}): Promise<AsShotImage[]> {
  const out: AsShotImage[] = [];
  await forEachAsShotImage(config, part, options, (image) => {
    out.push(image);
  });
  return out;
}
