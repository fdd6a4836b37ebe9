import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeJpeg } from './jpeg.ts';
import { DEFAULT_PHOTOS_DIR, listPhotos, loadPhoto, type PhotoEntry } from './photos.ts';

const temp = mkdtempSync(join(tmpdir(), 'photos-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tinyJpeg(): Uint8Array {
  return encodeJpeg({ width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 4).fill(200) }, 80);
}

function checkSplit(entries: PhotoEntry[]): void {
  const categories = new Set(entries.map((e) => e.category));
  for (const c of categories) {
    const group = entries.filter((e) => e.category === c);
    if (group.length >= 2) {
      expect(group.some((e) => e.split === 'validation'), c).toBe(true);
      expect(group.some((e) => e.split === 'train'), c).toBe(true);
    }
  }
  const train = new Set(entries.filter((e) => e.split === 'train').map((e) => e.relPath));
  const validation = entries.filter((e) => e.split === 'validation').map((e) => e.relPath);
  expect(validation.filter((p) => train.has(p))).toEqual([]);
}

describe('listPhotos', () => {
  it('finds JPEGs by category and splits them deterministically, disjointly, every category validated', () => {
    const categories = { beach: 12, city: 7, pets: 2 };
    for (const [c, n] of Object.entries(categories)) {
      mkdirSync(join(temp, c), { recursive: true });
      for (let i = 0; i < n; i++) writeFileSync(join(temp, c, `img${i}.jpg`), tinyJpeg());
    }
    writeFileSync(join(temp, 'notes.md'), 'not a photo');
    const first = listPhotos(temp);
    expect(first.length).toBe(21);
    expect(new Set(first.map((e) => e.category))).toEqual(new Set(Object.keys(categories)));
    checkSplit(first);
    expect(listPhotos(temp)).toEqual(first);
    // The split follows the relative path, not where the folder lives.
    const moved = join(temp, 'copy');
    mkdirSync(moved);
    for (const e of first) {
      mkdirSync(join(moved, e.category), { recursive: true });
      writeFileSync(join(moved, e.relPath), tinyJpeg());
    }
    expect(listPhotos(moved).map((e) => [e.relPath, e.split])).toEqual(first.map((e) => [e.relPath, e.split]));
    expect(loadPhoto(first[0]!).width).toBe(8);
  });

  it.skipIf(!existsSync(DEFAULT_PHOTOS_DIR))('holds out about a fifth of the shared photo set', () => {
    const entries = listPhotos();
    expect(entries.length).toBeGreaterThan(100);
    checkSplit(entries);
    const share = entries.filter((e) => e.split === 'validation').length / entries.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.3);
  });
});
