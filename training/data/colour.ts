// Colours and whole-frame fills for the procedural images (procedural.ts).
import type { RgbImage } from './image.ts';
import type { Rgb } from './raster.ts';
import type { Rng } from './rng.ts';

export function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h * 6) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

/** Colours with the muted saturation of most real surfaces. */
export function naturalColor(rng: Rng): Rgb {
  return hsv(rng.next(), Math.pow(rng.next(), 1.5) * 0.85, rng.uniform(0.06, 0.96));
}

export function fill(image: RgbImage, color: Rgb): void {
  for (let i = 0; i < image.width * image.height; i++) image.data.set(color, i * 3);
}

export function linearGradient(image: RgbImage, a: Rgb, b: Rgb, angle: number): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const span = Math.abs(c) * image.width + Math.abs(s) * image.height;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const t = ((x - image.width / 2) * c + (y - image.height / 2) * s) / span + 0.5;
      const k = (y * image.width + x) * 3;
      for (let ch = 0; ch < 3; ch++) image.data[k + ch] = a[ch]! + (b[ch]! - a[ch]!) * t;
    }
  }
}
