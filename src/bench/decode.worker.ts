// Decode-only worker: the analysis worker's own decode step (header, decode, shrink to the
// working size, luma out) and nothing else — or, for reference, a plain full-size
// createImageBitmap — so bench can compare a scan against the floor set by decoding.
import { decodeToWorking } from '../worker/decode.ts';
import { WORKING_MAX_SIDE } from '../core/image/working-resolution.ts';

self.onmessage = async (event: MessageEvent<{ blob: Blob; mode: 'pipeline' | 'browser-pipeline' | 'full-bitmap' | 'luma' }>) => {
  const { blob, mode } = event.data;
  if (mode === 'luma') {
    // The luma itself, for the test that pins the worker's decode to Node's (e2e/decode-parity).
    const { luma, decoder, sourceWidth, sourceHeight } = await decodeToWorking(blob, WORKING_MAX_SIDE);
    self.postMessage({ width: luma.width, height: luma.height, data: luma.data, decoder, sourceWidth, sourceHeight }, [luma.data.buffer]);
  } else if (mode === 'pipeline' || mode === 'browser-pipeline') {
    // 'browser-pipeline': the same step with JPEGs through createImageBitmap, as before libjpeg-turbo.
    const decoded = await decodeToWorking(blob, WORKING_MAX_SIDE, { jpegWasm: mode === 'pipeline' });
    self.postMessage([decoded.luma.width, decoded.luma.height]);
  } else {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    self.postMessage([bitmap.width, bitmap.height]);
    bitmap.close();
  }
};
