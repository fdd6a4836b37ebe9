// The sharp photo collection: listing, content category, and a train/validation split that is a
// pure function of each file's relative path, so validation photos never leak into training no
// matter who builds what, when, or from which folder copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJpeg } from './jpeg.ts';
import { rgbaToRgb, type RgbImage } from './image.ts';
import { hashString } from './rng.ts';

export type Split = 'train' | 'validation';

export interface PhotoEntry {
  /** Absolute path. */
  path: string;
  /** Path relative to the photo folder, '/'-separated; the split is keyed on it. */
  relPath: string;
  /** Content category: first folder under the photo folder ('.' for files at the top). */
  category: string;
  split: Split;
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_PHOTOS_DIR = resolve(REPO_ROOT, '../shared/data/sharp-photos');
/** Everyday, low-texture real photos (camera and phone snapshots, sky, sea, snow, night, studio):
 * the content the detector used to call blurry. Its training part widens the synthetic pool and
 * feeds the heads as shot; its held-out part is judged as shot (`npm run eval -- --real`). */
export const DEFAULT_REAL_PHOTOS_DIR = resolve(REPO_ROOT, '../shared/data/sharp-photos-2');
/** Share of each category held out for validation. */
export const VALIDATION_SHARE = 0.2;
/** The real-photo pool holds out more (~30%, ~180 photos): "sharp kept on real photos" is a
 * headline number, and at 0.97 a 95% interval over 120 photos would still be +-3 points. */
export const REAL_HELD_OUT_SHARE = 0.3;
/** Sharp photos of people (portraits, selfies, groups): the face rule's thresholds are set on the
 * training part, its held-out part makes the portrait validation set (training/face-focus). */
export const PEOPLE_PHOTOS_DIR = resolve(REPO_ROOT, '../shared/data/people-photos');
/** Half the people photos are held out: the tuning part only sets two thresholds, while the
 * validation numbers are the ones reported, and at 0.97 they need every portrait they can get. */
export const PEOPLE_HELD_OUT_SHARE = 0.5;

const PHOTO_EXTENSIONS = /\.(jpe?g)$/i;

function walk(dir: string, found: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, found);
    else if (PHOTO_EXTENSIONS.test(name)) found.push(full);
  }
}

/** Position of a photo on [0, 1) for the split; salted so it is unrelated to other hash uses. */
export function splitKey(relPath: string): number {
  return hashString(`split-v1:${relPath}`) / 4294967296;
}

/** Lists JPEGs under `folder` (default: the shared sharp-photo set) with category and split.
 * ~20% of each category goes to validation, and every category keeps at least one validation
 * photo (the one with the lowest key) so per-category numbers exist. */
export function listPhotos(folder: string = DEFAULT_PHOTOS_DIR, validationShare: number = VALIDATION_SHARE): PhotoEntry[] {
  const root = resolve(folder);
  const files: string[] = [];
  walk(root, files);
  const entries: PhotoEntry[] = files.map((path) => {
    const relPath = relative(root, path).split(/[\\/]/).join('/');
    const parts = relPath.split('/');
    const category = parts.length > 1 ? parts[0]! : '.';
    return { path, relPath, category, split: splitKey(relPath) < validationShare ? 'validation' : 'train' };
  });
  const byCategory = new Map<string, PhotoEntry[]>();
  for (const e of entries) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
  for (const group of byCategory.values()) {
    if (group.length >= 2 && !group.some((e) => e.split === 'validation')) {
      const lowest = group.reduce((a, b) => (splitKey(a.relPath) <= splitKey(b.relPath) ? a : b));
      lowest.split = 'validation';
    }
  }
  return entries;
}

/** The real-photo pool with its fixed held-out part (a pure function of each path, like listPhotos). */
export function listRealPhotos(folder: string = DEFAULT_REAL_PHOTOS_DIR): PhotoEntry[] {
  return listPhotos(folder, REAL_HELD_OUT_SHARE);
}

/** The people photos with their fixed held-out part (split 'validation'). */
export function listPeoplePhotos(folder: string = PEOPLE_PHOTOS_DIR): PhotoEntry[] {
  return listPhotos(folder, PEOPLE_HELD_OUT_SHARE);
}

export function loadPhoto(entry: PhotoEntry): RgbImage {
  return rgbaToRgb(decodeJpeg(readFileSync(entry.path)));
}
