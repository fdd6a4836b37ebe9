// Photos made of parts, for the viewer's specs: a sharp scene, the same scene defocused, or a
// flat fill, chosen region by region. They put detail (or blur) where a test needs it, e.g. in
// one corner only, so "where does the viewer look first" has one right answer.
import { defocus, sharpScene, toJpeg } from './photos.ts';

export type Fill = 'sharp' | 'soft' | 'flat';

/** `fillAt(u, v)` picks the fill of each pixel from its place (0..1 across, 0..1 down). */
export function compositeJpeg(seed: number, width: number, height: number, fillAt: (u: number, v: number) => Fill, softRadius = 8): Buffer {
  const sharp = sharpScene(seed, width, height);
  const soft = defocus(sharp, softRadius);
  const out = { width, height, data: new Float32Array(sharp.data.length) };
  // A flat, slightly bluish grey: no detail to judge, like a wall or an overcast sky.
  const flat = [128, 134, 146];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const fill = fillAt(x / width, y / height);
      for (let c = 0; c < 3; c++) out.data[i + c] = fill === 'sharp' ? sharp.data[i + c] : fill === 'soft' ? soft.data[i + c] : flat[c];
    }
  }
  return toJpeg(out);
}

/** Detail only inside the rectangle [u0, u1) x [v0, v1); `outside` everywhere else. */
export const patchJpeg = (seed: number, width: number, height: number, inside: Fill, rect: [number, number, number, number], outside: Fill = 'flat') =>
  compositeJpeg(seed, width, height, (u, v) => (u >= rect[0] && u < rect[1] && v >= rect[2] && v < rect[3] ? inside : outside));

