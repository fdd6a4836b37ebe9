// Draws the app icon (a lens whose right half is blurred) and writes the PNG sizes the
// manifest names. Run: npx tsx src/cli/make-icons.ts. Our own pixels, no third-party art.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** maskable: full-bleed background, content inside the 80% safe zone. */
function drawIcon(size: number, maskable: boolean): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const c = size / 2;
  const lens = size * (maskable ? 0.3 : 0.38);
  const corner = maskable ? 0 : size * 0.18;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      // Rounded-square background (plain square when maskable: the platform crops it).
      const dx = Math.max(corner - x, x - (size - 1 - corner), 0);
      const dy = Math.max(corner - y, y - (size - 1 - corner), 0);
      const inside = corner === 0 || Math.hypot(dx, dy) <= corner;
      if (!inside) continue;
      let [r, g, b] = [20, 33, 61];
      const d = Math.hypot(x - c, y - c);
      // Sharp ring on the left half, a soft ramp on the right: sharp vs blurry at a glance.
      const ring = Math.abs(d - lens);
      const width = size * 0.045;
      const soft = x > c ? size * 0.06 : size * 0.004;
      const t = Math.max(0, Math.min(1, (width - ring) / soft + 0.5));
      r += (252 - r) * t; g += (196 - g) * t; b += (66 - b) * t;
      if (d < lens * 0.45) { r = 252; g = 196; b = 66; }
      px.set([Math.round(r), Math.round(g), Math.round(b), 255], i);
    }
  }
  return px;
}

const dir = new URL('../../public/icons/', import.meta.url);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), encodePng(size, size, drawIcon(size, false)));
  writeFileSync(new URL(`maskable-${size}.png`, dir), encodePng(size, size, drawIcon(size, true)));
}
writeFileSync(new URL('apple-touch-icon.png', dir), encodePng(180, 180, drawIcon(180, true)));
