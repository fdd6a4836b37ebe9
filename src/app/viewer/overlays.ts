// Draws the two overlays the viewer lays over a photo: the region map (where it is sharp and
// where not) and the blur-aware edge map (the edges the analysis found). Both are drawn at
// their own small resolution and stretched by CSS to the photo's displayed size.
import type { RegionMap } from '../../core/types.ts';
import type { EdgeMap } from '../../bridge/types.ts';

/**
 * Blurry cells (< 0.4) are tinted red, stronger the blurrier; sharp cells (>= 0.6) get a light
 * green wash; cells without detail to judge (the core reports ~0.5) stay untinted. The cuts are
 * the ones the reason line uses (review/reason.ts).
 */
export function drawRegions(canvas: HTMLCanvasElement, regions: RegionMap): void {
  // One canvas pixel per cell; the browser's smooth scaling turns the grid into a soft heat map.
  canvas.width = regions.cols;
  canvas.height = regions.rows;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(regions.cols, regions.rows);
  for (let i = 0; i < regions.cols * regions.rows; i++) {
    const sharpness = regions.sharpness[i] ?? 0.5;
    const p = i * 4;
    if (sharpness >= 0.6) image.data.set([40, 200, 120, Math.round(255 * (0.12 + 0.2 * sharpness))], p);
    else if (sharpness < 0.4) image.data.set([230, 40, 40, Math.round(255 * (0.3 + 0.4 * (1 - sharpness / 0.4)))], p);
  }
  ctx.putImageData(image, 0, 0);
}

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
