import { describe, expect, it } from 'vitest';
import type { Photo } from '../state/photo.ts';
import { galleryOrder } from './gallery-order.ts';

const photo = (name: string, when: Date, takenAt: Date | null = null): Photo => ({
  key: name, name, folder: '', size: 1, lastModified: when.getTime(), type: 'image/jpeg', takenAt: takenAt?.getTime() ?? null,
  outcome: { kind: 'pending' }, thumbnail: null, hash: null, location: 'original', source: null,
});

describe('galleryOrder', () => {
  it('lists newest first under one heading per local day, by capture time where known', () => {
    const days = galleryOrder([
      photo('old.jpg', new Date(2024, 6, 13, 9, 0)),
      photo('evening.jpg', new Date(2024, 6, 14, 21, 0)),
      // Copied later, but taken in the morning: the capture time decides.
      photo('morning.jpg', new Date(2024, 8, 1, 12, 0), new Date(2024, 6, 14, 8, 0)),
    ]);
    expect(days.map((d) => d.photos.map((p) => p.name))).toEqual([['evening.jpg', 'morning.jpg'], ['old.jpg']]);
    expect(days[0].day).toBe(new Date(2024, 6, 14).getTime());
  });
});
