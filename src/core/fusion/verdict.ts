// From a calibrated probability to the word the user sees.
import { causeOf, likeliestCause, type Analysis, type BlurCause, type Verdict } from '../types.ts';

/** Probabilities are calibrated (Platt scaling on held-out photos), so 0.5 means "as likely
 * blurry as not": the threshold that minimises mistakes when both kinds cost the same. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Width of the 'uncertain' band centred on the threshold (0.45..0.55 at the default).
 * Why a band: inside it the calibrated model is wrong close to half the time, so calling such a
 * photo sharp (kept silently) or blurry (offered for deletion) would be a coin flip; 'uncertain'
 * asks the person to look instead. Why narrow: each uncertain photo costs a human glance, and
 * only ~5% of a gallery should need one (the training report measures the share per run).
 */
export const DEFAULT_UNCERTAIN_BAND = 0.1;

/** Where the verdicts begin; the app's sensitivity slider moves them (src/app/state/sensitivity.ts). */
export interface VerdictThresholds {
  /** Probabilities at or above this are blurry. */
  blurryFrom: number;
  /** Probabilities at or above this (and below blurryFrom) are uncertain; below it, sharp. */
  uncertainFrom: number;
}

export function verdictThresholds(threshold: number = DEFAULT_THRESHOLD, band: number = DEFAULT_UNCERTAIN_BAND): VerdictThresholds {
  if (!(band >= 0)) throw new RangeError(`verdict band must be >= 0, got ${band}`);
  return { uncertainFrom: Math.max(0, threshold - band / 2), blurryFrom: Math.min(1, threshold + band / 2) };
}

/** The verdict rule, for the analysis and for the app at any slider position. An unknown
 * probability is uncertain: the person looks. */
export function verdictAt(probability: number, thresholds: VerdictThresholds): Verdict {
  if (Number.isNaN(probability)) return 'uncertain';
  if (probability >= thresholds.blurryFrom) return 'blurry';
  if (probability >= thresholds.uncertainFrom) return 'uncertain';
  return 'sharp';
}

export function verdictFor(probability: number, threshold: number = DEFAULT_THRESHOLD, band: number = DEFAULT_UNCERTAIN_BAND): Verdict {
  return verdictAt(probability, verdictThresholds(threshold, band));
}

/** The cause a person is told with a verdict (motion or out of focus): none when sharp; else from
 * the type probabilities (defocus and gaussian together against motion), or from the analysis's
 * own type where there are none. Also where the analysis called the photo sharp and the slider has
 * since made it blurry. */
export function causeFor(analysis: Pick<Analysis, 'blurType' | 'typeProbabilities'>, verdict: Verdict): BlurCause | null {
  if (verdict === 'sharp') return null;
  if (analysis.typeProbabilities) return likeliestCause(analysis.typeProbabilities);
  return analysis.blurType ? causeOf(analysis.blurType) : null;
}
