// A small baseline JPEG encoder for the component counts jpeg-js and the browser's canvas do
// not write: 1 component (greyscale) and 4 components (CMYK, with the Adobe APP14 marker that
// Photoshop and print workflows write). Real DCT, quantisation and the standard Huffman tables
// (ITU T.81 Annex K), no subsampling, so the bytes are what a camera or editor would produce.

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37,
  56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1,
  0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26,
  0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56,
  0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85,
  0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa,
  0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
  0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9,
  0xfa,
];

interface Code {
  code: number;
  length: number;
}

function huffmanCodes(bits: number[], values: number[]): Map<number, Code> {
  const codes = new Map<number, Code>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]; i++) codes.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return codes;
}
const DC_CODES = huffmanCodes(DC_BITS, DC_VALUES);
const AC_CODES = huffmanCodes(AC_BITS, AC_VALUES);

// DCT-II basis: BASIS[u * 8 + x] = C(u)/2 * cos((2x + 1) u pi / 16).
const BASIS = new Float64Array(64);
for (let u = 0; u < 8; u++) {
  for (let x = 0; x < 8; x++) BASIS[u * 8 + x] = (u === 0 ? Math.SQRT1_2 : 1) / 2 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
}

class BitWriter {
  readonly bytes: number[] = [];
  private buffer = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.buffer);
    if (this.buffer === 0xff) this.bytes.push(0); // byte stuffing: FF in entropy data is FF 00
    this.buffer = 0;
    this.count = 0;
  }

  /** Pads the last byte with 1 bits, as T.81 asks. */
  finish(): void {
    while (this.count !== 0) this.write(1, 1);
  }
}

const category = (v: number) => (v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1);
const magnitudeBits = (v: number, n: number) => (v >= 0 ? v : v + (1 << n) - 1);

function encodeBlock(out: BitWriter, block: Float64Array, quant: number[], previousDc: number): number {
  const temp = new Float64Array(64);
  for (let u = 0; u < 8; u++) {
    for (let y = 0; y < 8; y++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += BASIS[u * 8 + x] * block[y * 8 + x];
      temp[y * 8 + u] = s;
    }
  }
  const coefficients = new Int32Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += BASIS[v * 8 + y] * temp[y * 8 + u];
      coefficients[v * 8 + u] = Math.round(s / quant[v * 8 + u]);
    }
  }
  const dc = coefficients[0];
  const diff = dc - previousDc;
  const n = category(diff);
  const dcCode = DC_CODES.get(n)!;
  out.write(dcCode.code, dcCode.length);
  if (n > 0) out.write(magnitudeBits(diff, n), n);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const c = coefficients[ZIGZAG[k]];
    if (c === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      const zrl = AC_CODES.get(0xf0)!;
      out.write(zrl.code, zrl.length);
      run -= 16;
    }
    const size = category(c);
    const code = AC_CODES.get((run << 4) | size)!;
    out.write(code.code, code.length);
    out.write(magnitudeBits(c, size), size);
    run = 0;
  }
  if (run > 0) {
    const eob = AC_CODES.get(0x00)!;
    out.write(eob.code, eob.length);
  }
  return dc;
}

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * Encodes `channels` interleaved 8-bit planes (1 = greyscale, 4 = CMYK as stored, i.e. in
 * Adobe's inverted convention: 255 means no ink) as a baseline JPEG.
 */
export function encodeJpeg(width: number, height: number, channels: 1 | 4, samples: Uint8Array, quality = 90): Buffer {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const quant = LUMA_QUANT.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
  const header: number[] = [0xff, 0xd8];
  if (channels === 1) header.push(...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  // Adobe APP14, transform 0: the four channels are stored as they are (CMYK, no YCCK).
  else header.push(...segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 0]));
  header.push(...segment(0xdb, [0, ...ZIGZAG.map((i) => quant[i])]));
  const components = Array.from({ length: channels }, (_, c) => [c + 1, 0x11, 0]).flat();
  header.push(...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, channels, ...components]));
  header.push(...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES]));
  header.push(...segment(0xda, [channels, ...Array.from({ length: channels }, (_, c) => [c + 1, 0x00]).flat(), 0, 63, 0]));

  const out = new BitWriter();
  const previous = new Array<number>(channels).fill(0);
  const block = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let c = 0; c < channels; c++) {
        for (let y = 0; y < 8; y++) {
          const sy = Math.min(height - 1, by + y);
          for (let x = 0; x < 8; x++) {
            const sx = Math.min(width - 1, bx + x);
            block[y * 8 + x] = samples[(sy * width + sx) * channels + c] - 128;
          }
        }
        previous[c] = encodeBlock(out, block, quant, previous[c]);
      }
    }
  }
  out.finish();
  return Buffer.from([...header, ...out.bytes, 0xff, 0xd9]);
}
