// Loading the detector (workers, opencv.js ~11 MB, the model) takes seconds; started only when
// photos arrive, every first scan began with that wait. Starting it right after the first
// paint, when the page is idle, hides it behind the time a person takes to pick photos. The
// work runs in the workers, so the page stays responsive meanwhile.

/** Longest wait for an idle moment before warming up anyway (a busy page may never go idle). */
const IDLE_TIMEOUT_MS = 2000;

/** Runs `task` once the page has painted and then gone idle (or IDLE_TIMEOUT_MS later). */
export function afterFirstPaint(task: () => void): void {
  // requestAnimationFrame runs just before a paint; a task queued from it runs after that paint.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout: IDLE_TIMEOUT_MS });
      else task();
    }),
  );
}
