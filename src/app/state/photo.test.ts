import { describe, expect, it } from 'vitest';
import { parsePhotoKey, photoKey, uncheckedPhoto } from './photo.ts';

describe('parsePhotoKey', () => {
  it('reads back what photoKey wrote, names with a bar too', () => {
    for (const file of [{ name: 'IMG_1.jpg', size: 1234, lastModified: 1_700_000_000_000 }, { name: 'a|b.jpg', size: 5, lastModified: 0 }]) {
      expect(parsePhotoKey(photoKey(file))).toEqual(file);
    }
  });

  it('refuses what is not a key', () => {
    expect(parsePhotoKey('IMG_1.jpg')).toBeNull();
    expect(parsePhotoKey('IMG_1.jpg|big|0')).toBeNull();
  });
});

describe('uncheckedPhoto', () => {
  it('is a photo still to check, with no file behind it', () => {
    const photo = uncheckedPhoto('PXL_1.jpg|99|42', true)!;
    expect(photo).toMatchObject({ key: 'PXL_1.jpg|99|42', name: 'PXL_1.jpg', size: 99, lastModified: 42, outcome: { kind: 'pending' }, source: null, fromFolder: true });
  });
});
