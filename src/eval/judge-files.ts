// Judges labelled files one by one with the app's analyzer: the per-file rows behind every number
// `npm run eval` reports, so a miss can be opened and looked at.
import type { Analyzer, DetectorName } from '../core/analyze.ts';
import type { FaceInput } from '../core/face/analyze-faces.ts';
import { subjectCall } from '../core/face/subject-focus.ts';
import { likeliestCause, type BlurCause, type BlurType, type LumaImage, type PatchClass, type Verdict } from '../core/types.ts';

export interface LabelledFile {
  path: string;
  label: PatchClass;
}

export interface JudgedFile {
  file: string;
  label: PatchClass;
  /** The frame's P(blurry). */
  probability: number;
  /** The app's verdict: the frame's, unless a face decided (faceCall). */
  verdict: Verdict;
  /** What the face pass called the photo on its own; null when no face decided or none ran. */
  faceCall: 'sharp' | 'blurry' | null;
  /** The cause a person would be told; null when the photo is kept as sharp. */
  cause: BlurCause | null;
  typeProbabilities: Record<BlurType, number> | null;
  /** P(blurry) of the variance-of-Laplacian < 100 rule on the same pixels. */
  baselineProbability: number;
}

export interface JudgeResult {
  judged: JudgedFile[];
  errors: Array<{ file: string; error: string }>;
}

export async function judgeFiles(
  analyzer: Analyzer,
  files: readonly LabelledFile[],
  detector: DetectorName,
  /** The working luma, and the detector's colour copy when the face pass should run. */
  decode: (path: string) => Promise<{ luma: LumaImage; faces?: FaceInput }>,
  onProgress: (done: number) => void = () => {},
): Promise<JudgeResult> {
  const judged: JudgedFile[] = [];
  const errors: JudgeResult['errors'] = [];
  for (const [i, file] of files.entries()) {
    try {
      const { luma, faces } = await decode(file.path);
      const a = (await analyzer.analyze(luma, { detector, ...(faces ? { faces } : {}) })).analysis;
      const b = (await analyzer.analyze(luma, { detector: 'laplacian-100' })).analysis;
      judged.push({
        file: file.path,
        label: file.label,
        probability: a.probability,
        verdict: a.verdict,
        faceCall: subjectCall(a.subject),
        cause: a.verdict !== 'sharp' && a.typeProbabilities ? likeliestCause(a.typeProbabilities) : null,
        typeProbabilities: a.typeProbabilities,
        baselineProbability: b.probability,
      });
    } catch (error) {
      errors.push({ file: file.path, error: error instanceof Error ? error.message : String(error) });
    }
    onProgress(i + 1);
  }
  return { judged, errors };
}
