import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

// Cross-origin isolation lets the tfjs wasm backend use threads (SharedArrayBuffer).
// The CSP backs the privacy promise: the page may only talk to its own origin (connect-src).
// opencv.js's embind builds its bindings with `new Function`, hence 'unsafe-eval'; wasm needs
// 'wasm-unsafe-eval'; tfjs's wasm glue starts workers from blob: URLs.
export const securityHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self' blob: 'wasm-unsafe-eval' 'unsafe-eval'",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
};

/** Third-party face nets (src/core/face/face-weights.ts), shipped from the npm package that holds
 * them under /models/faces/, so the repo never carries foreign weights. */
const FACE_MODEL_DIR = join(import.meta.dirname, 'node_modules/@vladmandic/face-api/model');
const FACE_MODEL_FILES = /^(tiny_face_detector_model|face_landmark_68_tiny_model)(-weights_manifest\.json|\.bin)$/;

/** Ships what training exported in models/ (model.json, shards, fusion params) under /models/,
 * and the face nets under /models/faces/. */
function modelsAsAssets(): Plugin {
  const root = join(import.meta.dirname, 'models');
  const faceFiles = () => (existsSync(FACE_MODEL_DIR) ? readdirSync(FACE_MODEL_DIR).filter((f) => FACE_MODEL_FILES.test(f)) : []);
  const files = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? files(path) : [path];
        })
      : [];
  const shipped = () => files(root).filter((f) => /\.(json|bin)$/.test(f));
  return {
    name: 'models-as-assets',
    generateBundle() {
      for (const path of shipped()) {
        this.emitFile({ type: 'asset', fileName: `models/${relative(root, path)}`, source: readFileSync(path) });
      }
      for (const name of faceFiles()) {
        this.emitFile({ type: 'asset', fileName: `models/faces/${name}`, source: readFileSync(join(FACE_MODEL_DIR, name)) });
      }
    },
    configureServer(server) {
      server.middlewares.use('/models/faces/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\//, '');
        if (!FACE_MODEL_FILES.test(name) || !existsSync(join(FACE_MODEL_DIR, name))) return next();
        res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.end(readFileSync(join(FACE_MODEL_DIR, name)));
      });
      server.middlewares.use('/models/', (req, res, next) => {
        const path = join(root, decodeURIComponent((req.url ?? '').split('?')[0]));
        if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) return next();
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
  };
}

export default defineConfig({
  server: { headers: securityHeaders },
  preview: { headers: securityHeaders, port: 4173 },
  worker: {
    format: 'es',
    // Workers are bundled separately; the same no-compress rule applies to the tfjs glue in them.
    rolldownOptions: { output: { minify: { compress: false, mangle: true, codegen: true } } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 12_000,
    // Compressing the threaded tfjs wasm glue breaks its pthread workers ("e is not defined").
    rolldownOptions: {
      // The bench page ships in the build (bench measures the production build) but is not precached.
      input: { main: join(import.meta.dirname, 'index.html'), bench: join(import.meta.dirname, 'src/bench/index.html') },
      output: { minify: { compress: false, mangle: true, codegen: true } },
    },
  },
  plugins: [
    modelsAsAssets(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app/offline',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,ico,json,bin,webmanifest}'],
        globIgnores: ['**/src/bench/**', '**/bench-page-*.js', '**/decode.worker-*.js'],
        // opencv.js (wasm inlined) is ~11 MB; the default 2 MiB limit silently drops it.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'training/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
