// From a calibrated probability to the word the user sees.
import type { Verdict } from '../types.ts';

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

/** Same shape as the app's slider bands: blurry from `blurryFrom`, uncertain from `uncertainFrom`. */
export interface VerdictThresholds {
  blurryFrom: number;
  uncertainFrom: number;
}

export function verdictThresholds(threshold: number = DEFAULT_THRESHOLD, band: number = DEFAULT_UNCERTAIN_BAND): VerdictThresholds {
  if (!(band >= 0)) throw new RangeError(`verdict band must be >= 0, got ${band}`);
  return { uncertainFrom: Math.max(0, threshold - band / 2), blurryFrom: Math.min(1, threshold + band / 2) };
}

export function verdictFor(probability: number, threshold: number = DEFAULT_THRESHOLD, band: number = DEFAULT_UNCERTAIN_BAND): Verdict {
  if (Number.isNaN(probability)) return 'uncertain';
  const { blurryFrom, uncertainFrom } = verdictThresholds(threshold, band);
  if (band === 0) return probability >= threshold ? 'blurry' : 'sharp';
  if (probability >= blurryFrom) return 'blurry';
  if (probability >= uncertainFrom) return 'uncertain';
  return 'sharp';
}
