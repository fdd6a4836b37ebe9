// Draws the two overlays the viewer lays over a photo: the region map (where it is sharp and
// where not) and the blur-aware edge map (the edges the analysis found). Both are drawn at
// their own small resolution and stretched by CSS to the photo's displayed size.
import type { RegionMap } from '../../core/types.ts';
import type { EdgeMap } from '../../bridge/types.ts';

/** Blurry cells are tinted red, fading out as they get sharper; sharp cells stay clear. */
export function drawRegions(canvas: HTMLCanvasElement, regions: RegionMap): void {
  const cell = 8;
  canvas.width = regions.cols * cell;
  canvas.height = regions.rows * cell;
  const ctx = canvas.getContext('2d')!;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (let r = 0; r < regions.rows; r++) {
    for (let c = 0; c < regions.cols; c++) {
      const sharpness = regions.sharpness[r * regions.cols + c] ?? 0;
      const blur = 1 - Math.min(1, Math.max(0, sharpness));
      ctx.fillStyle = sharpness >= 0.5 ? `rgba(40, 200, 120, ${0.18 * sharpness})` : `rgba(230, 40, 40, ${0.15 + 0.45 * blur})`;
      ctx.fillRect(c * cell, r * cell, cell, cell);
    }
  }
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.16)';
  ctx.lineWidth = 1;
  for (let c = 1; c < regions.cols; c++) {
    ctx.beginPath();
    ctx.moveTo(c * cell + 0.5, 0);
    ctx.lineTo(c * cell + 0.5, canvas.height);
    ctx.stroke();
  }
  for (let r = 1; r < regions.rows; r++) {
    ctx.beginPath();
    ctx.moveTo(0, r * cell + 0.5);
    ctx.lineTo(canvas.width, r * cell + 0.5);
    ctx.stroke();
  }
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
