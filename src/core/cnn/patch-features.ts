// The CNN's half of the fused detector, one function for the app's analysis and for training's
// head fitting, so the heads learn from exactly the features the app computes: cut the patches,
// run the CNN on them, aggregate its answers and read the patches' spectrum.
import type * as tfTypes from '@tensorflow/tfjs';
import type { FeatureVector, LumaImage, RegionMap } from '../types.ts';
import { aggregatePatches } from './aggregation.ts';
import { predictPatches } from './cnn.ts';
import { extractPatches } from './patches.ts';
import { spectrumFeatures } from './spectrum.ts';

export interface PatchFeatures {
  /** The cnn* aggregates, then the spectrum features. */
  features: FeatureVector;
  /** The CNN's region map; flat cells borrow `regions` (the classical map) where given. */
  regions: RegionMap;
  /** The CNN's inference alone. */
  cnnMs: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function patchFeatures(cnn: tfTypes.LayersModel, luma: LumaImage, regions?: RegionMap): Promise<PatchFeatures> {
  const patches = extractPatches(luma);
  const started = now();
  const probs = await predictPatches(cnn, patches);
  const cnnMs = now() - started;
  const aggregated = aggregatePatches(probs, patches.positions, regions);
  return { features: { ...aggregated.features, ...spectrumFeatures(patches) }, regions: aggregated.regions, cnnMs };
}
