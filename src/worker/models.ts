// The worker's model reader: models/ over fetch. Requests go through the service worker, whose
// precache holds models/, so the app analyses offline.
import type { ModelReader } from '../core/models.ts';

async function fetchJson<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url).catch(() => null);
  // A server's SPA fallback answers a missing file with index.html: only JSON counts.
  if (!response?.ok || !(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  return (await response.json()) as T;
}

export function fetchModelReader(baseUrl: string): ModelReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    json: <T>(name: string) => fetchJson<T>(`${base}${name}`),
    layersModel: (dir) => `${base}${dir}/model.json`,
  };
}
