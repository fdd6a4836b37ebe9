import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStem } from './build-real-blur-set.ts';
import { buildTextbookBlurSet, TEXTBOOK_KINDS, TEXTBOOK_SIZES } from './build-textbook-blur-set.ts';
import { decodeJpeg } from './data/jpeg.ts';
import { listRealPhotos } from './data/photos.ts';
import { toLuma } from '../src/core/image/image.ts';
import { laplacianVariance } from '../src/core/features/laplacian.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { writeStandInPhotos } from './data/stand-in-photos.ts';

const temp = mkdtempSync(join(tmpdir(), 'textbook-blur-set-test-'));
const photos = join(temp, 'photos');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Two collections, enough for a held-out part.
beforeAll(() => writeStandInPhotos(photos, { snow: 8, night: 7 }, { seed: 17, width: 160, height: 120, prefix: 'shot-' }));

const written = (out: string) => ['defocus', 'motion', 'gaussian'].flatMap((t) => (existsSync(join(out, t)) ? readdirSync(join(out, t)).map((f) => `${t}/${f}`) : []));

describe('buildTextbookBlurSet', () => {
  it('gives every held-out photo, and only those, one copy per textbook kind, named as eval reads them', async () => {
    const out = join(temp, 'set');
    const heldOut = listRealPhotos(photos).filter((p) => p.split !== 'train');
    expect(heldOut.length).toBeGreaterThan(0);
    const count = await buildTextbookBlurSet({ out, realDir: photos });
    const files = written(out);
    expect(count).toBe(TEXTBOOK_KINDS.length * heldOut.length);
    expect(files).toHaveLength(count);
    for (const photo of heldOut) {
      const mine = files.filter((f) => f.split('/')[1]!.startsWith(`${copyStem(photo.relPath)}-`));
      expect(mine.map((f) => f.split('/')[0]).sort()).toEqual(['defocus', 'gaussian', 'motion']);
      for (const file of mine) expect(file).toMatch(/^(defocus\/.+-1-defocus|gaussian\/.+-0-gaussian|motion\/.+-2-shake)-(mild|medium|heavy)\.jpg$/);
    }
    // The levels turn with the photo, so every kind meets every level once there are three photos.
    for (const kind of TEXTBOOK_KINDS) {
      const levels = new Set(files.filter((f) => f.includes(`-${kind}-`)).map((f) => /-(mild|medium|heavy)\.jpg$/.exec(f)![1]));
      expect(levels).toEqual(new Set(Object.keys(TEXTBOOK_SIZES[kind])));
    }
  });

  it('makes every copy blurrier than its photo, more so at heavier levels, and the same bytes on a second run', async () => {
    const cv = await loadOpenCvNode();
    const out = join(temp, 'again');
    await buildTextbookBlurSet({ out, realDir: photos });
    const first = written(join(temp, 'set')).sort();
    expect(written(out).sort()).toEqual(first);
    for (const file of first) expect(readFileSync(join(out, file)).equals(readFileSync(join(temp, 'set', file)))).toBe(true);

    const sharpness = (bytes: Uint8Array) => laplacianVariance(cv, toLuma(decodeJpeg(bytes)));
    const heldOut = listRealPhotos(photos).filter((p) => p.split !== 'train');
    const loss: Record<string, number[]> = { mild: [], heavy: [] };
    for (const file of first) {
      const photo = heldOut.find((p) => file.includes(`/${copyStem(p.relPath)}-`))!;
      const ratio = sharpness(readFileSync(join(out, file))) / sharpness(readFileSync(photo.path));
      expect(ratio).toBeLessThan(0.7);
      loss[/-(mild|medium|heavy)\.jpg$/.exec(file)![1]!]?.push(ratio);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(loss.heavy!)).toBeLessThan(mean(loss.mild!));
  });
});
