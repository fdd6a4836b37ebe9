// The core's verdict bands at the slider's middle position, so the app shows the same
// verdicts the analysis (and the published evaluation) gives.
import { verdictThresholds } from '../../core/fusion/verdict.ts';
import type { VerdictBands } from './sensitivity.ts';

export const VERDICT_BANDS: VerdictBands = verdictThresholds();
