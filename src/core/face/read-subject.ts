// From the faces the detector found to a SubjectFocus: each face's sharpness and eyes, the face
// that decides, and whether the background has sharp detail of its own.
import type { LumaImage, RegionMap } from '../types.ts';
import { eyeRegion } from './eye-region.ts';
import { faceSharpness } from './face-sharpness.ts';
import { readEyes } from './eyes-closed.ts';
import { decidingFace, judgedFace } from './subject-focus.ts';
import type { DetectedFace, FaceBox, FaceReading, SubjectFocus } from './types.ts';

/** A region cell at or above this counts as sharp (the core's sharp-tile cut, features.ts). */
const SHARP_CELL = 0.6;
/** The background is sharp when at least this share of its judgeable cells is: a sharp wall or
 * scene behind a soft face, not one lucky cell. */
const SHARP_BACKGROUND_SHARE = 0.2;
/** Cells over the face and its body are not background: the box is widened this many face
 * widths each side and runs to the bottom of the frame. */
const BODY_SPREAD = 1;

function backgroundSharp(regions: RegionMap, face: FaceBox, width: number, height: number): boolean | null {
  const x0 = (face.x - BODY_SPREAD * face.width) / width;
  const x1 = (face.x + (1 + BODY_SPREAD) * face.width) / width;
  const y0 = (face.y - 0.5 * face.height) / height;
  let sharp = 0, judged = 0;
  for (let r = 0; r < regions.rows; r++) {
    for (let c = 0; c < regions.cols; c++) {
      const u = (c + 0.5) / regions.cols, v = (r + 0.5) / regions.rows;
      if (u >= x0 && u <= x1 && v >= y0) continue;
      const s = regions.sharpness[r * regions.cols + c]!;
      // 0.4..0.6 is "cannot tell" (flat sky, a wall), as in the review's reason.
      if (s >= SHARP_CELL) sharp++;
      if (s >= SHARP_CELL || s < 0.4) judged++;
    }
  }
  return judged === 0 ? null : sharp / judged >= SHARP_BACKGROUND_SHARE;
}

export function readFace(luma: LumaImage, face: DetectedFace): FaceReading {
  if (!judgedFace(face.box)) return { box: face.box, score: face.score, sharpness: null, eyeAspect: null, eyesClosed: false };
  const eyes = eyeRegion(face.box, face.landmarks, luma.width, luma.height);
  const sharpness = faceSharpness(luma, face.box, eyes)?.sharpness ?? null;
  const reading = face.landmarks ? readEyes(luma, face.landmarks) : { ratio: null, closed: false };
  return { box: face.box, score: face.score, sharpness, eyeAspect: reading.ratio, eyesClosed: reading.closed };
}

export function readSubject(luma: LumaImage, regions: RegionMap, detected: readonly DetectedFace[]): SubjectFocus {
  const area = (f: DetectedFace) => f.box.width * f.box.height;
  const faces = [...detected].sort((a, b) => area(b) - area(a)).map((face) => readFace(luma, face));
  const deciding = decidingFace(faces, luma.width, luma.height);
  return {
    faces,
    deciding: deciding?.index ?? null,
    decidingReason: deciding?.reason ?? null,
    backgroundSharp: deciding ? backgroundSharp(regions, faces[deciding.index]!.box, luma.width, luma.height) : null,
  };
}
