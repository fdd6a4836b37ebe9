// The vocabulary of the subject-focus pass: faces found in a photo, how sharp each one is, and
// what they decide. Coordinates are pixels of the working image the analysis ran on.

export interface Point {
  x: number;
  y: number;
}

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A face the detector found, with its 68 landmarks (iBUG order) when the landmark net ran. */
export interface DetectedFace {
  box: FaceBox;
  /** Detector confidence, 0..1. */
  score: number;
  landmarks: Point[] | null;
}

/** What the face pass measured on one face. */
export interface FaceReading {
  box: FaceBox;
  score: number;
  /** Face sharpness, 0 (soft) .. 1 (crisp), on the eyes region; null when the face is too small to judge. */
  sharpness: number | null;
  /** Mean eye aspect ratio of the two eyes; null without landmarks or when the face is too small. */
  eyeAspect: number | null;
  eyesClosed: boolean;
}

/** Why the face that decides was chosen among several. */
export type DecidingReason = 'only' | 'largest' | 'most-central';

export interface SubjectFocus {
  /** Every face found, largest first. */
  faces: FaceReading[];
  /** Index into faces of the face that decides the verdict; null when none is big enough to judge. */
  deciding: number | null;
  decidingReason: DecidingReason | null;
  /** Whether the frame outside the deciding face has sharp detail (the region map says so). */
  backgroundSharp: boolean | null;
  /** The frame's own P(blurry) (absent in analyses stored before it was kept). */
  frameProbability?: number;
}
