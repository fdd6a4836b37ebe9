// The sharpness map laid over the photo in the viewer. It adds no colour, so it reads on any
// photo and for colour-blind eyes alike (a red/green tint hid red and green subjects, and
// red/green is the pair most colour-blind people confuse): blurry regions are shaded and
// outlined, regions too plain to judge lightly shaded, sharp ones left clear. The outline is a
// white line on a dark casing, which shows on light and dark photos. Drawn as SVG in cell units
// and stretched to the photo; the lines keep their screen width at any zoom.
import { h } from '../ui/dom.ts';
import type { RegionMap } from '../../core/types.ts';
import { cellKind, type CellKind } from '../review/reason.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** How much of the photo's light a shaded cell keeps out: enough to tell at a glance, not to hide it. */
const SHADE: Record<CellKind, number> = { blurry: 0.55, plain: 0.25, sharp: 0 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** The borders between blurry cells and the rest (not the frame's edge), as path data in cell units. */
export function blurryOutline(kinds: CellKind[], cols: number, rows: number): string {
  const blurry = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && kinds[r * cols + c] === 'blurry';
  const inside = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows;
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!blurry(c, r)) continue;
      if (inside(c, r - 1) && !blurry(c, r - 1)) parts.push(`M${c} ${r}h1`);
      if (inside(c, r + 1) && !blurry(c, r + 1)) parts.push(`M${c} ${r + 1}h1`);
      if (inside(c - 1, r) && !blurry(c - 1, r)) parts.push(`M${c} ${r}v1`);
      if (inside(c + 1, r) && !blurry(c + 1, r)) parts.push(`M${c + 1} ${r}v1`);
    }
  }
  return parts.join('');
}

export interface RegionMapLayer {
  /** The layer to put over the photo (inset 0, the photo's size). Its data-cells is the automation hook. */
  element: HTMLElement;
  show(regions: RegionMap): void;
}

export function regionMapLayer(): RegionMapLayer {
  const element = h('div', { class: 'overlay regions', hidden: true, 'data-testid': 'region-overlay', 'aria-hidden': 'true' });
  const map = svg('svg', { preserveAspectRatio: 'none', width: '100%', height: '100%' });
  const shaded = { blurry: svg('path', { fill: '#000', 'fill-opacity': SHADE.blurry }), plain: svg('path', { fill: '#000', 'fill-opacity': SHADE.plain }) };
  const line = { 'vector-effect': 'non-scaling-stroke', fill: 'none', 'stroke-linecap': 'square' };
  const casing = svg('path', { ...line, stroke: '#000', 'stroke-opacity': 0.75, 'stroke-width': 4 });
  const outline = svg('path', { ...line, stroke: '#fff', 'stroke-width': 2 });
  map.append(shaded.plain, shaded.blurry, casing, outline);
  element.append(map);

  return {
    element,
    show(regions) {
      const { cols, rows } = regions;
      const kinds = Array.from({ length: cols * rows }, (_, i) => cellKind(regions.sharpness[i] ?? 0.5));
      map.setAttribute('viewBox', `0 0 ${cols} ${rows}`);
      for (const kind of ['blurry', 'plain'] as const) {
        shaded[kind].setAttribute('d', kinds.map((k, i) => (k === kind ? `M${i % cols} ${Math.floor(i / cols)}h1v1h-1z` : '')).join(''));
      }
      const d = blurryOutline(kinds, cols, rows);
      casing.setAttribute('d', d);
      outline.setAttribute('d', d);
      Object.assign(element.dataset, { cols: String(cols), rows: String(rows), cells: kinds.map((k) => k[0]).join('') });
    },
  };
}

/** The key under the view buttons, in the same terms as the map. */
export function regionLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'viewer-legend', hidden: true, 'data-testid': 'region-legend' },
    h('li', {}, h('span', { class: 'swatch blurry' }), ' Blurry: shaded and outlined'),
    h('li', {}, h('span', { class: 'swatch unknown' }), ' Too plain to judge: lightly shaded'),
    h('li', {}, h('span', { class: 'swatch sharp' }), ' Sharp: left clear'),
  );
}
