// Real JPEG files for the app specs, made in Node with jpeg-js: a busy, sharp procedural scene
// (hard-edged shapes, stripes, fine grain) and degraded copies of it (defocus-like box blur,
// horizontal motion blur), plus files that are not images. Seeded, so every run sees the same bytes.
import jpeg from 'jpeg-js';

export interface TestPhoto {
  name: string;
  bytes: Buffer;
  /** File date (ms); bursts fall back to it when there is no EXIF capture time. */
  lastModified?: number;
  type?: string;
}

interface Rgb {
  width: number;
  height: number;
  data: Float32Array; // RGB, 3 per pixel
}

/** Seeded xorshift32, so generated test photos are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0xffffffff;
  };
}

/** A sharp scene: sky-to-ground gradient, hard-edged shapes, a striped panel and sensor-like grain. */
export function sharpScene(seed: number, width = 640, height = 480, offsetX = 0): Rgb {
  const random = rng(seed);
  const data = new Float32Array(width * height * 3);
  const top = [random() * 120 + 80, random() * 120 + 100, random() * 80 + 170];
  const bottom = [random() * 100 + 60, random() * 100 + 90, random() * 60 + 40];
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = top[c] * (1 - t) + bottom[c] * t;
    }
  }
  const shapes = 45;
  for (let n = 0; n < shapes; n++) {
    const color = [random() * 255, random() * 255, random() * 255];
    const cx = random() * width + offsetX;
    const cy = random() * height;
    const w = 10 + random() * width * 0.2;
    const h = 10 + random() * height * 0.2;
    const round = random() < 0.4;
    for (let y = Math.max(0, Math.floor(cy - h)); y < Math.min(height, cy + h); y++) {
      for (let x = Math.max(0, Math.floor(cx - w)); x < Math.min(width, cx + w); x++) {
        if (round && ((x - cx) / w) ** 2 + ((y - cy) / h) ** 2 > 1) continue;
        const i = (y * width + x) * 3;
        data[i] = color[0];
        data[i + 1] = color[1];
        data[i + 2] = color[2];
      }
    }
  }
  // A striped panel: fine, regular detail that any blur wipes out first.
  const px = Math.floor(random() * width * 0.5) + offsetX;
  const py = Math.floor(random() * height * 0.5);
  for (let y = py; y < Math.min(height, py + height / 4); y++) {
    for (let x = Math.max(0, px); x < Math.min(width, px + width / 4); x++) {
      const v = (Math.floor(x / 3) + Math.floor(y / 3)) % 2 ? 235 : 25;
      const i = (y * width + x) * 3;
      data[i] = data[i + 1] = data[i + 2] = v;
    }
  }
  const grain = rng(seed * 7 + 1);
  for (let i = 0; i < data.length; i++) data[i] += (grain() - 0.5) * 24;
  return { width, height, data };
}

function boxBlurAxis(img: Rgb, radius: number, horizontal: boolean): Rgb {
  const { width, height, data } = img;
  const out = new Float32Array(data.length);
  const len = horizontal ? width : height;
  const lines = horizontal ? height : width;
  for (let line = 0; line < lines; line++) {
    for (let c = 0; c < 3; c++) {
      const at = (k: number) => {
        const p = Math.min(len - 1, Math.max(0, k));
        return horizontal ? (line * width + p) * 3 + c : (p * width + line) * 3 + c;
      };
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += data[at(k)];
      for (let k = 0; k < len; k++) {
        out[at(k)] = sum / (2 * radius + 1);
        sum += data[at(k + radius + 1)] - data[at(k - radius)];
      }
    }
  }
  return { width, height, data: out };
}

/** Three box passes approximate a Gaussian: an out-of-focus look. */
export function defocus(img: Rgb, radius = 6): Rgb {
  let out = img;
  for (let pass = 0; pass < 3; pass++) out = boxBlurAxis(boxBlurAxis(out, radius, true), radius, false);
  return out;
}

/**
 * A straight smear `length` px long at `angleDeg` (camera shake). Not purely horizontal by default:
 * a horizontal smear leaves every horizontal edge crisp, which no shaken hand produces.
 */
export function motion(img: Rgb, length = 31, angleDeg = 30): Rgb {
  const { width, height, data } = img;
  const out = new Float32Array(data.length);
  const dx = Math.cos((angleDeg * Math.PI) / 180);
  const dy = Math.sin((angleDeg * Math.PI) / 180);
  const half = (length - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let t = -half; t <= half; t++) {
        const sx = Math.min(width - 1, Math.max(0, Math.round(x + t * dx)));
        const sy = Math.min(height - 1, Math.max(0, Math.round(y + t * dy)));
        const p = (sy * width + sx) * 3;
        r += data[p];
        g += data[p + 1];
        b += data[p + 2];
      }
      const o = (y * width + x) * 3;
      out[o] = r / length;
      out[o + 1] = g / length;
      out[o + 2] = b / length;
    }
  }
  return { width, height, data: out };
}

export function toJpeg(img: Rgb, quality = 90): Buffer {
  const rgba = Buffer.alloc(img.width * img.height * 4);
  for (let i = 0, j = 0; i < img.data.length; i += 3, j += 4) {
    rgba[j] = Math.max(0, Math.min(255, img.data[i]));
    rgba[j + 1] = Math.max(0, Math.min(255, img.data[i + 1]));
    rgba[j + 2] = Math.max(0, Math.min(255, img.data[i + 2]));
    rgba[j + 3] = 255;
  }
  return jpeg.encode({ width: img.width, height: img.height, data: rgba }, quality).data;
}

export const sharpJpeg = (seed: number, offsetX = 0) => toJpeg(sharpScene(seed, 640, 480, offsetX));
export const defocusedJpeg = (seed: number, radius = 6) => toJpeg(defocus(sharpScene(seed), radius));
export const motionJpeg = (seed: number, length = 31, angleDeg = 30) => toJpeg(motion(sharpScene(seed), length, angleDeg));

/** Bytes that claim to be a JPEG but are not one. */
export function brokenJpeg(): Buffer {
  const bytes = Buffer.alloc(2048);
  const random = rng(99);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  bytes[0] = 0xff;
  bytes[1] = 0xd8; // a JPEG start marker, then garbage
  return bytes;
}

/** A larger sharp photo (default 2000 x 1500), for checking the viewer's 100% zoom. */
export const bigSharpJpeg = (seed: number, width = 2000, height = 1500) => toJpeg(sharpScene(seed, width, height));

/**
 * The same JPEG with an EXIF capture time (DateTimeOriginal, local time as cameras write it),
 * in an APP1 segment right after the start marker: IFD0 -> Exif IFD -> the date string.
 */
export function withCaptureTime(jpegBytes: Buffer, at: Date): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}:${pad(at.getMonth() + 1)}:${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}\0`;
  const tiff = Buffer.alloc(64);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // IFD0 at 8
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8769, 10); // Exif IFD pointer
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.writeUInt32LE(0, 22);
  tiff.writeUInt16LE(1, 26); // Exif IFD at 26
  tiff.writeUInt16LE(0x9003, 28); // DateTimeOriginal
  tiff.writeUInt16LE(2, 30); // ASCII
  tiff.writeUInt32LE(20, 32);
  tiff.writeUInt32LE(44, 36);
  tiff.writeUInt32LE(0, 40);
  tiff.write(stamp, 44, 'ascii');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpegBytes.subarray(0, 2), header, payload, jpegBytes.subarray(2)]);
}
