// Seeded, photo-like 12 MP test images drawn in the browser: sky gradient, buildings with
// fine window detail, foliage dots and sensor noise; some copies blurred. Realistic enough
// that JPEG sizes (~3-6 MB) and decode cost match real phone photos.
import { seededRandom } from '../core/seeded-random.ts';

export async function syntheticPhoto(seed: number, width = 4032, height = 3024, blurPx = 0): Promise<Blob> {
  const rand = seededRandom(seed);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, `hsl(${200 + rand() * 30}, 60%, ${55 + rand() * 20}%)`);
  sky.addColorStop(1, `hsl(${30 + rand() * 30}, 40%, ${70 + rand() * 15}%)`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  for (let b = 0; b < 40; b++) {
    const w = width * (0.03 + rand() * 0.08);
    const h = height * (0.2 + rand() * 0.6);
    const x = rand() * width;
    const y = height - h;
    ctx.fillStyle = `hsl(${rand() * 360}, ${10 + rand() * 30}%, ${25 + rand() * 40}%)`;
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = `hsla(50, 80%, ${60 + rand() * 30}%, 0.9)`;
    for (let wy = y + 10; wy < height - 10; wy += 18 + rand() * 10) {
      for (let wx = x + 6; wx < x + w - 6; wx += 14 + rand() * 6) ctx.fillRect(wx, wy, 6, 9);
    }
  }
  for (let i = 0; i < 4000; i++) {
    ctx.fillStyle = `hsla(${90 + rand() * 60}, 50%, ${20 + rand() * 30}%, 0.8)`;
    ctx.beginPath();
    ctx.arc(rand() * width, height * (0.7 + rand() * 0.3), 2 + rand() * 12, 0, Math.PI * 2);
    ctx.fill();
  }
  let source: OffscreenCanvas = canvas;
  if (blurPx > 0) {
    source = new OffscreenCanvas(width, height);
    const blurred = source.getContext('2d')!;
    blurred.filter = `blur(${blurPx}px)`;
    blurred.drawImage(canvas, 0, 0);
  }
  const out = source.getContext('2d')!;
  const image = out.getImageData(0, 0, width, height);
  const px = image.data;
  for (let i = 0; i < px.length; i += 4) {
    const n = (rand() - 0.5) * 10;
    px[i] += n;
    px[i + 1] += n;
    px[i + 2] += n;
  }
  out.putImageData(image, 0, 0);
  return source.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}
