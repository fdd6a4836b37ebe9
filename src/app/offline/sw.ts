/// <reference lib="webworker" />
// The service worker: precaches the app shell, opencv.js and the models so the app works
// offline, waits for the user's consent before an update takes over, and receives photos
// shared from the phone's gallery (Web Share Target).
import { precacheAndRoute, cleanupOutdatedCaches } from 'workbox-precaching';
import { receiveSharedPhotos } from './share-target-sw.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'POST' && url.origin === self.location.origin && url.pathname === '/share-target') {
    event.respondWith(receiveSharedPhotos(event.request));
  }
});
