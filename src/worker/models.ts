// Loads what training exported. Requests go through the service worker, whose precache holds
// models/, so the app analyses offline. A missing model degrades to a simpler detector.
import * as tf from '@tensorflow/tfjs';
import type { FusionParams } from '../core/fusion/head.ts';

export interface LoadedModels {
  cnn?: tf.LayersModel;
  fusion?: FusionParams;
  featuresHead?: FusionParams;
}

async function fetchJson<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url).catch(() => null);
  // A server's SPA fallback answers a missing file with index.html: only JSON counts.
  if (!response?.ok || !(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  return (await response.json()) as T;
}

export async function loadModels(baseUrl: string): Promise<LoadedModels> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const [fusion, featuresHead] = await Promise.all([
    fetchJson<FusionParams>(`${base}fusion.json`),
    fetchJson<FusionParams>(`${base}features-head.json`),
  ]);
  let cnn: tf.LayersModel | undefined;
  if (fusion) {
    cnn = await tf.loadLayersModel(`${base}patch-cnn/model.json`);
  }
  return { cnn, fusion, featuresHead };
}
