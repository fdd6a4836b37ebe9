import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { GifWriter } from 'omggif';
import { encode as encodeBmp } from 'bmp-ts';
import { decodeImageFile, sniffFormat } from './decode-image.ts';

// A grey ramp with a bright square: 64 distinct levels, so a GIF palette holds it exactly.
const W = 48;
const H = 32;
const grey = (x: number, y: number) => (x >= 16 && x < 32 && y >= 8 && y < 24 ? 252 : ((x + y) % 64) * 4);
const rgba = new Uint8Array(W * H * 4);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) rgba.set([grey(x, y), grey(x, y), grey(x, y), 255], (y * W + x) * 4);

const dir = mkdtempSync(join(tmpdir(), 'decode-image-'));
function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function png(): Uint8Array {
  const image = new PNG({ width: W, height: H });
  image.data.set(rgba);
  return PNG.sync.write(image);
}

function gif(): Uint8Array {
  const palette = Array.from({ length: 256 }, (_, i) => (i < 64 ? i * 4 * 0x010101 : 252 * 0x010101));
  const out = new Uint8Array(W * H + 2048);
  const writer = new GifWriter(out, W, H, { palette });
  const indices = Array.from({ length: W * H }, (_, i) => {
    const v = rgba[i * 4]!;
    return v === 252 ? 63 : v / 4;
  });
  writer.addFrame(0, 0, W, H, indices);
  return out.subarray(0, writer.end());
}

function bmp(): Uint8Array {
  // bmp-ts takes ABGR.
  const abgr = Buffer.alloc(W * H * 4);
  for (let i = 0; i < W * H; i++) abgr.set([255, rgba[i * 4 + 2]!, rgba[i * 4 + 1]!, rgba[i * 4]!], i * 4);
  return encodeBmp({ data: abgr, width: W, height: H, bitPP: 24 } as never).data;
}

const greyOf = (image: { data: ArrayLike<number> }, i: number) => image.data[i * 4]!;

describe('decodeImageFile (the formats the app opens, for npm run eval)', () => {
  it.each([
    ['png', png],
    ['gif', gif],
    ['bmp', bmp],
  ] as const)('decodes %s losslessly to the same straight RGBA', async (format, make) => {
    const image = await decodeImageFile(write(`ramp.${format}`, make()));
    expect([image.width, image.height]).toEqual([W, H]);
    for (let i = 0; i < W * H; i++) expect(greyOf(image, i)).toBe(rgba[i * 4]);
  });

  it('decodes JPEG close to the source (lossy) and WebP', async () => {
    const jpg = await decodeImageFile(write('ramp.jpg', jpeg.encode({ data: Buffer.from(rgba), width: W, height: H }, 95).data));
    let diff = 0;
    for (let i = 0; i < W * H; i++) diff += Math.abs(greyOf(jpg, i) - rgba[i * 4]!);
    expect(diff / (W * H)).toBeLessThan(3);
    const { default: encodeWebp, init } = await import('@jsquash/webp/encode.js');
    const encoderWasm = join(dirname(createRequire(import.meta.url).resolve('@jsquash/webp/package.json')), 'codec/enc/webp_enc_simd.wasm');
    await init(await WebAssembly.compile(readFileSync(encoderWasm)) as never);
    const lossless = new Uint8Array(await encodeWebp({ data: new Uint8ClampedArray(rgba), width: W, height: H, colorSpace: 'srgb' } as ImageData, { lossless: 1 }));
    const webp = await decodeImageFile(write('ramp.webp', lossless));
    for (let i = 0; i < W * H; i++) expect(greyOf(webp, i)).toBe(rgba[i * 4]);
  });

  it('goes by the bytes, not the name, and says what it cannot read', async () => {
    const image = await decodeImageFile(write('really-a-png.jpg', png()));
    expect(image.width).toBe(W);
    expect(sniffFormat(new TextEncoder().encode('hello world, not an image'))).toBeNull();
    await expect(decodeImageFile(write('notes.jpg', new TextEncoder().encode('hello')))).rejects.toThrow(/not a JPEG, PNG, WebP, BMP or GIF/);
  });
});
