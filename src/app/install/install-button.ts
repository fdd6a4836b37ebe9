// "Install app": shown only when the browser says the app can be installed (beforeinstallprompt),
// hidden again once it is.
import { h } from '../ui/dom.ts';
import { icon } from '../ui/icons.ts';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export function installButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button on-dark', hidden: true, 'data-testid': 'install' }, icon('install'), h('span', {}, 'Install app'));
  let deferred: InstallPromptEvent | null = null;
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    button.hidden = false;
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    button.hidden = true;
  });
  button.addEventListener('click', async () => {
    if (!deferred) return;
    const prompt = deferred;
    deferred = null;
    // A prompt can be shown once; if it is dismissed the browser offers a new one later.
    button.hidden = true;
    await prompt.prompt();
    await prompt.userChoice;
  });
  return button;
}
