// EXIF orientation applied to decoded pixels. The browser's createImageBitmap does this itself
// ('from-image'); libjpeg does not, so the JPEG path turns the small decoded planes here.

type Pixels = Float32Array | Uint8Array | Uint8ClampedArray;

export interface Plane<T extends Pixels> {
  width: number;
  height: number;
  data: T;
}

/**
 * The plane as displayed under EXIF orientation 1..8 (5..8 swap width and height), `channels`
 * interleaved values per pixel. Returns the input itself for 1 or an unknown value.
 */
export function applyOrientation<T extends Pixels>(plane: Plane<T>, orientation: number | undefined, channels = 1): Plane<T> {
  const o = orientation ?? 1;
  if (o < 2 || o > 8) return plane;
  const { width: w, height: h, data: src } = plane;
  const swap = o >= 5;
  const outW = swap ? h : w;
  const outH = swap ? w : h;
  const out = new (src.constructor as new (n: number) => T)(src.length);
  // Stored pixel (sx, sy) shown at (x, y): each orientation is one of these eight maps.
  const stored = (x: number, y: number): number => {
    switch (o) {
      case 2: return y * w + (w - 1 - x);
      case 3: return (h - 1 - y) * w + (w - 1 - x);
      case 4: return (h - 1 - y) * w + x;
      case 5: return x * w + y;
      case 6: return (h - 1 - x) * w + y;
      case 7: return (h - 1 - x) * w + (w - 1 - y);
      default: return x * w + (w - 1 - y); // 8
    }
  };
  for (let y = 0, d = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const s = stored(x, y) * channels;
      for (let c = 0; c < channels; c++) out[d++] = src[s + c];
    }
  }
  return { width: outW, height: outH, data: out };
}
