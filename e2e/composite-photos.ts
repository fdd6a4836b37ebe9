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

/**
 * A big soft photo made cheaply: a small sharp scene enlarged `factor` times with bilinear
 * interpolation, which leaves no detail finer than `factor` pixels (a gaussian-like softness).
 */
export function enlargedJpeg(seed: number, width: number, height: number, factor = 4): Buffer {
  const small = sharpScene(seed, Math.ceil(width / factor) + 1, Math.ceil(height / factor) + 1);
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = y / factor;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = x / factor;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const at = (xx: number, yy: number) => small.data[(yy * small.width + xx) * 3 + c];
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        data[(y * width + x) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return toJpeg({ width, height, data });
}
