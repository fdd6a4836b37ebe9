// Decode-only worker: the same createImageBitmap call the analysis worker starts with and
// nothing else, so bench can compare a scan against the floor set by decoding.
self.onmessage = async (event: MessageEvent<Blob>) => {
  const bitmap = await createImageBitmap(event.data, { imageOrientation: 'from-image' });
  const size = [bitmap.width, bitmap.height];
  bitmap.close();
  self.postMessage(size);
};
