// What the data stage records per image and per run: the data stage writes these, synthesis
// (stages/synthesise.ts) fills them in, and the later stages and the report read them.
import type { FeatureVector, PatchClass } from '../../src/core/types.ts';

/** 'cnn' trains the CNN; 'head' fits and calibrates the heads (photos the CNN never sees);
 * 'type' adds blurred images, kinds balanced, from the head photos for the blur-type layer only. */
export type ImageSet = 'cnn' | 'head' | 'type';
/** The sets the training photos are split between (the type set reuses the head photos). */
export type PhotoSet = Exclude<ImageSet, 'type'>;

export interface Crop {
  x: number;
  y: number;
  label: PatchClass;
}

export interface DataImage {
  id: string;
  set: ImageSet;
  /** JPEG path relative to the data folder. */
  file: string;
  label: PatchClass;
  category: string;
  /** Source photo (relative path) or procedural id: images of one source share a fold. */
  source: string;
  kind: string;
  strength: number | null;
  bokeh: boolean;
  /** Working-resolution size (what features and patches are computed at). */
  width: number;
  height: number;
  features: FeatureVector;
  crops: Crop[];
  skipped: { flat: number; straddling: number };
}

export interface DataManifest {
  version: number;
  key: string;
  seed: number;
  photosDir: string;
  photos: Record<PhotoSet, string[]>;
  images: DataImage[];
  seconds: number;
}
