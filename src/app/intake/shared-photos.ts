// The page side of the Web Share Target: the service worker parked shared photos in a cache
// (see offline/share-target-sw.ts) and sent us to /?shared=1. We read them back as Files,
// scan them, and then drop them from the cache so shared photos do not pile up on the phone.
import { SHARE_CACHE } from '../offline/share-target-sw.ts';

export interface SharedPhotos {
  files: File[];
  /** Removes the parked copies; call once the scan no longer needs them. */
  discard(): Promise<void>;
}

export function cameFromShare(url: URL = new URL(location.href)): boolean {
  return url.searchParams.get('shared') === '1';
}

export async function takeSharedPhotos(): Promise<SharedPhotos> {
  if (!('caches' in window)) return { files: [], discard: async () => {} };
  const cache = await caches.open(SHARE_CACHE);
  const requests = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith('/shared/'));
  const files: File[] = [];
  for (const request of requests) {
    const response = await cache.match(request);
    if (!response) continue;
    const blob = await response.blob();
    const name = decodeURIComponent(response.headers.get('X-File-Name') ?? '') || new URL(request.url).pathname.split('/').pop() || 'shared photo';
    const lastModified = Number(response.headers.get('X-Last-Modified')) || Date.now();
    files.push(new File([blob], name, { type: blob.type || response.headers.get('Content-Type') || '', lastModified }));
  }
  return {
    files,
    async discard() {
      await Promise.all(requests.map((r) => cache.delete(r)));
    },
  };
}

/** Takes ?shared=1 off the address so a reload does not look for shared photos again. */
export function forgetShareUrl(): void {
  const url = new URL(location.href);
  url.searchParams.delete('shared');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}
