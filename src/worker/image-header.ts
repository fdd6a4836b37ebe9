// Reads what a file really is from its first bytes (names and MIME types lie: a video or a
// text file can be called IMG_0001.jpg), its pixel size and a JPEG's EXIF orientation, so the
// worker can decode straight to the working resolution, refuse absurd sizes before any pixel
// is allocated, and tell the person why a file was not checked.

/** Image formats, plus the non-image kinds a camera roll holds, so refusals can name them. */
export type ImageFormat =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'avif'
  | 'heic'
  | 'jxl'
  | 'tiff'
  | 'svg'
  | 'video'
  | 'pdf'
  | 'text'
  | 'unknown';

export interface ImageHeader {
  format: ImageFormat;
  /** Stored size, before EXIF orientation. */
  width?: number;
  height?: number;
  /** EXIF orientation 1..8 (JPEG only); 5..8 swap width and height on display. */
  orientation?: number;
  /** JPEG only: progressive (SOF2, 6, 10, 14), whose decode holds every DCT coefficient at once. */
  progressive?: boolean;
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

/** Start-of-frame markers: C0..CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers that stand alone, without a length: TEM, RST0..7 (SOI and EOI are handled apart). */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

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
    if (marker === 0xd8 || isStandalone(marker)) {
      at += 2;
      continue;
    }
    const length = (b[at + 2] << 8) | b[at + 3];
    if (marker === 0xe1 && header.orientation === undefined) {
      header.orientation = exifOrientation(b, at + 4, Math.min(b.length, at + 2 + length));
    }
    if (isSof(marker) && at + 9 <= b.length) {
      header.height = (b[at + 5] << 8) | b[at + 6];
      header.width = (b[at + 7] << 8) | b[at + 8];
      if ((marker & 3) === 2) header.progressive = true;
      return header;
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return header;
}

const HEIC_BRANDS = /^(heic|heix|hevc|hevx|heim|heis|hevm|hevs)$/;
const AVIF_BRANDS = /^(avif|avis)$/;
/** ISO base media brands of videos: MP4, QuickTime, 3GP, M4V, DASH, Flash video. */
const VIDEO_BRANDS = /^(isom|iso[2-9]|mp41|mp42|avc1|qt {2}|M4V |M4VH|M4VP|3gp[4-9]|3g2[abc]|dash|MSNV|f4v |mmp4|XAVC)$/;

/** What an ISO base media file (ftyp box) holds, judged by its major brand, then its compatible brands. */
function isoBrandFormat(b: Uint8Array): ImageFormat {
  const boxSize = Math.min(b.length, ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0 || b.length);
  const major = ascii(b, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(ascii(b, at, 4));
  if (AVIF_BRANDS.test(major)) return 'avif';
  if (HEIC_BRANDS.test(major)) return 'heic';
  if (VIDEO_BRANDS.test(major)) return 'video';
  // Generic HEIF (mif1, msf1, miaf): the compatible brands say which codec is inside.
  if (compatible.some((brand) => AVIF_BRANDS.test(brand))) return 'avif';
  if (compatible.some((brand) => HEIC_BRANDS.test(brand)) || /^(mif1|msf1|miaf)$/.test(major)) return 'heic';
  if (compatible.some((brand) => VIDEO_BRANDS.test(brand))) return 'video';
  return 'unknown';
}

/** Printable UTF-8 / ASCII text with line breaks and tabs, and no NUL bytes, in the sample. */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  if (n === 0) return false;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++;
  }
  return printable / n > 0.95;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const b = bytes;
  const u32be = (at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  const i32le = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegHeader(b);
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 7) === 'PNG\r\n\x1a\n') {
    if (b.length < 26) return { format: 'png' };
    return { format: 'png', width: u32be(16), height: u32be(20), bitDepth: b[24], colorType: b[25] };
  }
  if (b.length >= 10 && /^GIF8[79]a$/.test(ascii(b, 0, 6))) {
    return { format: 'gif', width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  }
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    if (b.length < 30) return { format: 'webp' };
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
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'AVI ') return { format: 'video' };
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') {
    // BITMAPINFOHEADER: a negative height means rows are stored top-down.
    return { format: 'bmp', width: Math.abs(i32le(18)), height: Math.abs(i32le(22)) };
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') return { format: isoBrandFormat(b) };
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return { format: 'video' }; // Matroska / WebM
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0x0a) return { format: 'jxl' };
  if (b.length >= 12 && u32be(0) === 12 && ascii(b, 4, 4) === 'JXL ') return { format: 'jxl' };
  // TIFF, and the camera RAW formats built on it (DNG, CR2, NEF, ARW).
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return { format: 'tiff' };
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return { format: 'pdf' };
  const text = ascii(b, 0, Math.min(b.length, 256)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!--')) && text.includes('<svg'))) return { format: 'svg' };
  if (looksLikeText(b)) return { format: 'text' };
  return { format: 'unknown' };
}

/** Size as displayed, after EXIF orientation. */
export function displaySize(header: ImageHeader): { width: number; height: number } | null {
  if (!header.width || !header.height) return null;
  const swap = (header.orientation ?? 1) >= 5;
  return swap ? { width: header.height, height: header.width } : { width: header.width, height: header.height };
}

/** Markers that may follow a scan's entropy-coded data: DHT, SOS, DQT, DRI, DNL, COM, APPn, EOI. */
const isAfterScan = (marker: number) =>
  marker === 0xc4 || marker === 0xda || marker === 0xdb || marker === 0xdd || marker === 0xdc || marker === 0xfe || marker === 0xd9 || (marker >= 0xe0 && marker <= 0xef);

/**
 * Why a JPEG the browser refused is broken, judged from its structure: 'truncated' when the
 * bytes end before the end-of-image marker (an interrupted copy or download), 'corrupt' when
 * the image data holds bytes no encoder writes (a marker where none can be), null when the
 * structure looks whole. Reads the whole file, so it is only worth calling after a decode failed.
 */
export function jpegDamage(b: Uint8Array): 'truncated' | 'corrupt' | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return 'corrupt';
  let at = 2;
  for (;;) {
    if (at >= b.length) return 'truncated';
    if (b[at] !== 0xff) return 'corrupt';
    while (at + 1 < b.length && b[at + 1] === 0xff) at++; // fill bytes before a marker
    if (at + 1 >= b.length) return 'truncated';
    const marker = b[at + 1];
    if (marker === 0xd9) return null;
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (marker < 0xc0) return 'corrupt';
    if (at + 4 > b.length) return 'truncated';
    const length = (b[at + 2] << 8) | b[at + 3];
    if (length < 2) return 'corrupt';
    at += 2 + length;
    if (at > b.length) return 'truncated';
    if (marker !== 0xda) continue;
    // Entropy-coded data: FF is followed by 00 (a stuffed FF), a restart marker, more fill,
    // or the marker that ends the scan.
    for (;;) {
      while (at < b.length && b[at] !== 0xff) at++;
      if (at + 1 >= b.length) return 'truncated';
      const next = b[at + 1];
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
      else if (next === 0xff) at++;
      else if (isAfterScan(next)) break;
      else return 'corrupt';
    }
  }
}
