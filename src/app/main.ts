import './styles.css';
import { registerServiceWorker } from './offline/register.ts';
import { updateBanner } from './offline/update-banner.ts';
import { analysisPool } from './scan/pool.ts';
import { scanPhotos } from '../bridge/scan.ts';

const app = document.querySelector<HTMLDivElement>('#app')!;
app.innerHTML = `
  <header class="top"><h1>Blur Finder</h1><p>Find the blurry photos. Nothing leaves your device.</p></header>
  <main>
    <label class="drop" data-testid="drop-zone">
      <span>Drop photos here, or choose them</span>
      <input type="file" multiple accept="image/*" data-testid="file-input" />
    </label>
    <p data-testid="scan-summary" data-done="0" data-total="0" aria-live="polite"></p>
    <ul class="results" data-testid="results"></ul>
  </main>`;

registerServiceWorker(updateBanner(app));

const input = app.querySelector<HTMLInputElement>('input[type=file]')!;
const drop = app.querySelector<HTMLElement>('.drop')!;
const summary = app.querySelector<HTMLElement>('[data-testid=scan-summary]')!;
const list = app.querySelector<HTMLUListElement>('.results')!;

function startScan(files: File[]): void {
  const images = files.filter((f) => f.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|heic|avif)$/i.test(f.name));
  let done = 0;
  const show = () => {
    summary.dataset.done = String(done);
    summary.dataset.total = String(images.length);
    summary.textContent = `${done} of ${images.length} photos checked`;
  };
  show();
  scanPhotos(
    analysisPool(),
    images.map((file) => ({ file, name: file.name })),
    (outcome) => {
      done++;
      const li = document.createElement('li');
      li.dataset.testid = 'result';
      li.dataset.fileName = outcome.item.name;
      if (outcome.ok) {
        const a = outcome.result.analysis;
        li.dataset.verdict = a.verdict;
        li.dataset.probability = a.probability.toFixed(3);
        if (a.blurType) li.dataset.blurType = a.blurType;
        li.textContent = `${outcome.item.name}: ${a.verdict} (${Math.round(a.probability * 100)}%${a.blurType ? `, ${a.blurType}` : ''})`;
      } else {
        li.dataset.verdict = 'error';
        li.textContent = `${outcome.item.name}: ${outcome.error}`;
      }
      list.append(li);
      show();
    },
  );
}

input.addEventListener('change', () => startScan([...(input.files ?? [])]));
drop.addEventListener('dragover', (e) => e.preventDefault());
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  startScan([...(e.dataTransfer?.files ?? [])]);
});
