import { describe, expect, it } from 'vitest';
import type { LumaImage } from '../types.ts';
import { eyeAspectRatio, EYES_CLOSED_RATIO, readEyes } from './eyes-closed.ts';
import type { Point } from './types.ts';

/** Six iBUG eye points of an eye `width` wide and `height` tall, left corner at (x, y). */
function eye(x: number, y: number, width: number, height: number): Point[] {
  return [
    { x, y },
    { x: x + width / 3, y: y - height / 2 },
    { x: x + (2 * width) / 3, y: y - height / 2 },
    { x: x + width, y },
    { x: x + (2 * width) / 3, y: y + height / 2 },
    { x: x + width / 3, y: y + height / 2 },
  ];
}

/** 68 landmarks with only the eyes placed (the rest are unused by readEyes). */
function landmarks(openness: number, width = 40): Point[] {
  const points: Point[] = Array.from({ length: 68 }, () => ({ x: 100, y: 100 }));
  eye(60, 100, width, openness * width).forEach((p, i) => (points[36 + i] = p));
  eye(140, 100, width, openness * width).forEach((p, i) => (points[42 + i] = p));
  return points;
}

function face(eyeGrey: number, cheekGrey = 170): LumaImage {
  const w = 260, h = 200;
  const data = new Float32Array(w * h).fill(cheekGrey);
  for (let y = 80; y < 120; y++) for (let x = 55; x < 185; x++) data[y * w + x] = eyeGrey;
  return { width: w, height: h, data };
}

describe('eyes closed from the eye aspect ratio', () => {
  it('measures height over width', () => {
    expect(eyeAspectRatio(eye(0, 0, 30, 9))).toBeCloseTo(0.3, 5);
  });

  it('open eyes are open; shut eyes under skin-coloured lids are closed', () => {
    expect(readEyes(face(120), landmarks(0.3))).toEqual({ ratio: expect.closeTo(0.3, 5), closed: false });
    expect(readEyes(face(160), landmarks(0.12)).closed).toBe(true);
  });

  it('one open eye is enough to call the eyes open (a wink is not a blink)', () => {
    const points = landmarks(0.12);
    eye(140, 100, 40, 12).forEach((p, i) => (points[42 + i] = p));
    expect(readEyes(face(160), points).closed).toBe(false);
  });

  it('an open eye looking down (flat contour, dark iris inside it) is not closed', () => {
    const image = face(160);
    for (const cx of [80, 160]) for (let y = 96; y < 104; y++) for (let x = cx - 12; x < cx + 12; x++) image.data[y * image.width + x] = 30;
    expect(readEyes(image, landmarks(0.12)).closed).toBe(false);
  });

  it('dark glasses flatten the eye contour but are not closed eyes', () => {
    expect(readEyes(face(40), landmarks(0.12)).closed).toBe(false);
  });

  it('eyes too small to read give no ratio and no flag', () => {
    expect(readEyes(face(160), landmarks(0.1, 8))).toEqual({ ratio: null, closed: false });
  });

  it('the cut sits between shut and open eyes', () => {
    expect(EYES_CLOSED_RATIO).toBeGreaterThan(0.15);
    expect(EYES_CLOSED_RATIO).toBeLessThan(0.25);
  });
});
