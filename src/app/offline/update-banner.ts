import type { UpdatePrompt } from './register.ts';

/**
 * A polite banner: "A new version is ready" with Reload and Later. Results are saved as they
 * arrive, so reloading loses nothing; still the person chooses when (a scan may be running).
 */
export function updateBanner(host: HTMLElement): UpdatePrompt {
  return {
    onUpdateReady(accept) {
      host.querySelector('[data-testid=update-ready]')?.remove();
      const bar = document.createElement('div');
      bar.className = 'update-banner';
      bar.setAttribute('role', 'status');
      bar.dataset.testid = 'update-ready';
      const text = document.createElement('span');
      text.textContent = 'A new version of Blur Finder is ready. Your results are kept.';
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.textContent = 'Reload to update';
      reload.addEventListener('click', accept);
      const later = document.createElement('button');
      later.type = 'button';
      later.className = 'later';
      later.textContent = 'Later';
      later.addEventListener('click', () => bar.remove());
      bar.append(text, reload, later);
      host.prepend(bar);
    },
  };
}
