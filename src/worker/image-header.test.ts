import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { displaySize, jpegDamage, readImageHeader } from './image-header.ts';

/** A real baseline JPEG (jpeg-js) of a noisy gradient, so the scan data is long and varied. */
function realJpeg(width = 96, height = 64): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  let s = 12345;
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const v = ((i % width) * 2 + (s >>> 24)) & 0xff;
    data.set([v, 255 - v, (v * 3) & 0xff, 255], i * 4);
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
}

const bytes = (...parts: Array<string | number[] | Uint8Array>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** An APP1 EXIF segment holding only an orientation tag (big-endian TIFF). */
function exifSegment(orientation: number): number[] {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const body = [...bytes('Exif\0\0'), ...tiff];
  return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
}

/** Inserts segments right after SOI. */
const withSegments = (jpg: Uint8Array, ...segments: number[][]) => bytes([0xff, 0xd8], ...segments, jpg.subarray(2));

/** An ftyp box with a major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const body = bytes(major, [0, 0, 0, 0], ...compatible);
  return bytes(u32be(8 + body.length), 'ftyp', body, u32be(16), 'meta', [0, 0, 0, 0, 0, 0, 0, 0]);
};

describe('readImageHeader', () => {
  it('reads a JPEG size from its frame header and swaps it for EXIF orientations 5..8', () => {
    const plain = realJpeg(96, 64);
    expect(readImageHeader(plain)).toMatchObject({ format: 'jpeg', width: 96, height: 64 });
    const rotated = readImageHeader(withSegments(plain, exifSegment(6)));
    expect(rotated).toMatchObject({ format: 'jpeg', width: 96, height: 64, orientation: 6 });
    expect(displaySize(rotated)).toEqual({ width: 64, height: 96 });
    expect(displaySize(readImageHeader(withSegments(plain, exifSegment(3))))).toEqual({ width: 96, height: 64 });
  });

  it('reads PNG size, bit depth and colour type; GIF, WebP and BMP sizes', () => {
    const ihdr = [...u32be(13), ...bytes('IHDR'), ...u32be(4000), ...u32be(3000), 16, 2, 0, 0, 0];
    expect(readImageHeader(bytes([0x89], 'PNG\r\n\x1a\n', ihdr))).toEqual({ format: 'png', width: 4000, height: 3000, bitDepth: 16, colorType: 2 });
    expect(readImageHeader(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00], [0, 0, 0]))).toEqual({ format: 'gif', width: 320, height: 240 });
    const vp8x = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], [0x9f, 0x0f, 0], [0xb7, 0x0b, 0]);
    expect(readImageHeader(vp8x)).toEqual({ format: 'webp', width: 4000, height: 3000 });
    const bmp = bytes('BM', new Array(16).fill(0), u32le(640), u32le(-480 >>> 0), [1, 0, 24, 0]);
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('tells HEIC from AVIF by the brands of the ftyp box, including generic mif1 files', () => {
    expect(readImageHeader(ftyp('heic', 'mif1', 'heic')).format).toBe('heic');
    expect(readImageHeader(ftyp('mif1', 'mif1', 'heic', 'miaf')).format).toBe('heic');
    expect(readImageHeader(ftyp('avif', 'mif1', 'avif')).format).toBe('avif');
    // libavif and others write a generic major brand; such a file is AVIF, which browsers decode.
    expect(readImageHeader(ftyp('mif1', 'mif1', 'miaf', 'avif', 'MA1B')).format).toBe('avif');
  });

  it('recognises what is not a photo even when it is named like one', () => {
    expect(readImageHeader(ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41')).format).toBe('video');
    expect(readImageHeader(ftyp('qt  ', 'qt  ')).format).toBe('video');
    expect(readImageHeader(bytes([0x1a, 0x45, 0xdf, 0xa3], [0x9f, 0x42, 0x86, 0x81])).format).toBe('video');
    expect(readImageHeader(bytes('Shopping list\n- milk\n- eggs\n')).format).toBe('text');
    expect(readImageHeader(bytes('\xEF\xBB\xBF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')).format).toBe('svg');
    expect(readImageHeader(bytes('<svg width="10" height="10"></svg>')).format).toBe('svg');
    expect(readImageHeader(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')).format).toBe('pdf');
    expect(readImageHeader(bytes('II*\0', [8, 0, 0, 0])).format).toBe('tiff');
    expect(readImageHeader(bytes('MM\0*', [0, 0, 0, 8])).format).toBe('tiff');
    expect(readImageHeader(bytes([0xff, 0x0a, 0xfa, 0x12])).format).toBe('jxl');
    expect(readImageHeader(bytes([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0])).format).toBe('unknown');
  });
});

describe('jpegDamage', () => {
  const whole = realJpeg(256, 192);

  it('finds nothing wrong with a whole JPEG, with or without trailing bytes after the end marker', () => {
    expect(jpegDamage(whole)).toBeNull();
    expect(jpegDamage(bytes(whole, new Array(500).fill(0)))).toBeNull();
  });

  it('calls a JPEG cut short anywhere truncated, not fooled by an embedded thumbnail', () => {
    for (const keep of [0.02, 0.3, 0.6, 0.99]) expect(jpegDamage(whole.subarray(0, Math.floor(whole.length * keep)))).toBe('truncated');
    expect(jpegDamage(whole.subarray(0, whole.length - 2))).toBe('truncated');
    // An EXIF thumbnail is a whole JPEG (with its own end marker) inside APP1.
    const thumbnail = realJpeg(16, 16);
    const app1 = [0xff, 0xe1, (thumbnail.length + 8) >> 8, (thumbnail.length + 8) & 255, ...bytes('Exif\0\0'), ...thumbnail];
    const withThumb = withSegments(whole, app1);
    expect(jpegDamage(withThumb)).toBeNull();
    expect(jpegDamage(withThumb.subarray(0, withThumb.length - 4000))).toBe('truncated');
  });

  it('calls random bytes inside the image data corrupt', () => {
    let s = 7;
    const damaged = Uint8Array.from(whole);
    const start = Math.floor(whole.length * 0.4);
    for (let i = start; i < start + 1024; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      damaged[i] = s >>> 24;
    }
    expect(jpegDamage(damaged)).toBe('corrupt');
    expect(jpegDamage(bytes([0xff, 0xd8], new Array(64).fill(0x20)))).toBe('corrupt');
  });
});
