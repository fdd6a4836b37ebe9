// The face pass as one step of the analysis: find the faces, read them, decide. Runs after the
// frame's own analysis, whose region map tells whether the background is sharp.
import type { LumaImage, RegionMap, RgbaImage } from '../types.ts';
import { detectFaces, type FaceModels } from './detect-faces.ts';
import { readSubject } from './read-subject.ts';
import type { SubjectFocus } from './types.ts';

/** The photo as the face pass needs it beside the working luma: a colour copy for the detector. */
export interface FaceInput {
  /** Long side at most DETECTOR_SIDE (detect-faces.ts). */
  small: RgbaImage;
}

/** `frameProbability`: the frame's P(blurry), which a sharp face cannot overrule when it is near
 * certain (FRAME_CERTAIN_BLURRY in subject-focus.ts). */
export async function analyzeFaces(models: FaceModels, input: FaceInput, luma: LumaImage, regions: RegionMap, frameProbability: number): Promise<SubjectFocus> {
  const detected = await detectFaces(models, luma, input.small);
  return { ...readSubject(luma, regions, detected), frameProbability };
}
