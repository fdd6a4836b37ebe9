// One training run's settings. Two presets: the full run (sized for ~25 min on a shared 2-core
// machine, most of it spent synthesising images) and --quick (a 1-2 minute smoke run for CI).
import { join, resolve } from 'node:path';
import { DEFAULT_PHOTOS_DIR, REPO_ROOT } from './data/photos.ts';

export type Imbalance = 'weighted' | 'none';

export interface RunConfig {
  seed: number;
  quick: boolean;
  photosDir: string;
  /** Run artefacts: out/{data,cnn,ablation,fuse,evaluate}/, report.{json,html}. */
  outDir: string;
  /** Generated images, reused across runs with the same data settings (git-ignored). */
  cacheDir: string;
  /** Where export writes (models/ of the repo). */
  modelsDir: string;
  backend: 'wasm' | 'cpu';
  data: {
    /** Images for the patch CNN (gallery class mix). */
    cnnImages: number;
    /** Images for fitting the fusion heads; from photos the CNN never sees. */
    headImages: number;
    /** Share of training photos given to the CNN; the rest feed the heads. */
    cnnPhotoShare: number;
    /** Random crops per image on top of the grid patches (more variety per synthesised image). */
    extraCrops: number;
    proceduralShare: number;
    proceduralSize?: { width: number; height: number };
    /** Use only the first N training photos (quick runs). */
    maxPhotos?: number;
  };
  validation: {
    perPhoto: number;
    procedural: number;
    maxPhotos?: number;
    proceduralSize?: { width: number; height: number };
  };
  cnn: {
    epochs: number;
    batchSize: number;
    learningRate: number;
    imbalance: Imbalance;
    /** Also train an unweighted CNN (same budget) to measure what imbalance handling buys. */
    imbalanceAblation: boolean;
  };
  wholeImage: { epochs: number; size: number };
}

export interface CliOverrides {
  seed?: number;
  quick?: boolean;
  photosDir?: string;
  outDir?: string;
  backend?: 'wasm' | 'cpu';
  imbalanceAblation?: boolean;
}

export function makeConfig(overrides: CliOverrides = {}): RunConfig {
  const quick = overrides.quick ?? false;
  const outDir = resolve(overrides.outDir ?? join(REPO_ROOT, 'training/out'));
  const base: RunConfig = {
    seed: overrides.seed ?? 1,
    quick,
    photosDir: resolve(overrides.photosDir ?? DEFAULT_PHOTOS_DIR),
    outDir,
    cacheDir: join(REPO_ROOT, 'training/cache'),
    modelsDir: quick ? join(outDir, 'models') : join(REPO_ROOT, 'models'),
    backend: overrides.backend ?? 'wasm',
    // Synthesis costs ~1.5 s per image here, so images are the budget: 310 images (~8 min) with
    // 20 extra crops each give the CNN ~10k labelled patches.
    data: { cnnImages: 180, headImages: 130, cnnPhotoShare: 0.6, extraCrops: 20, proceduralShare: 0.3 },
    validation: { perPhoto: 4, procedural: 48 },
    cnn: { epochs: 6, batchSize: 32, learningRate: 2e-3, imbalance: 'weighted', imbalanceAblation: overrides.imbalanceAblation ?? false },
    wholeImage: { epochs: 8, size: 200 },
  };
  if (!quick) return base;
  // --quick: small procedural frames and a handful of photos; exports to out/models, never models/.
  return {
    ...base,
    data: { cnnImages: 24, headImages: 16, cnnPhotoShare: 0.6, extraCrops: 8, proceduralShare: 0.5, proceduralSize: { width: 384, height: 288 }, maxPhotos: 12 },
    validation: { perPhoto: 1, procedural: 8, maxPhotos: 8, proceduralSize: { width: 384, height: 288 } },
    cnn: { ...base.cnn, epochs: 3 },
    wholeImage: { epochs: 2, size: 200 },
  };
}
