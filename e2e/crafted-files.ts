// Files a camera roll really holds besides plain JPEGs, crafted byte by byte in Node so every
// run sees the same corpus: broken JPEGs, files in disguise, tiny and absurdly large images,
// PNGs with alpha or 16-bit samples, greyscale and CMYK JPEGs, an animated GIF, HEIC, SVG.
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { encodeJpeg } from './jpeg-encoder.ts';
import { sharpScene, defocus, sharpJpeg, rng } from './photos.ts';


const clamp8 = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** Offset of the first byte after the SOS header, where the entropy-coded data starts. */
function scanDataStart(bytes: Buffer): number {
  let at = 2;
  while (at + 4 <= bytes.length) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xda) return at + 2 + length;
    at += 2 + length;
  }
  throw new Error('no SOS marker');
}

/** A real photo cut off part way through its image data, as an interrupted copy leaves it. */
export function truncatedJpeg(seed: number, keep = 0.6): Buffer {
  const whole = sharpJpeg(seed);
  return whole.subarray(0, Math.floor(whole.length * keep));
}

/** A real photo whose image data has a run of random bytes in the middle (bad sectors, a broken transfer). */
export function corruptJpeg(seed: number): Buffer {
  const bytes = Buffer.from(sharpJpeg(seed));
  const start = scanDataStart(bytes);
  const random = rng(seed);
  const from = start + Math.floor((bytes.length - start) * 0.3);
  for (let i = from; i < from + 4096 && i < bytes.length - 2; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** A small valid JPEG whose frame header (SOF) claims another size: what a hostile or broken file can do. */
export function jpegClaimingSize(width: number, height: number): Buffer {
  const bytes = Buffer.from(sharpJpeg(5));
  let at = 2;
  while (at + 4 <= bytes.length) {
    const marker = bytes[at + 1];
    if (marker === 0xc0 || marker === 0xc2) {
      bytes.writeUInt16BE(height, at + 5);
      bytes.writeUInt16BE(width, at + 7);
      return bytes;
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no SOF marker');
}

export function tinyJpeg(width = 1, height = 1): Buffer {
  const data = Buffer.alloc(width * height * 4, 128);
  return jpeg.encode({ width, height, data }, 90).data;
}

export function greyscaleJpeg(seed: number, blurRadius = 0): Buffer {
  const scene = blurRadius > 0 ? defocus(sharpScene(seed), blurRadius) : sharpScene(seed);
  const grey = new Uint8Array(scene.width * scene.height);
  for (let i = 0; i < grey.length; i++) {
    grey[i] = clamp8(0.299 * scene.data[i * 3] + 0.587 * scene.data[i * 3 + 1] + 0.114 * scene.data[i * 3 + 2]);
  }
  return encodeJpeg(scene.width, scene.height, 1, grey);
}

/** CMYK as Photoshop stores it (Adobe convention: inverted, 255 = no ink), from an RGB scene. */
export function cmykJpeg(seed: number): Buffer {
  const scene = sharpScene(seed);
  const cmyk = new Uint8Array(scene.width * scene.height * 4);
  for (let i = 0; i < scene.width * scene.height; i++) {
    const [r, g, b] = [0, 1, 2].map((c) => clamp8(scene.data[i * 3 + c]));
    const max = Math.max(r, g, b, 1);
    // Inverted C = 255 * r / max (i.e. 1 - C), inverted K = max (1 - K): decoding gives r = C' * K' / 255.
    cmyk[i * 4] = clamp8((255 * r) / max);
    cmyk[i * 4 + 1] = clamp8((255 * g) / max);
    cmyk[i * 4 + 2] = clamp8((255 * b) / max);
    cmyk[i * 4 + 3] = max;
  }
  return encodeJpeg(scene.width, scene.height, 4, cmyk);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/**
 * A PNG of the sharp scene: 8-bit RGBA with a transparent border around an opaque ellipse
 * (a cut-out), or 16-bit RGB (what raw converters and scanners export).
 */
export function scenePng(seed: number, kind: 'alpha' | '16-bit'): Buffer {
  const scene = sharpScene(seed);
  const { width, height } = scene;
  const channels = kind === 'alpha' ? 4 : 3;
  const bytesPerSample = kind === '16-bit' ? 2 : 1;
  const stride = 1 + width * channels * bytesPerSample;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const at = y * stride + 1 + x * channels * bytesPerSample;
      for (let c = 0; c < 3; c++) {
        const v = Math.max(0, Math.min(255, scene.data[i * 3 + c]));
        if (bytesPerSample === 2) raw.writeUInt16BE(Math.round(v * 257), at + c * 2);
        else raw[at + c] = Math.round(v);
      }
      if (kind === 'alpha') {
        const inside = ((x - width / 2) / (width * 0.45)) ** 2 + ((y - height / 2) / (height * 0.45)) ** 2 <= 1;
        raw[at + 3] = inside ? 255 : 0;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bytesPerSample * 8;
  ihdr[9] = kind === 'alpha' ? 6 : 2; // colour type: RGBA or RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * GIF LZW without compression: 9-bit codes, a clear code before the table would need 10 bits.
 * Valid for every decoder, just not small.
 */
function gifLzw(indices: Uint8Array): Buffer {
  const CLEAR = 256;
  const END = 257;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  const emit = (code: number) => {
    buffer |= code << bits;
    bits += 9;
    while (bits >= 8) {
      out.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  };
  for (let i = 0; i < indices.length; i++) {
    if (i % 250 === 0) emit(CLEAR);
    emit(indices[i]);
  }
  emit(END);
  if (bits > 0) out.push(buffer & 0xff);
  const blocks: number[] = [8]; // LZW minimum code size
  for (let i = 0; i < out.length; i += 255) {
    const chunk = out.slice(i, i + 255);
    blocks.push(chunk.length, ...chunk);
  }
  blocks.push(0);
  return Buffer.from(blocks);
}

/** A looping two-frame GIF of the sharp scene (6x6x6 colour cube palette); the first frame is what gets judged. */
export function animatedGif(seed: number): Buffer {
  const width = 320;
  const height = 240;
  const palette = Buffer.alloc(256 * 3);
  for (let i = 0; i < 216; i++) {
    palette[i * 3] = Math.floor(i / 36) * 51;
    palette[i * 3 + 1] = (Math.floor(i / 6) % 6) * 51;
    palette[i * 3 + 2] = (i % 6) * 51;
  }
  const frame = (s: number) => {
    const scene = sharpScene(s, width, height);
    const indices = new Uint8Array(width * height);
    for (let i = 0; i < indices.length; i++) {
      const [r, g, b] = [0, 1, 2].map((c) => Math.round(Math.max(0, Math.min(255, scene.data[i * 3 + c])) / 51));
      indices[i] = r * 36 + g * 6 + b;
    }
    const descriptor = Buffer.alloc(10);
    descriptor[0] = 0x2c;
    descriptor.writeUInt16LE(width, 5);
    descriptor.writeUInt16LE(height, 7);
    const control = Buffer.from([0x21, 0xf9, 4, 0x04, 50, 0, 0, 0]); // keep previous frame, 0.5 s
    return Buffer.concat([control, descriptor, gifLzw(indices)]);
  };
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen[4] = 0xf7; // global colour table of 256 entries
  const loop = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('NETSCAPE2.0'), Buffer.from([3, 1, 0, 0, 0])]);
  return Buffer.concat([Buffer.from('GIF89a'), screen, palette, loop, frame(seed), frame(seed + 1), Buffer.from([0x3b])]);
}

function isoBox(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

/** The start of an iPhone HEIC: ftyp (heic, mif1), then meta and image data boxes. */
export function heicFile(): Buffer {
  const ftyp = isoBox('ftyp', Buffer.concat([Buffer.from('heic'), Buffer.alloc(4), Buffer.from('mif1heicmiaf')]));
  const random = rng(7);
  return Buffer.concat([ftyp, isoBox('meta', Buffer.alloc(200)), isoBox('mdat', Buffer.from(Array.from({ length: 4000 }, () => Math.floor(random() * 256))))]);
}

/** A phone video (MP4: ftyp isom/mp42, moov, mdat), e.g. a live-photo clip that ended up named .jpg. */
export function mp4File(): Buffer {
  const ftyp = isoBox('ftyp', Buffer.concat([Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41')]));
  const random = rng(11);
  return Buffer.concat([ftyp, isoBox('moov', Buffer.alloc(300)), isoBox('mdat', Buffer.from(Array.from({ length: 6000 }, () => Math.floor(random() * 256))))]);
}

export const textFile = () => Buffer.from('Shopping list\n- milk\n- eggs\n- a new SD card\n');

export const svgFile = () =>
  Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#4a7"/><circle cx="200" cy="150" r="80" fill="#fff"/></svg>\n');
