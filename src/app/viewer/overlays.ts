// Draws the blur-aware edge map (the edges the analysis found) over a photo in the viewer, at
// the analysis resolution, stretched by CSS to the photo's displayed size. The sharpness map
// is region-map.ts; overlay-panel.ts turns both on and off.
import type { EdgeMap } from '../../bridge/types.ts';

/** Edge pixels in bright cyan (visible on most photos), everything else transparent. Returns the edge pixel count. */
export function drawEdges(canvas: HTMLCanvasElement, map: EdgeMap): number {
  canvas.width = map.width;
  canvas.height = map.height;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(map.width, map.height);
  let count = 0;
  for (let i = 0; i < map.edges.length; i++) {
    if (map.edges[i] === 0) continue;
    count++;
    const p = i * 4;
    image.data[p] = 0;
    image.data[p + 1] = 240;
    image.data[p + 2] = 255;
    image.data[p + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return count;
}
