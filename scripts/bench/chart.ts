import type { BenchResults } from './results.js';

/*
 * docs/bench.svg: ratioToBare per variant and the propagation percentiles, as plain SVG (two bar
 * panels need no charting library).
 */

const WIDTH = 760;
const LABEL_WIDTH = 170;
const BAR_LEFT = LABEL_WIDTH + 20;
/** Room on the right for the value captions. */
const BAR_SPAN = WIDTH - BAR_LEFT - 170;
const ROW = 26;
const BAR = 18;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escape(content)}</text>`;
}

interface Bar {
  label: string;
  value: number;
  caption: string;
  highlight: boolean;
}

interface Marker {
  value: number;
  label: string;
  dashed: boolean;
  /** Which side of the line the label goes (markers may be close together). */
  side: 'left' | 'right';
}

/** One horizontal bar panel from `from` to `to`; returns its SVG and height. */
function panel(
  top: number,
  title: string,
  bars: Bar[],
  scale: { from: number; to: number; ticks: number[]; format: (v: number) => string },
  markers: Marker[],
): { svg: string; height: number } {
  const x = (value: number): number =>
    Math.round(
      (BAR_LEFT +
        ((Math.max(value, scale.from) - scale.from) / (scale.to - scale.from)) * BAR_SPAN) *
        10,
    ) / 10;
  // Room under the title for the markers' labels.
  const barsTop = top + 44;
  const bottom = barsTop + bars.length * ROW;
  const parts = [text(20, top + 14, title, 'class="title"')];
  for (const tick of scale.ticks) {
    parts.push(
      `<line x1="${x(tick)}" y1="${barsTop - 4}" x2="${x(tick)}" y2="${bottom}" class="grid"/>`,
      text(x(tick), bottom + 14, scale.format(tick), 'class="tick" text-anchor="middle"'),
    );
  }
  bars.forEach((bar, i) => {
    const y = barsTop + i * ROW;
    parts.push(
      text(LABEL_WIDTH, y + BAR - 4, bar.label, 'class="label" text-anchor="end"'),
      `<rect x="${BAR_LEFT}" y="${y}" width="${(x(bar.value) - BAR_LEFT).toFixed(1)}" height="${BAR}" class="${bar.highlight ? 'ours' : 'bar'}"/>`,
      text(x(bar.value) + 6, y + BAR - 4, bar.caption, 'class="value"'),
    );
  });
  for (const marker of markers) {
    parts.push(
      `<line x1="${x(marker.value)}" y1="${barsTop - 9}" x2="${x(marker.value)}" y2="${bottom}" class="${marker.dashed ? 'target' : 'reference'}"/>`,
      marker.side === 'left'
        ? text(x(marker.value) - 3, barsTop - 12, marker.label, 'class="marker" text-anchor="end"')
        : text(x(marker.value) + 3, barsTop - 12, marker.label, 'class="marker"'),
    );
  }
  return { svg: parts.join('\n  '), height: bottom + 24 - top };
}

function ticks(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to + 1e-9; v += step)
    values.push(Number(v.toFixed(6)));
  return values;
}

export function renderChart(results: BenchResults): string {
  const ratios = results.variants.map((v) => v.ratioToBare);
  const from = Math.min(0.9, Math.floor((Math.min(...ratios) - 0.02) * 20) / 20);
  const to = Math.max(1.02, Math.max(...ratios) + 0.01);
  const throughput = panel(
    20,
    `Requests/s ÷ no lockout, GET /api/auth/me (median of ${results.settings.rounds} paired rounds; axis starts at ${from.toFixed(2)})`,
    results.variants.map((v) => ({
      label: v.name,
      value: v.ratioToBare,
      caption: `${v.ratioToBare.toFixed(3)} · ${v.queriesPerRequest.toFixed(2)} queries/req`,
      highlight: v.name === 'this-module',
    })),
    {
      from,
      to,
      ticks: ticks(from, to, to - from > 0.3 ? 0.1 : 0.05),
      format: (v) => v.toFixed(2),
    },
    [
      { value: 1, label: 'bare', dashed: false, side: 'right' },
      { value: 0.99, label: 'target 0.99', dashed: true, side: 'left' },
    ],
  );
  const { propagation, refusal } = results;
  const msTo = Math.max(25, propagation.maxMs * 1.15);
  const spread = panel(
    20 + throughput.height + 10,
    `Propagation between ${propagation.instances} instances on PostgreSQL (${propagation.samples} changes, PUT answered → header served)`,
    (['p50Ms', 'p99Ms', 'maxMs'] as const).map((key) => ({
      label: key.replace('Ms', ''),
      value: propagation[key],
      caption: `${propagation[key].toFixed(1)} ms`,
      highlight: key === 'p99Ms',
    })),
    { from: 0, to: msTo, ticks: ticks(0, msTo, msTo > 60 ? 20 : 5), format: (v) => `${v} ms` },
    [{ value: 20, label: 'target p99', dashed: true, side: 'right' }],
  );
  const footerTop = 20 + throughput.height + 10 + spread.height + 6;
  const height = footerTop + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">
  <style>
    .title { font-size: 13px; font-weight: 600; fill: #222; }
    .label, .value { font-size: 12px; fill: #222; }
    .tick, .marker, .note { font-size: 11px; fill: #555; }
    .bar { fill: #9aa7b8; }
    .ours { fill: #1f6feb; }
    .grid { stroke: #e4e4e4; }
    .reference { stroke: #444; stroke-width: 1.5; }
    .target { stroke: #d1242f; stroke-width: 1.5; stroke-dasharray: 4 3; }
  </style>
  <rect width="100%" height="100%" fill="#fff"/>
  ${throughput.svg}
  ${spread.svg}
  ${text(20, footerTop + 8, `Refusal during downtime: ${refusal.refusedPerSecond.toFixed(0)} refused/s against ${refusal.notFoundPerSecond.toFixed(0)} 404/s for the same user (ratio ${refusal.ratio.toFixed(3)})`, 'class="note"')}
  ${text(20, footerTop + 26, `npm run bench, ${results.date}: ${results.settings.rounds} rounds of ${results.settings.seconds} s, ${results.settings.connections} connections; module's own code ${(results.moduleCpuShare * 100).toFixed(2)} % of busy CPU`, 'class="note"')}
</svg>
`;
}
