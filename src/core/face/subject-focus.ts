// The rule that fuses the face pass with the frame's verdict. People judge a photo of a person
// by the face: a sharp face keeps the photo whatever the background does (portrait mode, a wide
// aperture), and a soft face loses it even when the background is crisp (focus missed the subject,
// which any whole-frame measure reads as sharp). Faces too small to judge change nothing.
import type { Verdict } from '../types.ts';
import type { DecidingReason, FaceBox, FaceReading, SubjectFocus } from './types.ts';

/** Face sharpness at or above this keeps the photo (faces narrower than CLOSE_UP_FACE). Set on
 * the tuning part of the people photos (training/face-focus, README "Faces"): as shot, its faces
 * read 0.35 and up (5% under 0.39); back-focused 0.09-0.24 but for one mild miss at 0.33 (a face
 * 262 px wide), which this leaves to the frame. */
export const FACE_SHARP_FROM = 0.34;
/** Faces at least this wide (working px) are close-ups, kept from CLOSE_UP_SHARP_FROM. A sharp
 * face's finest detail (lashes, lid edges) spans more pixels the bigger the face is in the frame,
 * so the measure reads it lower: on the tuning half (2026-12-07), as-shot faces narrower than
 * 300 px read 0.57 and up, wider ones 0.38 and up (five of 23 at 0.38-0.46), while the
 * back-focused and soft faces that wide read 0.21 at most. */
export const CLOSE_UP_FACE = 300;
/** The keep line for close-ups: halfway between those two (0.21 and 0.38) on the tuning half. */
export const CLOSE_UP_SHARP_FROM = 0.3;

/** The sharpness at or above which this face keeps the photo. */
export function faceSharpFrom(box: FaceBox): number {
  return box.width >= CLOSE_UP_FACE ? CLOSE_UP_SHARP_FROM : FACE_SHARP_FROM;
}

/** Face sharpness below this flags the photo: every back-focused and soft face of the tuning part
 * but that one reads under it. Between the two a face cannot be told from a slightly soft one,
 * and the frame's verdict stands. */
export const FACE_SOFT_BELOW = 0.25;
/** A sharp face does not keep a photo whose frame is at least this sure it is blurred. The face
 * measure ("detail a slight blur removes") reads some heavily blurred faces as crisp, camera
 * shake above all: its thin kernel path leaves a few displaced copies with crisp edges. Set with
 * the heads before 2026-12-07 at 0.92: in the synthetic validation set, 19 of the 21 blurred
 * photos a "sharp" face kept had a frame P(blurry) of 0.86-0.99, mostly >= 0.93, and the highest
 * frame P of a sharp portrait rescued by its face on the tuning half of the people photos was
 * 0.90. The heads of 2026-12-07 moved their operating point (fused 0.663 became 0.5), which lowers
 * every P: the old 0.92 reads 0.854 now, and on the tuning half the highest rescued portrait reads
 * 0.81, so the line stays where it was in the frame's evidence. */
export const FRAME_CERTAIN_BLURRY = 0.85;
/** Faces whose short side (working px) is below this are too small to judge: the eyes region is
 * then ~12 px tall, and a defocus that ruins the face moves the measure less than JPEG does. */
export const MIN_JUDGED_FACE = 64;
/** A second face at least this share of the largest one's area counts as as big; then the more
 * central of them decides (the subject a person framed), otherwise the largest does. */
const COMPARABLE_AREA = 0.6;

/** How the face pass changed (or confirmed) the frame's verdict. */
export type SubjectCause = 'face-sharp' | 'focus-missed' | 'face-soft';

export interface SubjectVerdict {
  verdict: Verdict;
  /** Null when the faces left the frame's verdict alone. */
  cause: SubjectCause | null;
}

export function judgedFace(face: FaceBox): boolean {
  return Math.min(face.width, face.height) >= MIN_JUDGED_FACE;
}

function centreDistance(box: FaceBox, width: number, height: number): number {
  return Math.hypot((box.x + box.width / 2) / width - 0.5, (box.y + box.height / 2) / height - 0.5);
}

/** The face that decides among those big enough to judge, and why that one. */
export function decidingFace(faces: readonly FaceReading[], width: number, height: number): { index: number; reason: DecidingReason } | null {
  const judged = faces.map((face, index) => ({ face, index })).filter(({ face }) => judgedFace(face.box) && face.sharpness !== null);
  if (judged.length === 0) return null;
  if (judged.length === 1) return { index: judged[0]!.index, reason: 'only' };
  const area = (b: FaceBox) => b.width * b.height;
  const largest = judged.reduce((a, b) => (area(b.face.box) > area(a.face.box) ? b : a));
  const comparable = judged.filter(({ face }) => area(face.box) >= COMPARABLE_AREA * area(largest.face.box));
  if (comparable.length === 1) return { index: largest.index, reason: 'largest' };
  const central = comparable.reduce((a, b) => (centreDistance(b.face.box, width, height) < centreDistance(a.face.box, width, height) ? b : a));
  return { index: central.index, reason: 'most-central' };
}

/** The deciding face's reading, when there is one the rule can use. */
export function decidingReading(subject: SubjectFocus | null | undefined): FaceReading | null {
  if (!subject || subject.deciding === null) return null;
  const face = subject.faces[subject.deciding];
  return face && face.sharpness !== null ? face : null;
}

/** What the faces say on their own, whatever the frame says; null when they leave it alone. */
export function subjectCause(subject: SubjectFocus | null | undefined): SubjectCause | null {
  const face = decidingReading(subject);
  if (!face || face.sharpness === null) return null;
  if (face.sharpness >= faceSharpFrom(face.box)) return (subject!.frameProbability ?? 0) >= FRAME_CERTAIN_BLURRY ? null : 'face-sharp';
  if (face.sharpness < FACE_SOFT_BELOW) return subject!.backgroundSharp ? 'focus-missed' : 'face-soft';
  return null;
}

/** What the faces call the photo on their own, whatever the frame says; null when they leave it
 * to the frame. */
export function subjectCall(subject: SubjectFocus | null | undefined): 'sharp' | 'blurry' | null {
  const cause = subjectCause(subject);
  return cause === null ? null : cause === 'face-sharp' ? 'sharp' : 'blurry';
}

/** The verdict after the faces have had their say; `frame` is the whole-frame verdict. */
export function subjectVerdict(frame: Verdict, subject: SubjectFocus | null | undefined): SubjectVerdict {
  const cause = subjectCause(subject);
  return { verdict: subjectCall(subject) ?? frame, cause };
}

/** Whether the photo's subject has closed eyes (the deciding face; other faces do not flag it). */
export function eyesClosed(subject: SubjectFocus | null | undefined): boolean {
  if (!subject || subject.deciding === null) return false;
  return subject.faces[subject.deciding]?.eyesClosed ?? false;
}
