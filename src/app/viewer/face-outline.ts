// Outlines the face that decided the verdict on the viewer's photo, labelled with its sharpness.
// Positioned in percent of the analysed image, so it follows the photo at any displayed size.
import type { Analysis } from '../../core/types.ts';
import { decidingReading, subjectCause } from '../../core/face/subject-focus.ts';
import { h, setText } from '../ui/dom.ts';

export function createFaceOutline(): HTMLElement {
  return h('div', { class: 'face-outline', hidden: true, 'data-testid': 'face-outline', 'aria-hidden': 'true' }, h('span', { class: 'face-label' }));
}

/** Shows the deciding face of `analysis` (or hides the outline when no face decided). */
export function showFaceOutline(outline: HTMLElement, analysis: Analysis | null): void {
  const face = analysis ? decidingReading(analysis.subject) : null;
  outline.hidden = !face;
  if (!face || !analysis) return;
  const { box } = face;
  Object.assign(outline.style, {
    left: `${(100 * box.x) / analysis.width}%`,
    top: `${(100 * box.y) / analysis.height}%`,
    width: `${(100 * box.width) / analysis.width}%`,
    height: `${(100 * box.height) / analysis.height}%`,
  });
  const cause = subjectCause(analysis.subject);
  outline.dataset.cause = cause ?? 'none';
  outline.dataset.sharpness = String(face.sharpness);
  // The word carries the meaning; colour and line style only repeat it (colour-blind safe).
  const word = cause === 'face-sharp' ? 'sharp' : cause === null ? '' : 'soft';
  setText(outline.querySelector('.face-label')!, `Face ${word ? `${word} ` : ''}${Math.round((face.sharpness ?? 0) * 100)}%`);
}
