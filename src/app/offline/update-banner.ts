import type { UpdatePrompt } from './register.ts';

/** A polite banner: "A new version is ready" with a Reload button. */
export function updateBanner(host: HTMLElement): UpdatePrompt {
  return {
    onUpdateReady(accept) {
      const bar = document.createElement('div');
      bar.className = 'update-banner';
      bar.setAttribute('role', 'status');
      bar.dataset.testid = 'update-ready';
      bar.textContent = 'A new version of Blur Finder is ready. ';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reload to update';
      button.addEventListener('click', accept);
      bar.append(button);
      host.prepend(bar);
    },
  };
}
