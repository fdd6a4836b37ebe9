import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import type { FaceReading, SubjectFocus } from '../../core/face/types.ts';
import { CLOSE_UP_SHARP_FROM, FACE_SHARP_FROM, FACE_SOFT_BELOW } from '../../core/face/subject-focus.ts';
import { explain } from './reason.ts';
import { faceSharpnessWords, subjectReason } from './subject-reason.ts';

const face = (sharpness: number | null, eyesClosed = false, side = 300): FaceReading => ({
  box: { x: 100, y: 100, width: side, height: side }, score: 0.9, sharpness, eyeAspect: 0.3, eyesClosed,
});

function analysis(subject: SubjectFocus | undefined): Analysis {
  return {
    detector: 'fused', probability: 0.9, verdict: 'blurry', blurType: 'defocus', typeProbabilities: { motion: 0.1, defocus: 0.8, gaussian: 0.1 },
    regions: { cols: 2, rows: 1, sharpness: [0.1, 0.9] }, features: {}, width: 1600, height: 1200, sourceWidth: 1600, sourceHeight: 1200,
    ...(subject ? { subject } : {}),
  };
}

const sharp = FACE_SHARP_FROM + 0.2, soft = FACE_SOFT_BELOW / 2;

describe('subjectReason: the reason names the face that decided', () => {
  it('a sharp face on a soft background', () => {
    const a = analysis({ faces: [face(sharp)], deciding: 0, decidingReason: 'only', backgroundSharp: false });
    expect(subjectReason(a)).toBe('Sharp face, soft background — kept');
    expect(explain(a, 'sharp')).toBe('Sharp face, soft background — kept');
  });

  it('focus missed the subject, naming which of several faces', () => {
    const a = analysis({ faces: [face(soft), face(sharp, false, 120)], deciding: 0, decidingReason: 'largest', backgroundSharp: true });
    expect(subjectReason(a)).toBe('Focus missed the subject: the face (the largest of 2) is soft, the background sharp');
    const central = analysis({ faces: [face(soft), face(sharp)], deciding: 1, decidingReason: 'most-central', backgroundSharp: false });
    expect(subjectReason(central)).toBe('Sharp face (the most central of 2), soft background — kept');
  });

  it('a soft face says whether the background is soft too, or says nothing of a plain one', () => {
    expect(subjectReason(analysis({ faces: [face(soft)], deciding: 0, decidingReason: 'only', backgroundSharp: false }))).toBe('Soft face, and the background is soft too');
    expect(subjectReason(analysis({ faces: [face(soft)], deciding: 0, decidingReason: 'only', backgroundSharp: null }))).toBe('Soft face');
  });

  it('no faces, or a face the rule cannot use: the frame explains itself', () => {
    expect(subjectReason(analysis(undefined))).toBeNull();
    const between = analysis({ faces: [face((CLOSE_UP_SHARP_FROM + FACE_SOFT_BELOW) / 2)], deciding: 0, decidingReason: 'only', backgroundSharp: true });
    expect(subjectReason(between)).toBeNull();
    expect(explain(between, 'blurry')).toBe(explain(analysis(undefined), 'blurry'));
  });

  it('closed eyes are noted after the reason, whatever decided the verdict', () => {
    const a = analysis({ faces: [face(sharp, true)], deciding: 0, decidingReason: 'only', backgroundSharp: true });
    expect(explain(a, 'sharp')).toBe('Sharp face — kept · eyes closed');
  });

  it('the viewer words for the face sharpness', () => {
    expect(faceSharpnessWords(analysis({ faces: [face(0.5)], deciding: 0, decidingReason: 'only', backgroundSharp: true }))).toBe(`50%, ${0.5 >= FACE_SHARP_FROM ? 'sharp' : 'in between: the frame decides'}`);
    expect(faceSharpnessWords(analysis(undefined))).toBeNull();
  });
});
