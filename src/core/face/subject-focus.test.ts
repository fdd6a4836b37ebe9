import { describe, expect, it } from 'vitest';
import { CLOSE_UP_FACE, CLOSE_UP_SHARP_FROM, decidingFace, eyesClosed, FACE_SHARP_FROM, faceSharpFrom, FACE_SOFT_BELOW, FRAME_CERTAIN_BLURRY, MIN_JUDGED_FACE, subjectVerdict } from './subject-focus.ts';
import type { FaceReading, SubjectFocus } from './types.ts';

const W = 1600, H = 1200;
const SHARP = FACE_SHARP_FROM + 0.1;
const SOFT = FACE_SOFT_BELOW - 0.05;
/** Between soft and sharp for a face of any size (a close-up's keep line is the lower one). */
const BETWEEN = (CLOSE_UP_SHARP_FROM + FACE_SOFT_BELOW) / 2;

function face(x: number, y: number, side: number, sharpness: number | null, eyesClosed = false): FaceReading {
  return { box: { x, y, width: side, height: side }, score: 0.9, sharpness, eyeAspect: 0.3, eyesClosed };
}

function subject(faces: FaceReading[], backgroundSharp: boolean | null): SubjectFocus {
  const deciding = decidingFace(faces, W, H);
  return { faces, deciding: deciding?.index ?? null, decidingReason: deciding?.reason ?? null, backgroundSharp };
}

describe('subjectVerdict: the face decides when it can be judged', () => {
  it('a sharp face does not keep a photo the frame is near certain is blurred (block edges on a blurred face read as detail)', () => {
    const certain = { ...subject([face(700, 300, 300, SHARP)], false), frameProbability: FRAME_CERTAIN_BLURRY };
    expect(subjectVerdict('blurry', certain)).toEqual({ verdict: 'blurry', cause: null });
    const likely = { ...certain, frameProbability: FRAME_CERTAIN_BLURRY - 0.05 };
    expect(subjectVerdict('blurry', likely)).toEqual({ verdict: 'sharp', cause: 'face-sharp' });
    // A soft face still flags, however sure the frame is either way.
    expect(subjectVerdict('blurry', { ...subject([face(700, 300, 300, SOFT)], false), frameProbability: 0.99 }).cause).toBe('face-soft');
  });

  it('a sharp face keeps the photo whatever the frame says (portrait mode, soft background)', () => {
    for (const frame of ['blurry', 'uncertain', 'sharp'] as const) {
      expect(subjectVerdict(frame, subject([face(700, 300, 300, SHARP)], false))).toEqual({ verdict: 'sharp', cause: 'face-sharp' });
    }
  });

  it('a soft face on a sharp background flags the photo: focus missed the subject', () => {
    expect(subjectVerdict('sharp', subject([face(700, 300, 300, SOFT)], true))).toEqual({ verdict: 'blurry', cause: 'focus-missed' });
  });

  it('a soft face on a soft background is blurry, not a missed focus', () => {
    expect(subjectVerdict('blurry', subject([face(700, 300, 300, SOFT)], false))).toEqual({ verdict: 'blurry', cause: 'face-soft' });
  });

  it('a face between soft and sharp leaves the frame verdict alone', () => {
    for (const frame of ['blurry', 'uncertain', 'sharp'] as const) {
      expect(subjectVerdict(frame, subject([face(700, 300, 300, BETWEEN)], true))).toEqual({ verdict: frame, cause: null });
    }
  });

  it('a close-up face is kept from a lower line than a small one (its finest detail spans more pixels)', () => {
    const reading = (CLOSE_UP_SHARP_FROM + FACE_SHARP_FROM) / 2;
    const closeUp = subject([face(500, 200, CLOSE_UP_FACE, reading)], false);
    expect(subjectVerdict('blurry', closeUp)).toEqual({ verdict: 'sharp', cause: 'face-sharp' });
    const smaller = subject([face(500, 200, CLOSE_UP_FACE - 1, reading)], false);
    expect(subjectVerdict('blurry', smaller)).toEqual({ verdict: 'blurry', cause: null });
    expect(CLOSE_UP_SHARP_FROM).toBeGreaterThan(FACE_SOFT_BELOW);
    expect(faceSharpFrom(closeUp.faces[0]!.box)).toBe(CLOSE_UP_SHARP_FROM);
  });

  it('faces too small to judge leave the frame verdict alone', () => {
    const small = subject([face(700, 300, MIN_JUDGED_FACE - 1, SOFT)], true);
    expect(small.deciding).toBeNull();
    expect(subjectVerdict('sharp', small)).toEqual({ verdict: 'sharp', cause: null });
    expect(subjectVerdict('blurry', subject([face(700, 300, MIN_JUDGED_FACE - 1, SHARP)], false))).toEqual({ verdict: 'blurry', cause: null });
  });

  it('no faces, or a face whose sharpness could not be read, change nothing', () => {
    expect(subjectVerdict('blurry', undefined)).toEqual({ verdict: 'blurry', cause: null });
    expect(subjectVerdict('sharp', subject([], null))).toEqual({ verdict: 'sharp', cause: null });
    expect(subjectVerdict('uncertain', subject([face(700, 300, 300, null)], true))).toEqual({ verdict: 'uncertain', cause: null });
  });
});

describe('decidingFace: which of several faces decides', () => {
  it('the largest face decides when the others are clearly smaller, and says so', () => {
    const s = subject([face(100, 100, 120, SOFT), face(900, 400, 320, SHARP)], true);
    expect(s.deciding).toBe(1);
    expect(s.decidingReason).toBe('largest');
    expect(subjectVerdict('blurry', s).verdict).toBe('sharp');
  });

  it('among faces of about the same size, the most central one decides', () => {
    const edge = face(40, 60, 300, SHARP);
    const centre = face(W / 2 - 140, H / 2 - 140, 280, SOFT);
    const s = subject([edge, centre], true);
    expect(s.deciding).toBe(1);
    expect(s.decidingReason).toBe('most-central');
    expect(subjectVerdict('sharp', s)).toEqual({ verdict: 'blurry', cause: 'focus-missed' });
  });

  it('a lone judgeable face decides as the only one, small faces beside it do not count', () => {
    const s = subject([face(10, 10, 30, SOFT), face(600, 300, 200, SHARP)], false);
    expect(s.deciding).toBe(1);
    expect(s.decidingReason).toBe('only');
  });
});

describe('eyesClosed: a flag of its own', () => {
  it('follows the deciding face only, and never changes the verdict', () => {
    const closed = subject([face(700, 300, 300, SHARP, true), face(100, 100, 100, SHARP, false)], false);
    expect(eyesClosed(closed)).toBe(true);
    expect(subjectVerdict('sharp', closed).verdict).toBe('sharp');
    expect(eyesClosed(subject([face(700, 300, 300, SHARP, false), face(100, 100, 100, SHARP, true)], false))).toBe(false);
    expect(eyesClosed(undefined)).toBe(false);
  });
});
