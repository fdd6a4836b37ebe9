// Reads an image's pixel size (and a JPEG's EXIF orientation) from its first bytes, so the
// worker can decode straight to the working resolution and refuse absurd sizes before any
// pixel is allocated.
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' | 'svg' | 'unknown';

export interface ImageHeader {
  format: ImageFormat;
  /** Stored size, before EXIF orientation. */
  width?: number;
  height?: number;
  /** EXIF orientation 1..8 (JPEG only); 5..8 swap width and height on display. */
  orientation?: number;
  /** PNG bit depth and colour type, e.g. for 16-bit or alpha photos. */
  bitDepth?: number;
  colorType?: number;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

function exifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  if (ascii(b, start, 4) !== 'Exif') return undefined;
  const tiff = start + 6;
  const little = ascii(b, tiff, 2) === 'II';
  const u16 = (at: number) => (little ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1]);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

function jpegHeader(b: Uint8Array): ImageHeader {
  const header: ImageHeader = { format: 'jpeg' };
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (b[at + 2] << 8) | b[at + 3];
    if (marker === 0xe1 && header.orientation === undefined) {
      header.orientation = exifOrientation(b, at + 4, Math.min(b.length, at + 2 + length));
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && at + 9 <= b.length) {
      header.height = (b[at + 5] << 8) | b[at + 6];
      header.width = (b[at + 7] << 8) | b[at + 8];
      return header;
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return header;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegHeader(b);
  if (b.length >= 26 && ascii(b, 1, 3) === 'PNG') {
    const u32 = (at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
    return { format: 'png', width: u32(16), height: u32(20), bitDepth: b[24], colorType: b[25] };
  }
  if (b.length >= 10 && ascii(b, 0, 3) === 'GIF') {
    return { format: 'gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  }
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const kind = ascii(b, 12, 4);
    if (kind === 'VP8X') {
      return { format: 'webp', width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) };
    }
    if (kind === 'VP8L') {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
    }
    if (kind === 'VP8 ') return { format: 'webp', width: (b[26] | (b[27] << 8)) & 0x3fff, height: (b[28] | (b[29] << 8)) & 0x3fff };
    return { format: 'webp' };
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (/^(heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(brand)) return { format: 'heic' };
    if (/^avi[fs]$/.test(brand)) return { format: 'avif' };
  }
  const text = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { format: 'svg' };
  return { format: 'unknown' };
}

/** Size as displayed, after EXIF orientation. */
export function displaySize(header: ImageHeader): { width: number; height: number } | null {
  if (!header.width || !header.height) return null;
  const swap = (header.orientation ?? 1) >= 5;
  return swap ? { width: header.height, height: header.width } : { width: header.width, height: header.height };
}
