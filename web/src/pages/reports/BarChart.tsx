// A horizontal bar chart in plain SVG, one bar per row. A suppressed count
// ("<11") has no value to draw: it is shown as a pale bar with a dashed
// outline up to the threshold (the count lies somewhere below it) and its
// mark as the label.
// The table beside each chart carries the same figures for screen readers.
import type { Cell } from '../../reportsApi';

export interface Bar {
  key: string;
  label: string;
  value: Cell;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const ROW = 26;
const BAR = 18;
const VALUE_SPACE = 56;

function shorten(s: string, max = 34): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function BarChart({ title, bars, threshold, format }: { title: string; bars: Bar[]; threshold: number; format: (n: number) => string }) {
  const numbers = bars.map((b) => (typeof b.value === 'number' ? b.value : threshold - 1));
  const max = Math.max(1, ...numbers);
  const span = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const height = Math.max(1, bars.length) * ROW + 4;
  return (
    <figure class="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const hidden = typeof b.value !== 'number';
          const w = Math.max(hidden ? 2 : b.value === 0 ? 0 : 2, (numbers[i]! / max) * span);
          return (
            <g key={b.key} class={hidden ? 'bar bar--suppressed' : 'bar'}>
              <title>{`${b.label}: ${hidden ? String(b.value) : format(b.value as number)}`}</title>
              <text x={LABEL_WIDTH - 8} y={y + BAR / 2} text-anchor="end" dominant-baseline="central" class="bar-label">
                {shorten(b.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={w} height={BAR} class="bar-rect" />
              <text x={LABEL_WIDTH + w + 6} y={y + BAR / 2} dominant-baseline="central" class="bar-value">
                {hidden ? String(b.value) : format(b.value as number)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
