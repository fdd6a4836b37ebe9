// Real sharp photos as shot, for the heads. Every synthetic sharp image has been through our own
// phone pipeline (noise, sharpening, JPEG), and a head fitted on those alone learnt that a real
// camera's clean, low-texture JPEG (grey sky, sea, studio white, smooth skin) looks blurred: on real
// collections it called 17-24% of sharp photos blurry while synthetic validation said 3%. The head
// photos of the real pool are fed here as they are, plus one smaller copy each, since photos also
// arrive as 0.3-1 MP messenger and gallery exports. Never the held-out part (listRealPhotos).
import type { FeatureVector, LumaImage } from '../../src/core/types.ts';
import { downscaleRgba, toLuma, workingSize } from '../../src/core/image/image.ts';
import { extractFeatures } from '../../src/core/features/features.ts';
import { WORKING_MAX_SIDE } from '../../src/core/image/working-resolution.ts';
import { decodeJpegFile, toWorkingResolution } from '../../src/node/decode.ts';
import { loadOpenCvNode } from '../../src/node/opencv.ts';
import type { RunConfig } from '../config.ts';
import { deriveSeed, mulberry32 } from '../data/rng.ts';
import { photoSet, realTrainingPhotos } from './data.ts';
import type { PhotoSet } from './data-images.ts';

export interface AsShotImage {
  /** Source photo (relative path): both sizes of one photo share a fold. */
  source: string;
  /** Long side it was judged at. */
  longSide: number;
  luma: LumaImage;
  features: FeatureVector;
}

/** Long side of the smaller copy: 320-1024 px, drawn per photo (seeded). */
const COPY_LONG_SIDE = { min: 320, max: 1024 };

/** Both sizes of each real training photo of one part ('head': fitted on by the fuse stage;
 * 'cnn': the heads never see them, so the threshold stage sets the operating point on them),
 * decoded the way the app decodes them, with classical features. */
export async function realAsShotImages(config: RunConfig, part: PhotoSet): Promise<AsShotImage[]> {
  const photos = realTrainingPhotos(config)
    .filter((p) => photoSet(p, config.data.cnnPhotoShare) === part)
    .slice(0, config.data.maxRealPhotos ?? Infinity);
  if (photos.length === 0) return [];
  const cv = await loadOpenCvNode();
  const out: AsShotImage[] = [];
  for (const photo of photos) {
    const rgba = decodeJpegFile(photo.path);
    const rng = mulberry32(deriveSeed(config.seed, 'as-shot-copy', photo.relPath));
    const side = rng.int(COPY_LONG_SIDE.min, COPY_LONG_SIDE.max);
    const copySize = workingSize(rgba.width, rgba.height, side);
    const copy = copySize.width < rgba.width ? downscaleRgba(rgba, copySize.width, copySize.height) : null;
    for (const image of copy ? [rgba, copy] : [rgba]) {
      const luma = toLuma(toWorkingResolution(image, WORKING_MAX_SIDE));
      out.push({ source: photo.relPath, longSide: Math.max(luma.width, luma.height), luma, features: extractFeatures(cv, luma).features });
    }
  }
  return out;
}
