// The viewer's two maps over the photo: the region map from the stored analysis, and the
// blur-aware edge map, asked of the worker pool for this one photo only when the person turns
// it on (the worker decodes the photo again for it; nothing is analysed again).
import type { AnalysisPool } from '../../bridge/pool.ts';
import type { EdgeMap } from '../../bridge/types.ts';
import { h, setText } from '../ui/dom.ts';
import { readPhoto, type Photo } from '../state/photo.ts';
import { drawEdges } from './overlays.ts';
import { regionLegend, regionMapLayer } from './region-map.ts';
import { flip, isPressed, toggleButton } from './toggle.ts';

export interface OverlayPanel {
  /** Laid over the photo, stretched by CSS to its displayed size. */
  regionLayer: HTMLElement;
  edgeCanvas: HTMLCanvasElement;
  showRegions: HTMLButtonElement;
  showEdges: HTMLButtonElement;
  legend: HTMLElement;
  edgeStatus: HTMLElement;
  /** Which maps this photo can have. */
  enableFor(photo: Photo): void;
  /** Draws the maps that are on for the photo shown now. */
  render(): Promise<void>;
  /** Drops an edge map still on its way (another photo is shown, or the viewer closed). */
  forget(): void;
}

/** Edge maps kept for photos seen lately, so stepping back and forth does not ask again. */
const EDGE_CACHE_SIZE = 8;

export function overlayPanel(pool: () => AnalysisPool, shown: () => Photo | null): OverlayPanel {
  const regionMap = regionMapLayer();
  const regionLayer = regionMap.element;
  const edgeCanvas = h('canvas', { class: 'overlay edges', hidden: true, 'data-testid': 'edge-overlay', 'aria-hidden': 'true' });
  const showRegions = toggleButton('Sharpness map', 'toggle-regions');
  const showEdges = toggleButton('Edges', 'toggle-edges');
  const legend = regionLegend();
  const edgeStatus = h('p', { class: 'viewer-edge-status', 'aria-live': 'polite', 'data-testid': 'edge-status' });
  const edgeCache = new Map<string, EdgeMap>();
  let edgeRequest = 0;

  const render = async () => {
    const photo = shown();
    if (!photo) return;
    regionLayer.hidden = !isPressed(showRegions) || photo.outcome.kind !== 'done';
    legend.hidden = regionLayer.hidden;
    if (!regionLayer.hidden && photo.outcome.kind === 'done') regionMap.show(photo.outcome.analysis.regions);
    edgeCanvas.hidden = true;
    edgeCanvas.dataset.state = 'off';
    setText(edgeStatus, '');
    if (!isPressed(showEdges) || !photo.source) return;
    const request = ++edgeRequest;
    let map = edgeCache.get(photo.key);
    if (!map) {
      edgeCanvas.dataset.state = 'loading';
      setText(edgeStatus, 'Finding edges…');
      try {
        const file = await readPhoto(photo.source);
        // The stored verdict decides the smoothing, as the analysis that made it would.
        map = await pool().edgeMap(file, photo.outcome.kind === 'done' ? { alreadyBlurry: photo.outcome.analysis.verdict === 'blurry' } : {});
        edgeCache.set(photo.key, map);
        if (edgeCache.size > EDGE_CACHE_SIZE) edgeCache.delete(edgeCache.keys().next().value!);
      } catch (error) {
        if (request !== edgeRequest) return;
        edgeCanvas.dataset.state = 'error';
        setText(edgeStatus, `Edges could not be shown: ${(error as Error).message}`);
        return;
      }
    }
    if (request !== edgeRequest || shown() !== photo) return;
    const count = drawEdges(edgeCanvas, map);
    edgeCanvas.hidden = false;
    edgeCanvas.dataset.state = 'ready';
    edgeCanvas.dataset.edgePixels = String(count);
    setText(edgeStatus, 'Edges the detector sees, in cyan. Few or broken edges mean blur.');
  };

  for (const button of [showRegions, showEdges]) {
    button.addEventListener('click', () => {
      flip(button);
      void render();
    });
  }

  return {
    regionLayer,
    edgeCanvas,
    showRegions,
    showEdges,
    legend,
    edgeStatus,
    enableFor(photo) {
      showEdges.disabled = !photo.source || photo.outcome.kind !== 'done';
      showRegions.disabled = photo.outcome.kind !== 'done';
    },
    render,
    forget() {
      edgeRequest++;
    },
  };
}
