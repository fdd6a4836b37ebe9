// The order phone galleries show photos in: newest first, under a heading per day. A list in that
// order lets a person find each photo in their gallery in seconds, scrolling the same way.
import { photoTime, type Photo } from '../state/photo.ts';

export interface GalleryDay {
  /** Local midnight of the day, ms. */
  day: number;
  photos: Photo[];
}

export function galleryOrder(photos: readonly Photo[]): GalleryDay[] {
  const sorted = [...photos].sort((a, b) => photoTime(b) - photoTime(a) || b.name.localeCompare(a.name, undefined, { numeric: true }));
  const days: GalleryDay[] = [];
  for (const photo of sorted) {
    const date = new Date(photoTime(photo));
    const day = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
    const last = days[days.length - 1];
    if (last?.day === day) last.photos.push(photo);
    else days.push({ day, photos: [photo] });
  }
  return days;
}
