// Registers the service worker through workbox-window and asks the user before an update
// takes over: a new worker never replaces the running one (and a running scan) on its own.
import { Workbox } from 'workbox-window';

export interface UpdatePrompt {
  /** Called when a new version is installed and waiting; call accept() to switch to it. */
  onUpdateReady(accept: () => void): void;
}

export function registerServiceWorker(prompt: UpdatePrompt): Workbox | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    prompt.onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
  return wb;
}
