/**
 * Small SVG charts rendered on the server (no script, no library): grouped vertical bars, horizontal bars
 * and a heat grid. Every label goes through `html`, so data cannot inject markup; each chart carries a
 * <title> and a <desc> listing its numbers for screen readers.
 */
import { html, type SafeHtml } from '../html.ts';

const COLORS = ['#0b5cad', '#2f855a', '#b7791f', '#9f1239', '#5b21b6'];

export interface Bar {
  readonly label: string;
  readonly values: readonly number[];
}

function frame(id: string, title: string, width: number, height: number, desc: string, body: SafeHtml): SafeHtml {
  return html`<svg
    role="img"
    aria-labelledby="${id}-t ${id}-d"
    viewBox="0 0 ${width} ${height}"
    width="100%"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="${id}-t">${title}</title>
    <desc id="${id}-d">${desc}</desc>
    ${body}
  </svg>`;
}

function label(x: number, y: number, text: string): SafeHtml {
  return html`<text x="${x.toFixed(1)}" y="${y}" text-anchor="middle">${text}</text>`;
}

/** Vertical bars, one group per label, one bar per series. */
export function groupedBars(id: string, title: string, series: readonly string[], bars: readonly Bar[]): SafeHtml {
  const width = 480;
  const height = 220;
  const top = 24;
  const bottom = 30;
  const left = 34;
  const max = Math.max(1, ...bars.flatMap((b) => b.values));
  const slot = (width - left - 8) / Math.max(1, bars.length);
  const barWidth = Math.max(2, (slot - 6) / Math.max(1, series.length));
  const scale = (v: number) => ((height - top - bottom) * v) / max;
  // Labels need about 34 px each: show every n-th when the bars are narrower.
  const labelEvery = Math.max(1, Math.ceil(34 / slot));
  const rects = bars.map((bar, i) => {
    const x0 = left + i * slot + 3;
    return html`${bar.values.map((v, s) => {
      const h = scale(v);
      return html`<rect
        x="${(x0 + s * barWidth).toFixed(1)}"
        y="${(height - bottom - h).toFixed(1)}"
        width="${barWidth.toFixed(1)}"
        height="${h.toFixed(1)}"
        fill="${COLORS[s % COLORS.length]!}"
        ><title>${bar.label} ${series[s] ?? ''}: ${v}</title></rect
      >`;
    })}${i % labelEvery === 0 ? label(x0 + slot / 2 - 3, height - bottom + 14, bar.label) : ''}`;
  });
  const legend = series.map(
    (name, s) =>
      html`<rect x="${left + s * 110}" y="4" width="10" height="10" fill="${COLORS[s % COLORS.length]!}"></rect
        ><text x="${left + s * 110 + 14}" y="13">${name}</text>`,
  );
  const axis = html`<line
      x1="${left}"
      y1="${height - bottom}"
      x2="${width}"
      y2="${height - bottom}"
      stroke="#57606a"
    ></line
    ><text x="${left - 4}" y="${top + 8}" text-anchor="end">${max}</text
    ><text x="${left - 4}" y="${height - bottom}" text-anchor="end">0</text>`;
  const desc = bars
    .map((b) => `${b.label}: ${b.values.map((v, s) => `${series[s] ?? ''} ${v}`).join(', ')}`)
    .join('; ');
  return frame(id, title, width, height, desc || 'no data', html`${legend}${axis}${rects}`);
}

/** Horizontal bars, largest first as given. */
export function horizontalBars(id: string, title: string, bars: readonly Bar[]): SafeHtml {
  const width = 480;
  const row = 20;
  const left = 150;
  const height = Math.max(40, bars.length * row + 10);
  const max = Math.max(1, ...bars.map((b) => b.values[0] ?? 0));
  const rows = bars.map((bar, i) => {
    const v = bar.values[0] ?? 0;
    const w = ((width - left - 40) * v) / max;
    const y = 5 + i * row;
    return html`<text x="${left - 6}" y="${y + 13}" text-anchor="end">${bar.label}</text
      ><rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}" fill="${COLORS[0]!}"></rect
      ><text x="${(left + w + 4).toFixed(1)}" y="${y + 13}">${v}</text>`;
  });
  const desc = bars.map((b) => `${b.label}: ${b.values[0] ?? 0}`).join('; ');
  return frame(id, title, width, height, desc || 'no data', html`${rows}`);
}

/** A grid of cells shaded by value: rows × columns. */
export function heatGrid(
  id: string,
  title: string,
  rows: readonly string[],
  columns: readonly string[],
  value: (row: string, column: string) => number,
): SafeHtml {
  const left = 170;
  const cell = Math.max(14, Math.min(40, (480 - left) / Math.max(1, columns.length)));
  const width = left + cell * columns.length + 4;
  const height = 24 + rows.length * 18;
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => value(r, c))));
  const head = columns.map(
    (c, j) =>
      html`<text x="${(left + j * cell + cell / 2).toFixed(1)}" y="14" text-anchor="middle">${c.slice(-2)}</text>`,
  );
  const body = rows.map(
    (r, i) =>
      html`<text x="${left - 6}" y="${34 + i * 18}" text-anchor="end">${r}</text>${columns.map((c, j) => {
          const v = value(r, c);
          return html`<rect
            x="${(left + j * cell).toFixed(1)}"
            y="${22 + i * 18}"
            width="${(cell - 2).toFixed(1)}"
            height="16"
            fill="#0b5cad"
            fill-opacity="${v === 0 ? '0.05' : (0.15 + (0.85 * v) / max).toFixed(2)}"
            ><title>${r} ${c}: ${v}</title></rect
          >`;
        })}`,
  );
  const desc = rows.map((r) => `${r}: ${columns.map((c) => `${c} ${value(r, c)}`).join(', ')}`).join('; ');
  return frame(id, title, width, height, desc || 'no data', html`${head}${body}`);
}
