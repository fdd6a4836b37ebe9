import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealBlurSet } from './build-real-blur-set.ts';
import { decodeJpeg } from './data/jpeg.ts';
import { listRealPhotos } from './data/photos.ts';
import { toLuma } from '../src/core/image/image.ts';
import { laplacianVariance } from '../src/core/features/laplacian.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { writeStandInPhotos } from './data/stand-in-photos.ts';

const temp = mkdtempSync(join(tmpdir(), 'real-blur-set-test-'));
const photos = join(temp, 'photos');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Two collections, enough for a held-out part.
beforeAll(() => writeStandInPhotos(photos, { sea: 8, studio: 7 }, { seed: 31, width: 160, height: 120, prefix: 'shot-' }));

const written = (out: string) => ['defocus', 'motion', 'gaussian'].flatMap((t) => (existsSync(join(out, t)) ? readdirSync(join(out, t)).map((f) => `${t}/${f}`) : []));

describe('buildRealBlurSet', () => {
  it('blurs every held-out photo, and only those, into type folders named by kind and strength', async () => {
    const out = join(temp, 'set');
    const heldOut = listRealPhotos(photos).filter((p) => p.split !== 'train');
    expect(heldOut.length).toBeGreaterThan(0);
    const count = await buildRealBlurSet({ out, realDir: photos, perPhoto: 2 });
    const files = written(out);
    expect(count).toBe(2 * heldOut.length);
    expect(files).toHaveLength(count);
    expect(existsSync(join(out, 'sharp'))).toBe(false);
    for (const file of files) expect(file).toMatch(/^(defocus|motion|gaussian)\/.+-[01]-(defocus|shake|subject-motion|gaussian)-(mild|medium|heavy)\.jpg$/);
    // Motion kinds go to motion/, out-of-focus kinds to defocus/ or gaussian/.
    for (const file of files.filter((f) => /-(shake|subject-motion)-/.test(f))) expect(file.startsWith('motion/')).toBe(true);
    // Each held-out photo is in the set; no training photo is.
    const stems = new Set(files.map((f) => f.split('/')[1]!.replace(/-[01]-[a-z-]+-(mild|medium|heavy)\.jpg$/, '')));
    expect(stems.size).toBe(heldOut.length);
  });

  it('makes the copies blurrier than the photo, and the same copies on a second run', async () => {
    const cv = await loadOpenCvNode();
    const out = join(temp, 'again');
    await buildRealBlurSet({ out, realDir: photos, perPhoto: 2 });
    const first = written(join(temp, 'set')).sort();
    expect(written(out).sort()).toEqual(first);
    for (const file of first) expect(readFileSync(join(out, file)).equals(readFileSync(join(temp, 'set', file)))).toBe(true);

    const heldOut = listRealPhotos(photos).filter((p) => p.split !== 'train');
    const sharpness = (bytes: Uint8Array) => laplacianVariance(cv, toLuma(decodeJpeg(bytes)));
    const stemOf = (p: (typeof heldOut)[number]) => p.relPath.replace(/\.jpg$/, '').replace(/[^A-Za-z0-9_-]+/g, '_');
    // Subject motion blurs part of the frame only; every other kind blurs all of it.
    const wholeFrame = first.filter((f) => !/subject-motion/.test(f));
    expect(wholeFrame.length).toBeGreaterThan(0);
    for (const file of wholeFrame) {
      const photo = heldOut.find((p) => file.includes(`/${stemOf(p)}-`))!;
      expect(sharpness(readFileSync(join(out, file)))).toBeLessThan(0.7 * sharpness(readFileSync(photo.path)));
    }
  });
});
