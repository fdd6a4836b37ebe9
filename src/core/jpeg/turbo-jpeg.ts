// libjpeg-turbo's TurboJPEG API in WebAssembly (@cwasm/jpeg-turbo's build), one instance per
// worker or Node process. The app, `npm run eval` and training all decode JPEGs through this, so
// the numbers published are the app's numbers. Loading the .wasm bytes is the caller's job (a
// URL in the worker, a file in Node): this module only needs the compiled WebAssembly.Module.
//
// Why this build (measured: see src/worker/jpeg-decode.ts): it is the only libjpeg-turbo on
// npm that exposes tjDecompress2 itself, i.e. DCT scaling (n/8) and greyscale output. The
// others wrap a fixed full-size colour decode (@cornerstonejs/codec-libjpeg-turbo-8bit's
// JPEGDecoder.decode(), @jsquash/jpeg's decode()), which is the work we are trying not to do.

/** TurboJPEG pixel formats (turbojpeg.h TJPF_*). */
const PIXEL_FORMAT = { gray: 6, rgba: 7, cmyk: 11 } as const;
const BYTES_PER_PIXEL = { gray: 1, rgba: 4, cmyk: 4 } as const;
export type TurboPixelFormat = keyof typeof PIXEL_FORMAT;

/** TurboJPEG colourspaces (TJCS_*), as the header reports them. */
export type JpegColorspace = 'rgb' | 'ycbcr' | 'gray' | 'cmyk' | 'ycck';
const COLORSPACES: JpegColorspace[] = ['rgb', 'ycbcr', 'gray', 'cmyk', 'ycck'];

/** TJFLAG_FASTUPSAMPLE | TJFLAG_FASTDCT: for thumbnails only, where nobody measures the pixels. */
const FAST_FLAGS = 256 | 2048;

export interface JpegInfo {
  width: number;
  height: number;
  colorspace: JpegColorspace;
}

export interface TurboPixels {
  /** The JPEG's stored size and colourspace, from its header. */
  stored: JpegInfo;
  format: TurboPixelFormat;
  /** Decoded size: the stored size times n/8, rounded up. */
  width: number;
  height: number;
  data: Uint8Array;
  /**
   * libjpeg warned while decoding (a premature end of data, bytes where a marker should be...).
   * The pixels exist (missing rows are grey) but may not be the photo: the browser caller hands
   * such files to the browser's own decoder, which judges them as it always did.
   */
  warning: boolean;
}

export class JpegDecodeError extends Error {
  override name = 'JpegDecodeError';
}

interface TurboExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(handle: number, src: number, size: number, width: number, height: number, subsamp: number, colorspace: number): number;
  tjDecompress2(handle: number, src: number, size: number, dst: number, width: number, pitch: number, height: number, pixelFormat: number, flags: number): number;
}

/** Size TurboJPEG gives an n/8 decode (TJSCALED: ceil(size * n / 8)). */
export const scaledSize = (size: number, eighths: number) => Math.ceil((size * eighths) / 8);

/**
 * Wasm memory only grows. After a decode that needed more than this (a 30 MB file, a large
 * progressive JPEG's coefficient buffer), the instance is dropped so the worker's memory goes
 * back down rather than staying at the high-water mark for the rest of a 50,000-photo scan.
 */
const KEEP_MEMORY_BYTES = 96 * 1024 * 1024;

export class TurboJpeg {
  private exports: TurboExports | null = null;

  constructor(private readonly module: WebAssembly.Module) {}

  private instance(): TurboExports {
    if (this.exports) return this.exports;
    // libjpeg reports errors with longjmp. This build leaves setjmp/longjmp to the host; throwing
    // from longjmp unwinds out of the wasm call, after which the instance's C stack and heap
    // are not to be trusted, so every throw drops the instance (see `run`).
    const fail = (what: string) => () => {
      throw new JpegDecodeError(what);
    };
    const instance = new WebAssembly.Instance(this.module, {
      env: { setjmp: () => 0, longjmp: fail('libjpeg could not decode this JPEG') },
      wasi_snapshot_preview1: {
        environ_sizes_get: () => 0,
        environ_get: fail('environ_get'),
        proc_exit: fail('proc_exit'),
        fd_close: fail('fd_close'),
        fd_seek: fail('fd_seek'),
        fd_write: fail('fd_write'),
      },
    });
    this.exports = instance.exports as unknown as TurboExports;
    return this.exports;
  }

  /** Runs `body` with the JPEG's bytes in wasm memory and a decompressor; always frees both. */
  private run<T>(bytes: Uint8Array, body: (x: TurboExports, handle: number, src: number) => T): T {
    const x = this.instance();
    let src = 0;
    let handle = 0;
    try {
      src = x.malloc(bytes.length);
      if (!src) throw new JpegDecodeError('Out of memory for the JPEG data');
      new Uint8Array(x.memory.buffer, src, bytes.length).set(bytes);
      handle = x.tjInitDecompress();
      if (!handle) throw new JpegDecodeError('Could not start a JPEG decompressor');
      const result = body(x, handle, src);
      x.tjDestroy(handle);
      x.free(src);
      if (x.memory.buffer.byteLength > KEEP_MEMORY_BYTES) this.exports = null;
      return result;
    } catch (error) {
      this.exports = null; // after a longjmp the heap and the C stack are not to be trusted
      throw error instanceof JpegDecodeError ? error : new JpegDecodeError(String(error));
    }
  }

  private header(x: TurboExports, handle: number, src: number, size: number): JpegInfo {
    const out = x.malloc(16);
    try {
      if (x.tjDecompressHeader3(handle, src, size, out, out + 4, out + 8, out + 12) !== 0) throw new JpegDecodeError('Not a JPEG libjpeg can read');
      const [width, height, , colorspace] = new Int32Array(x.memory.buffer, out, 4);
      return { width, height, colorspace: COLORSPACES[colorspace] ?? 'ycbcr' };
    } finally {
      x.free(out);
    }
  }

  /**
   * Decodes at n/8 of the stored size (libjpeg's DCT scaling: the full-size pixels never exist),
   * to one of TurboJPEG's pixel formats; `choose` picks n and the format from the header. 'gray'
   * from a YCbCr JPEG decodes the Y plane only (libjpeg skips the chroma IDCT, upsampling and
   * colour conversion); CMYK JPEGs can only go to 'cmyk'.
   */
  decode(bytes: Uint8Array, choose: (info: JpegInfo) => { eighths: number; format: TurboPixelFormat; fast?: boolean }): TurboPixels {
    return this.run(bytes, (x, handle, src) => {
      const stored = this.header(x, handle, src, bytes.length);
      const { eighths, format, fast } = choose(stored);
      const width = scaledSize(stored.width, eighths);
      const height = scaledSize(stored.height, eighths);
      const size = width * height * BYTES_PER_PIXEL[format];
      const dst = x.malloc(size);
      if (!dst) throw new JpegDecodeError(`Out of memory for a ${width} x ${height} decode`);
      try {
        const status = x.tjDecompress2(handle, src, bytes.length, dst, width, 0, height, PIXEL_FORMAT[format], fast ? FAST_FLAGS : 0);
        // -1 without a longjmp is a warning: the image was decoded to the end, with gaps filled.
        return { stored, format, width, height, data: new Uint8Array(x.memory.buffer, dst, size).slice(), warning: status !== 0 };
      } finally {
        x.free(dst);
      }
    });
  }
}
