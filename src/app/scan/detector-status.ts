// One line on the start screen that says whether the detector is ready, so a person who adds
// photos while it is still loading knows why the first verdict takes a moment. Its data-state
// (idle, loading, ready, failed) is also the automation hook.
import { h, setText } from '../ui/dom.ts';
import type { PhotoStore } from '../state/store.ts';
import type { ScanController, ScanProgress } from './scan-controller.ts';

export type DetectorState = 'idle' | 'loading' | 'ready' | 'failed';

export function detectorState(p: ScanProgress): DetectorState {
  if (p.ready) return 'ready';
  if (p.failure) return 'failed';
  return p.loadingSince != null ? 'loading' : 'idle';
}

const WORDS: Record<DetectorState, (p: ScanProgress) => string> = {
  idle: () => '',
  loading: () => 'Getting the detector ready in the background…',
  ready: () => 'Ready: photos you add are checked at once, on this device.',
  failed: (p) => `The detector could not start: ${p.failure}`,
};

export function detectorStatus(store: PhotoStore, scan: ScanController): HTMLElement {
  const element = h('p', { class: 'detector-status', 'data-testid': 'detector-status', 'aria-live': 'polite' });
  const render = () => {
    const p = scan.progress;
    const state = detectorState(p);
    element.dataset.state = state;
    setText(element, WORDS[state](p));
    // Once photos are in, the scan panel reports progress and failures itself.
    element.hidden = state === 'idle' || store.photos.size > 0;
  };
  store.subscribe(render);
  scan.subscribe(render);
  render();
  return element;
}
