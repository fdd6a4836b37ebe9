// When a photo was taken, from EXIF. exifr reads only the first chunk of the file (the APP1
// segment), never the image data, so this is cheap on the main thread even for 12 MP photos.
// Loaded on first use: people who only look at remembered results never download it.

type Exifr = typeof import('exifr/dist/lite.esm.mjs').default;
let exifr: Promise<Exifr> | null = null;

/** `file` is a photo file, or its bytes (as in Node, where exifr takes no Blob). */
export async function captureTime(file: Blob | Uint8Array): Promise<number | null> {
  exifr ??= import('exifr/dist/lite.esm.mjs').then((m) => m.default);
  try {
    // The two tags are asked for per block: exifr's lite build throws on a global `pick` (it has
    // no tag dictionary for the interop block), which left every photo without a capture time.
    const tags = (await (await exifr).parse(file, { ifd0: {}, exif: { pick: ['DateTimeOriginal', 'CreateDate'] }, gps: false, interop: false, ifd1: false })) as
      | { DateTimeOriginal?: Date; CreateDate?: Date }
      | undefined;
    const date = tags?.DateTimeOriginal ?? tags?.CreateDate;
    return date instanceof Date && Number.isFinite(date.getTime()) ? date.getTime() : null;
  } catch {
    // No EXIF, or a format exifr does not read: the file's own date stands in.
    return null;
  }
}
