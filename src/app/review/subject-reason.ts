// The words for what the faces decided (src/core/face/subject-focus.ts): which face, and how it
// stands against the background. Kept apart from the frame's reason so each reads as one rule.
import type { Analysis } from '../../core/types.ts';
import { decidingReading, judgedFace, subjectCause } from '../../core/face/subject-focus.ts';

/** "", " (the largest of 3)" or " (the most central of 2)": which face decided. */
function whichFace(analysis: Analysis): string {
  const subject = analysis.subject!;
  const judged = subject.faces.filter((f) => judgedFace(f.box) && f.sharpness !== null).length;
  if (subject.decidingReason === 'largest') return ` (the largest of ${judged})`;
  if (subject.decidingReason === 'most-central') return ` (the most central of ${judged})`;
  return '';
}

/** The reason line when the faces decided the verdict; null when they left it to the frame. */
export function subjectReason(analysis: Analysis): string | null {
  const cause = subjectCause(analysis.subject);
  if (cause === null) return null;
  const which = whichFace(analysis);
  switch (cause) {
    case 'face-sharp':
      return `Sharp face${which}${analysis.subject!.backgroundSharp === false ? ', soft background' : ''} — kept`;
    case 'focus-missed':
      return `Focus missed the subject: the face${which} is soft, the background sharp`;
    case 'face-soft':
      // Without sharp detail elsewhere it is a soft photo, or a plain background that says nothing.
      return `Soft face${which}${analysis.subject!.backgroundSharp === false ? ', and the background is soft too' : ''}`;
  }
}

/** The deciding face's sharpness for the viewer, e.g. "72%, sharp"; null without one. */
export function faceSharpnessWords(analysis: Analysis): string | null {
  const face = decidingReading(analysis.subject);
  if (!face || face.sharpness === null) return null;
  const cause = subjectCause(analysis.subject);
  const word = cause === 'face-sharp' ? 'sharp' : cause === null ? 'in between: the frame decides' : 'soft';
  return `${Math.round(face.sharpness * 100)}%, ${word}`;
}
