// Minimal inline-SVG charts for the self-contained training report (no scripts, no assets).

const PALETTE = ['#1b6ca8', '#e07b39', '#3a9d5d', '#b23a48', '#7d5ba6', '#8c8c8c'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');

export interface Series {
  name: string;
  values: number[];
}

function legend(names: string[], x: number, y: number): string {
  return names
    .map((n, i) => `<rect x="${x}" y="${y + i * 16}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + 14}" y="${y + i * 16 + 9}" font-size="11">${esc(n)}</text>`)
    .join('');
}

/** Grouped vertical bars, values in [0, yMax]; NaN bars are drawn as a hatched 'n/a' stub. */
export function groupedBars(title: string, groups: string[], series: Series[], yMax = 1): string {
  const longestLabel = Math.max(...groups.map((g) => g.length));
  const groupW = Math.max(series.length * 16 + 24, 64, longestLabel * 6.5 + 10);
  const width = Math.max(title.length * 7.5 + 50, 70 + groups.length * groupW + 170);
  const height = 240;
  const [left, top, plotH] = [40, 24, 170];
  const y = (v: number) => top + plotH - (Math.min(yMax, Math.max(0, v)) / yMax) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line x1="${left}" x2="${left + groups.length * groupW}" y1="${y(t * yMax)}" y2="${y(t * yMax)}" stroke="#ddd"/><text x="${left - 4}" y="${y(t * yMax) + 4}" font-size="10" text-anchor="end">${(t * yMax).toFixed(2)}</text>`)
    .join('');
  const bars = groups
    .map((g, gi) => {
      const x0 = left + gi * groupW + (groupW - series.length * 16) / 2;
      const rects = series
        .map((s, si) => {
          const v = s.values[gi]!;
          const x = x0 + si * 16;
          if (!Number.isFinite(v)) return `<text x="${x + 7}" y="${top + plotH - 2}" font-size="8" text-anchor="middle">n/a</text>`;
          return `<rect x="${x}" y="${y(v)}" width="14" height="${top + plotH - y(v)}" fill="${PALETTE[si % PALETTE.length]}"><title>${esc(s.name)} / ${esc(g)}: ${fmt(v)}</title></rect>`;
        })
        .join('');
      return `${rects}<text x="${left + gi * groupW + groupW / 2}" y="${top + plotH + 14}" font-size="11" text-anchor="middle">${esc(g)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}"><text x="${left}" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${grid}${bars}${legend(series.map((s) => s.name), left + groups.length * groupW + 16, top)}</svg>`;
}

export interface LineSeries {
  name: string;
  points: Array<[number, number]>;
}

/** Line plot with markers; `diagonal` draws y = x (reliability diagrams). */
export function linePlot(title: string, series: LineSeries[], options: { xLabel: string; yLabel: string; xMax?: number; yMax?: number; diagonal?: boolean }): string {
  const [width, height, left, top, plotW, plotH] = [460, 280, 46, 24, 260, 210];
  const allX = series.flatMap((s) => s.points.map((p) => p[0]));
  const allY = series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  const xMax = options.xMax ?? Math.max(1, ...allX);
  const yMax = options.yMax ?? Math.max(1e-6, ...allY) * 1.05;
  const X = (v: number) => left + (v / xMax) * plotW;
  const Y = (v: number) => top + plotH - (Math.min(yMax, Math.max(0, v)) / yMax) * plotH;
  const axes = `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>` +
    [0, 0.5, 1].map((t) => `<text x="${left - 4}" y="${Y(t * yMax) + 4}" font-size="10" text-anchor="end">${(t * yMax).toFixed(2)}</text><text x="${X(t * xMax)}" y="${top + plotH + 13}" font-size="10" text-anchor="middle">${(t * xMax).toFixed(xMax > 5 ? 0 : 1)}</text>`).join('') +
    `<text x="${left + plotW / 2}" y="${height - 12}" font-size="11" text-anchor="middle">${esc(options.xLabel)}</text>` +
    `<text x="12" y="${top + plotH / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${top + plotH / 2})">${esc(options.yLabel)}</text>`;
  const diagonal = options.diagonal ? `<line x1="${X(0)}" y1="${Y(0)}" x2="${X(Math.min(xMax, yMax))}" y2="${Y(Math.min(xMax, yMax))}" stroke="#bbb" stroke-dasharray="4 3"/>` : '';
  const lines = series
    .map((s, i) => {
      const pts = s.points.filter((p) => Number.isFinite(p[1]));
      const color = PALETTE[i % PALETTE.length];
      const path = pts.map((p, k) => `${k ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join('');
      const dots = pts.map((p) => `<circle cx="${X(p[0]).toFixed(1)}" cy="${Y(p[1]).toFixed(1)}" r="2.5" fill="${color}"><title>${esc(s.name)}: (${fmt(p[0])}, ${fmt(p[1])})</title></circle>`).join('');
      return `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.6"/>${dots}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}"><text x="${left}" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${axes}${diagonal}${lines}${legend(series.map((s) => s.name), left + plotW + 14, top)}</svg>`;
}
