// Node-side decoding of every format the app opens, for `npm run eval`: JPEG through the same
// decoder training uses (decode.ts), PNG, WebP, BMP and GIF through small, well-kept decoders.
// In the browser these go through createImageBitmap; here the pixels must match it, so each
// returns straight (un-premultiplied) 8-bit RGBA of the first frame, as the app's canvas reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { GifReader } from 'omggif';
import { decode as decodeBmp } from 'bmp-ts';
import decodeWebp, { init as initWebp } from '@jsquash/webp/decode.js';
import type { RgbaImage } from '../core/types.ts';
import { decodeJpegBytes } from './decode.ts';

export type FileFormat = 'jpeg' | 'png' | 'webp' | 'bmp' | 'gif';

/** The format from the first bytes, not the file name (a renamed file is still what it is). */
export function sniffFormat(bytes: Uint8Array): FileFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  return null;
}

let webpReady: Promise<void> | null = null;
/** libwebp's wasm, compiled from the package's own file (Node has no fetch of file: URLs). */
function ensureWebp(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasm = join(dirname(require.resolve('@jsquash/webp/package.json')), 'codec/dec/webp_dec.wasm');
  webpReady ??= WebAssembly.compile(readFileSync(wasm)).then((module) => initWebp(module as never));
  return webpReady;
}

function fromBmp(bytes: Buffer): RgbaImage {
  // bmp-ts gives ABGR byte order; the app's canvas reads RGBA.
  const bmp = decodeBmp(bytes);
  const data = new Uint8Array(bmp.width * bmp.height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = bmp.data[i + 3]!;
    data[i + 1] = bmp.data[i + 2]!;
    data[i + 2] = bmp.data[i + 1]!;
    data[i + 3] = 255;
  }
  return { width: bmp.width, height: bmp.height, data };
}

function fromGif(bytes: Buffer): RgbaImage {
  const gif = new GifReader(bytes);
  const data = new Uint8Array(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, data);
  return { width: gif.width, height: gif.height, data };
}

export async function decodeImageFile(path: string): Promise<RgbaImage> {
  const bytes = readFileSync(path);
  switch (sniffFormat(bytes)) {
    case 'jpeg':
      return decodeJpegBytes(bytes);
    case 'png': {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
    }
    case 'webp': {
      await ensureWebp();
      const image = await decodeWebp(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
      return { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer) };
    }
    case 'bmp':
      return fromBmp(bytes);
    case 'gif':
      return fromGif(bytes);
    default:
      throw new Error('not a JPEG, PNG, WebP, BMP or GIF file');
  }
}
