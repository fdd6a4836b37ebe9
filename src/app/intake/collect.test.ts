import { describe, expect, it } from 'vitest';
import { collectFiles } from './collect.ts';
import { isPhotoFile } from './image-files.ts';

describe('isPhotoFile', () => {
  it('trusts an image type, else the extension, and skips hidden files', () => {
    expect(isPhotoFile('a.jpg', 'image/jpeg')).toBe(true);
    expect(isPhotoFile('IMG_1.HEIC', '')).toBe(true);
    expect(isPhotoFile('clip.mov', 'video/quicktime')).toBe(false);
    expect(isPhotoFile('notes.txt', '')).toBe(false);
    expect(isPhotoFile('.thumb.jpg', 'image/jpeg')).toBe(false);
  });
});

describe('collectFiles', () => {
  it('keeps photos as read-only sources and counts what it skipped', () => {
    const result = collectFiles([
      new File([new Uint8Array(3)], 'a.jpg', { type: 'image/jpeg' }),
      new File(['x'], 'readme.txt', { type: 'text/plain' }),
      new File([new Uint8Array(3)], 'b.heic'),
    ]);
    expect(result.photos.map((p) => p.file.name)).toEqual(['a.jpg', 'b.heic']);
    expect(result.photos.every((p) => p.source.kind === 'file' && p.folder === '')).toBe(true);
    expect(result.skipped).toBe(1);
    expect(result.roots).toEqual([]);
  });
});
