// A hand-written fusion head for unit tests of the aggregation and the head.
import type { FusionParams } from '../core/fusion/head.ts';

/** A toy head reading the aggregation the way a trained one should: sharp evidence lowers the logit. */
export function toyHead(names: string[], weights: number[], bias = 0): FusionParams {
  return {
    version: 1,
    detector: 'toy',
    featureNames: names,
    mean: names.map(() => 0.5),
    std: names.map(() => 0.25),
    zClip: 6,
    blur: { weights: [weights], bias: [bias] },
    calibration: { scale: 1, offset: 0 },
    type: { weights: [names.map(() => 0), names.map(() => 0), names.map(() => 0)], bias: [0, 1, 0] },
  };
}
