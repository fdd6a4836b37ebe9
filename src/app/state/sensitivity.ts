// How the sensitivity slider maps to verdict thresholds; the verdict rule itself is the core's
// (verdictAt), so stored probabilities are re-classified and nothing is analysed again.
// Moving it shifts the thresholds in logit space, so the uncertain band keeps its shape
// near 0 and 1 instead of being clipped, and the middle position reproduces the core's own
// verdicts exactly.
import type { VerdictThresholds } from '../../core/fusion/verdict.ts';

export const SENSITIVITY_MIN = 0;
export const SENSITIVITY_MAX = 100;
export const DEFAULT_SENSITIVITY = 50;

/**
 * How far the extreme slider positions move the bands, in logits. 2.5 logits take a 0.5
 * threshold to 0.08 (most sensitive) or 0.92 (least): the slider's ends mean "anything a
 * little soft" and "only the hopeless ones", not "everything" and "nothing".
 */
const MAX_SHIFT_LOGITS = 2.5;

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clampP = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

export function bandsAt(sensitivity: number, base: VerdictThresholds): VerdictThresholds {
  const s = Math.min(SENSITIVITY_MAX, Math.max(SENSITIVITY_MIN, sensitivity));
  const shift = ((s - DEFAULT_SENSITIVITY) / (SENSITIVITY_MAX - DEFAULT_SENSITIVITY)) * MAX_SHIFT_LOGITS;
  if (shift === 0) return base;
  return {
    blurryFrom: sigmoid(logit(clampP(base.blurryFrom)) - shift),
    uncertainFrom: sigmoid(logit(clampP(base.uncertainFrom)) - shift),
  };
}
