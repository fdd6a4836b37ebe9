// Small procedural JPEGs in collection folders: what a photo folder looks like to the code that
// lists, splits and reads photos, for tests that must not depend on ../shared/data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rgbToRgba } from './image.ts';
import { encodeJpeg } from './jpeg.ts';
import { proceduralImage } from './procedural.ts';
import { mulberry32 } from './rng.ts';

export interface StandInOptions {
  /** Photo i of a collection of n is scene `seed * n + i`. */
  seed: number;
  width: number;
  height: number;
  /** File name before the photo's index. */
  prefix: string;
}

/** Writes `count` stand-in photos into `dir/<collection>/` for each collection. */
export function writeStandInPhotos(dir: string, collections: Record<string, number>, { seed, width, height, prefix }: StandInOptions): void {
  for (const [collection, count] of Object.entries(collections)) {
    mkdirSync(join(dir, collection), { recursive: true });
    for (let i = 0; i < count; i++) {
      const scene = proceduralImage(mulberry32(seed * count + i), { width, height }).image;
      writeFileSync(join(dir, collection, `${prefix}${i}.jpg`), encodeJpeg(rgbToRgba(scene), 92));
    }
  }
}
