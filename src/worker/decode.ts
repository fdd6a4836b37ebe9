// Decodes a photo file to luma at the working resolution (plus a colour preview for the
// thumbnail). JPEGs go through libjpeg-turbo in wasm at a reduced DCT scale (jpeg-decode.ts);
// other formats, and JPEGs it cannot take, through the browser. The header is read first so files
// that are not photos, absurd sizes and images too small to judge are refused before any pixel
// is allocated, and so very large JPEGs can be decoded at a reduced scale. Every refusal says
// why, in words the person can act on: the reason is shown on the photo's card.
import type { LumaImage, RgbaImage } from '../core/types.ts';
import { downscaleRgba, toLuma, workingSize } from '../core/image/image.ts';
import { PATCH_SIZE } from '../core/cnn/patches.ts';
import { displaySize, jpegDamage, readImageHeader, type ImageFormat, type ImageHeader } from './image-header.ts';
import { decodeJpegToWorking } from './jpeg-decode.ts';

export interface DecodedPhoto {
  /** Luma at the working size, as displayed. */
  luma: LumaImage;
  /** A colour copy at most `longSide` px on its long side, for the thumbnail. */
  preview(longSide: number): RgbaImage;
  sourceWidth: number;
  sourceHeight: number;
  header: ImageHeader;
  decoder: 'libjpeg-turbo' | 'browser';
}

