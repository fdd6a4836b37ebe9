// Where on a face sharpness is judged: the eyes and brows. A person checks focus on the eyes;
// lashes, lids and brows are the finest detail a face has, where the cheeks and forehead are
// smooth skin that looks the same sharp or soft.
import type { FaceBox, Point } from './types.ts';

/** iBUG-68 indices: 17..26 the brows, 36..41 the left eye, 42..47 the right eye. */
export const BROWS = [17, 18, 19, 20, 21, 22, 23, 24, 25, 26];
export const LEFT_EYE = [36, 37, 38, 39, 40, 41];
export const RIGHT_EYE = [42, 43, 44, 45, 46, 47];

/** Margin around the brows-and-eyes box, as a share of its width: keeps the lashes below the
 * eye points and the upper brow edge inside. */
const LANDMARK_MARGIN = 0.08;

/**
 * The eyes region of a face in working-image pixels, clipped to the image. From landmarks when
 * there are any (brows to just below the eyes); otherwise the band of the face box where the eyes
 * sit in a frontal face (20-55% of its height, 10-90% of its width).
 */
export function eyeRegion(box: FaceBox, landmarks: Point[] | null, imageWidth: number, imageHeight: number): FaceBox {
  let x0: number, y0: number, x1: number, y1: number;
  if (landmarks && landmarks.length >= 48) {
    const points = [...BROWS, ...LEFT_EYE, ...RIGHT_EYE].map((i) => landmarks[i]!);
    x0 = Math.min(...points.map((p) => p.x));
    x1 = Math.max(...points.map((p) => p.x));
    y0 = Math.min(...points.map((p) => p.y));
    y1 = Math.max(...points.map((p) => p.y));
    const margin = LANDMARK_MARGIN * (x1 - x0);
    x0 -= margin;
    x1 += margin;
    y0 -= margin;
    y1 += 1.5 * margin;
  } else {
    x0 = box.x + 0.1 * box.width;
    x1 = box.x + 0.9 * box.width;
    y0 = box.y + 0.2 * box.height;
    y1 = box.y + 0.55 * box.height;
  }
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(imageWidth, Math.ceil(x1));
  const bottom = Math.min(imageHeight, Math.ceil(y1));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
