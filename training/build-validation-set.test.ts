import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH_CLASSES } from '../src/core/types.ts';
import { buildValidationSet, staleValidationSet, VALIDATION_GENERATOR, validationSetOf, type Manifest } from './build-validation-set.ts';
import { listPhotos, REPO_ROOT } from './data/photos.ts';
import { writeStandInPhotos } from './data/stand-in-photos.ts';

const temp = mkdtempSync(join(tmpdir(), 'validation-set-test-'));
const photos = join(temp, 'photos');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

beforeAll(() => {
  // Two categories of small real JPEGs.
  writeStandInPhotos(photos, { street: 6, garden: 5 }, { seed: 100, width: 120, height: 96, prefix: 'p' });
});

function filesUnder(dir: string): string[] {
  return PATCH_CLASSES.flatMap((c) => (existsSync(join(dir, c)) ? readdirSync(join(dir, c)).map((f) => `${c}/${f}`) : []));
}

describe('buildValidationSet', () => {
  it('writes class folders of JPEGs and a manifest, from validation photos only', async () => {
    const out = join(temp, 'set');
    const manifest = await buildValidationSet({ out, photosDir: photos, seed: 3, perPhoto: 4, procedural: 8, proceduralSize: { width: 96, height: 80 } });
    const written = filesUnder(out).sort();
    expect(manifest.files.map((f) => f.file).sort()).toEqual(written);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(manifest)));

    const validation = listPhotos(photos).filter((p) => p.split === 'validation');
    expect(written.length).toBe(validation.length * 4 + 8);
    const validationPaths = new Set(validation.map((p) => p.relPath));
    for (const f of manifest.files) {
      expect(f.file.startsWith(`${f.class}/`)).toBe(true);
      expect(f.file.endsWith('.jpg')).toBe(true);
      if (!f.meta.category.startsWith('procedural-')) expect(validationPaths.has(f.meta.source), f.meta.source).toBe(true);
      if (f.meta.bokeh) {
        expect(f.class).toBe('sharp');
        expect(f.file).toContain('bokeh');
      }
      const bytes = readFileSync(join(out, f.file));
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    }
    for (const c of PATCH_CLASSES) expect(manifest.files.filter((f) => f.class === c).length).toBeGreaterThanOrEqual(3);
    // Strengths spread from mild to heavy.
    const strengths = manifest.files.map((f) => f.meta.strength).filter((s): s is number => s !== null);
    expect(Math.min(...strengths)).toBeLessThan(0.3);
    expect(Math.max(...strengths)).toBeGreaterThan(0.7);
  });

  it('runs as a command line tool', () => {
    const out = join(temp, 'cli');
    const stdout = execFileSync(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['training/build-validation-set.ts', '--out', out, '--photos', photos, '--seed', '2', '--per-photo', '1', '--max-photos', '1', '--procedural', '2', '--procedural-size', '64x48'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(stdout).toContain('wrote 3 images');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files.length).toBe(3);
    expect(filesUnder(out).length).toBe(3);
  });

  it('says which generator built a set, so numbers from an older one are not mistaken for today\'s', async () => {
    const out = join(temp, 'generator');
    await buildValidationSet({ out, photosDir: photos, seed: 5, perPhoto: 1, maxPhotos: 1, procedural: 1, proceduralSize: { width: 64, height: 48 } });
    const about = validationSetOf(out);
    expect(about).toMatchObject({ generator: VALIDATION_GENERATOR, seed: 5, perPhoto: 1, procedural: 1 });
    expect(staleValidationSet(about!)).toBeNull();

    // A set from before the generator was recorded, and one from another generator, are stale.
    const manifestPath = join(out, 'manifest.json');
    const { generator: _generator, ...unrecorded } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    writeFileSync(manifestPath, JSON.stringify(unrecorded));
    expect(staleValidationSet(validationSetOf(out)!)).toMatch(/does not say.*build-validation-set\.ts --out/);
    writeFileSync(manifestPath, JSON.stringify({ ...unrecorded, generator: VALIDATION_GENERATOR - 1 }));
    expect(staleValidationSet(validationSetOf(out)!)).toMatch(new RegExp(`generator ${VALIDATION_GENERATOR - 1} built it`));

    // A folder of someone's own labelled photos has no manifest, or another tool's: nothing to say about it.
    expect(validationSetOf(photos)).toBeNull();
    writeFileSync(manifestPath, '{"name": "gallery export"}');
    expect(validationSetOf(out)).toBeNull();
    writeFileSync(manifestPath, 'not json');
    expect(validationSetOf(out)).toBeNull();
  });
});