/** Area-downscaled copy of a working-size RGBA image, for the thumbnail. */
function rgbaPreview(rgba: RgbaImage, longSide: number): RgbaImage {
  const size = workingSize(rgba.width, rgba.height, longSide);
  return downscaleRgba(rgba, size.width, size.height);
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Beyond this many pixels a decode could exhaust a phone's memory (a 16-bit 200 MP image is 1.6 GB). */
export const MAX_SOURCE_PIXELS = 250e6;

/**
 * Shortest side, at working resolution, worth judging. Below one CNN patch (64 px) the patch
 * model has nothing to look at, and Laplacian statistics over a few thousand pixels describe
 * JPEG blocks and noise rather than focus: icons and 1x1 tracking pixels get a reason, not a
 * coin-flip verdict.
 */
export const MIN_PHOTO_SIDE = PATCH_SIZE;

/**
 * Chromium's createImageBitmap decodes at full size and only then resizes (measured: a 108 MP
 * JPEG costs ~430 MB of renderer memory even with resizeWidth). Above this many pixels (~100 MB
 * decoded, twice a 12 MP phone photo) JPEGs are decoded at a reduced DCT scale through
 * WebCodecs' ImageDecoder (~5 MB for the same photo), and other formats one at a time.
 * Below it, createImageBitmap stays: taking ImageDecoder for 12 MP photos too measured 11.4 vs
 * 10.4 photos/s in one bench run (noise level), for a transient 48 MB bitmap per worker.
 */
export const LARGE_DECODE_PIXELS = 24e6;

const HEADER_BYTES = 256 * 1024;

const FORMAT_NAMES: Partial<Record<ImageFormat, string>> = {
  jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', bmp: 'BMP', avif: 'AVIF',
};

const megapixels = (w: number, h: number) => `${Math.round((w * h) / 1e6)} megapixels`;

/** Reasons known from the first bytes alone: such files are refused without a decode. */
export function refusalBeforeDecode(header: ImageHeader, maxSide: number): string | null {
  switch (header.format) {
    case 'svg':
      return 'This is an SVG drawing, not a photo: there is no camera blur to check.';
    case 'video':
      return 'This is a video (MP4, MOV or similar), not a photo, whatever its name says. Blur Finder checks still photos.';
    case 'text':
      return 'This is a text file, not a photo, whatever its name says.';
    case 'pdf':
      return 'This is a PDF document, not a photo.';
    default:
      break;
  }
  const shown = displaySize(header);
  return shown ? sizeRefusal(shown.width, shown.height, maxSide) : null;
}

function sizeRefusal(width: number, height: number, maxSide: number): string | null {
  if (width * height > MAX_SOURCE_PIXELS) {
    return `This image is ${width} × ${height} pixels (${megapixels(width, height)}), more than the ${megapixels(MAX_SOURCE_PIXELS, 1)} Blur Finder can open safely.`;
  }
  if (Math.min(width, height) < MIN_PHOTO_SIDE) {
    return `This image is only ${width} × ${height} pixels: too small to judge sharpness (photos need at least ${MIN_PHOTO_SIDE} pixels on the short side).`;
  }
  const work = workingSize(width, height, maxSide);
  if (Math.min(work.width, work.height) < MIN_PHOTO_SIDE) {
    return `This image is ${width} × ${height} pixels: too long and narrow to judge sharpness (a panorama strip or a banner?).`;
  }
  return null;
}

/** Why the browser could not decode a file whose first bytes looked like an image. */
async function decodeFailureReason(file: Blob, header: ImageHeader): Promise<string> {
  switch (header.format) {
    case 'heic':
      return 'HEIC photos cannot be opened in this browser. Convert it to JPEG and add it again: on an iPhone, set Settings › Photos › Transfer to Mac or PC › Automatic (or Settings › Camera › Formats › Most Compatible for new photos); on a computer, open it in Photos or Preview and export as JPEG.';
    case 'tiff':
      return 'TIFF and camera RAW files cannot be opened in this browser. Export a JPEG copy from your photo editor and check that.';
    case 'jxl':
      return 'JPEG XL photos cannot be opened in this browser. Export a JPEG copy and check that.';
    case 'unknown':
      return 'This file is not in a format the browser can open as a photo (JPEG, PNG, WebP, GIF, AVIF).';
    case 'jpeg': {
      const damage = jpegDamage(new Uint8Array(await file.arrayBuffer()));
      if (damage === 'truncated') return 'This photo is cut short: the file ends before the image does (an interrupted copy or download). Copy it again from the original if you can.';
      if (damage === 'corrupt') return 'This photo is damaged: its image data contains bytes no camera writes, so it cannot be decoded.';
      return 'The browser could not decode this JPEG, although its structure looks whole.';
    }
    default:
      return `The browser could not decode this ${FORMAT_NAMES[header.format] ?? 'image'} file: it is damaged or incomplete.`;
  }
}

interface Frame {
  image: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

async function bitmapFrame(file: Blob, shown: { width: number; height: number } | null, maxSide: number): Promise<Frame> {
  const options: ImageBitmapOptions = { imageOrientation: 'from-image' };
  if (shown) {
    const target = workingSize(shown.width, shown.height, maxSide);
    if (target.width < shown.width) Object.assign(options, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'medium' });
  }
  const bitmap = await createImageBitmap(file, options);
  return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}

/**
 * A large JPEG decoded at n/8 of its size (libjpeg's DCT scaling, so the full-size pixels never
 * exist), with the smallest n that still covers the working size: the canvas then only shrinks.
 * Null where ImageDecoder is missing or does not honour the size or the EXIF orientation.
 */
async function scaledJpegFrame(file: Blob, header: ImageHeader, maxSide: number): Promise<Frame | null> {
  const shown = displaySize(header);
  if (!shown || !header.width || !header.height || typeof ImageDecoder === 'undefined') return null;
  if (!(await ImageDecoder.isTypeSupported('image/jpeg'))) return null;
  const target = workingSize(shown.width, shown.height, maxSide);
  const eighths = Math.min(8, Math.max(1, Math.ceil((8 * target.width) / shown.width - 1e-9)));
  const decoder = new ImageDecoder({
    data: file.stream(),
    type: 'image/jpeg',
    desiredWidth: Math.ceil((header.width * eighths) / 8),
    desiredHeight: Math.ceil((header.height * eighths) / 8),
  });
  try {
    const { image } = await decoder.decode();
    const landscape = (w: number, h: number) => w > h;
    if (image.displayWidth < target.width || image.displayHeight < target.height || landscape(image.displayWidth, image.displayHeight) !== landscape(shown.width, shown.height)) {
      image.close();
      return null;
    }
    return { image, width: image.displayWidth, height: image.displayHeight, close: () => image.close() };
  } finally {
    decoder.close();
  }
}

/** Runs a large full-size decode while holding a lock shared by all workers of this origin, so
 * at most one such bitmap exists at a time however many workers the pool has. */
async function oneAtATime<T>(decode: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('blur-finder-large-decode', decode) : decode();
}

async function decodeFrame(file: Blob, header: ImageHeader, maxSide: number): Promise<Frame> {
  const shown = displaySize(header);
  const large = shown !== null && shown.width * shown.height > LARGE_DECODE_PIXELS;
  if (large && header.format === 'jpeg') {
    const frame = await scaledJpegFrame(file, header, maxSide);
    if (frame) return frame;
  }
  return large ? oneAtATime(() => bitmapFrame(file, shown, maxSide)) : bitmapFrame(file, shown, maxSide);
}

/** `jpegWasm: false` sends JPEGs through the browser too: bench times the old path beside the new. */
export async function decodeToWorking(file: Blob, maxSide: number, { jpegWasm = true } = {}): Promise<DecodedPhoto> {
  if (file.size === 0) throw new DecodeError('The file is empty (0 bytes): nothing was saved in it.');
  const header = readImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  const refusal = refusalBeforeDecode(header, maxSide);
  if (refusal) throw new DecodeError(refusal);
  const jpeg = jpegWasm ? await decodeJpegToWorking(file, header, maxSide) : null;
  if (jpeg) return { ...jpeg, header, decoder: 'libjpeg-turbo' };
  let frame: Frame;
  try {
    frame = await decodeFrame(file, header, maxSide);
  } catch {
    throw new DecodeError(await decodeFailureReason(file, header));
  }
  try {
    const shown = displaySize(header);
    const sourceWidth = shown?.width ?? frame.width;
    const sourceHeight = shown?.height ?? frame.height;
    // Formats without a size in the header (or that the header parser does not know) are checked here.
    const tooSmall = shown ? null : sizeRefusal(sourceWidth, sourceHeight, maxSide);
    if (tooSmall) throw new DecodeError(tooSmall);
    // Sizes from the header may disagree with the decoder's (e.g. orientation); trust the frame.
    const size = workingSize(frame.width, frame.height, maxSide);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new DecodeError('No 2D canvas is available in this browser worker.');
    // Transparent pixels read back as black; a cut-out on white is what a viewer shows.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(frame.image, 0, 0, size.width, size.height);
    const { data } = ctx.getImageData(0, 0, size.width, size.height);
    const rgba = { width: size.width, height: size.height, data };
    return { luma: toLuma(rgba), preview: (longSide) => rgbaPreview(rgba, longSide), sourceWidth, sourceHeight, header, decoder: 'browser' };
  } finally {
    frame.close();
  }
}
