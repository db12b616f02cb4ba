// A line chart: React renders the SVG, d3 computes the scales, ticks and paths. Series share one
// x axis (linear or log) and one y axis; reference lines are drawn dashed and labelled at the
// right, nudged apart where lines are close; a series may carry a shaded band (a spread). Long
// series are thinned to about one point per pixel. Props only.
import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { spreadLabels } from './labelPlacement';
import { axisTicks } from './ticks';
import { useChartWidth } from './useChartWidth';
import './charts.css';

export interface Series {
  label: string;
  xs: readonly number[];
  ys: readonly number[];
  /** A CSS colour (a variable is fine). */
  color: string;
  width?: number;
  opacity?: number;
  /** Draw dots rather than a line (sparse series such as validation loss). */
  dots?: boolean;
  /** Draw the line dashed (an SVG stroke-dasharray, e.g. "5 3"). */
  dash?: string;
  /** A shaded band around the line, from `lo` to `hi` at the same xs (a spread, a cone). */
  band?: { readonly lo: readonly number[]; readonly hi: readonly number[] };
}

export interface Reference {
  label: string;
  y: number;
  color?: string;
}

/** A vertical line at x, labelled at its top (e.g. where validation starts). */
export interface XMark {
  x: number;
  label: string;
}

export interface LineChartProps {
  series: readonly Series[];
  references?: readonly Reference[];
  xMarks?: readonly XMark[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  /** The x axis counts steps: whole-number ticks only (default true). */
  wholeX?: boolean;
  height?: number;
  /** Fixed y domain; default: fitted to the data and references. */
  yDomain?: readonly [number, number];
  /** Accessible name of the graphic. */
  label: string;
}

const MARGIN = { top: 10, right: 92, bottom: 36, left: 52 };
/** The least distance between two reference labels, in pixels: their 11 px text and a gap. */
export const REF_LABEL_GAP = 13;

/** Keeps at most about `max` points (every k-th, and always the last). */
export function thin(
  xs: readonly number[],
  ys: readonly number[],
  max: number,
): [number, number][] {
  const n = xs.length;
  const k = Math.max(1, Math.ceil(n / max));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += k) out.push([xs[i]!, ys[i]!]);
  if (n > 0 && (n - 1) % k !== 0) out.push([xs[n - 1]!, ys[n - 1]!]);
  return out;
}

export function LineChart({
  series,
  references = [],
  xMarks = [],
  xLabel,
  yLabel,
  logX = false,
  logY = false,
  wholeX = true,
  height = 240,
  yDomain,
  label,
}: LineChartProps) {
  const [ref, measured] = useChartWidth<HTMLDivElement>(600);
  const width = Math.max(240, measured);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const pts = series.map((s) =>
    thin(s.xs, s.ys, innerW).filter(
      ([x, y]) => Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0),
    ),
  );
  const bands = series.map((s) =>
    s.band === undefined
      ? []
      : s.xs.flatMap((bx, i): [number, number, number][] => {
          const lo = s.band!.lo[i]!;
          const hi = s.band!.hi[i]!;
          return Number.isFinite(lo) && Number.isFinite(hi) ? [[bx, lo, hi]] : [];
        }),
  );
  const allX = pts.flatMap((p) => p.map(([x]) => x));
  const allY = [
    ...pts.flatMap((p) => p.map(([, y]) => y)),
    ...bands.flatMap((b) => b.flatMap(([, lo, hi]) => [lo, hi])),
    ...references.map((r) => r.y),
  ];
  const [x0, x1] = extent(allX);
  const [y0, y1] = yDomain ?? extent(allY);
  const xDomain: [number, number] = [x0 ?? (logX ? 1 : 0), Math.max(x1 ?? 1, (x0 ?? 0) + 1)];
  const x = (logX ? scaleLog() : scaleLinear()).domain(xDomain).range([0, innerW]);
  const yLo = y0 ?? 0;
  const yHi = y1 ?? 1;
  const pad = (yHi - yLo) * 0.05 || 0.5;
  const y = (logY ? scaleLog() : scaleLinear())
    // A log axis reaches down to the smallest value shown: a vanishing gradient is the point.
    .domain(logY ? [Math.max(1e-300, yLo * 0.8), yHi * 1.25] : [yLo - pad, yHi + pad])
    .range([innerH, 0]);
  if (!logX) x.nice();
  const path = line<[number, number]>()
    .x(([a]) => x(a))
    .y(([, b]) => y(b));
  const shade = area<[number, number, number]>()
    .x(([a]) => x(a))
    .y0(([, lo]) => y(lo))
    .y1(([, , hi]) => y(hi));
  const [dx0, dx1] = x.domain() as [number, number];
  const [dy0, dy1] = y.domain() as [number, number];
  const xTicks = axisTicks({
    domain: [dx0, dx1],
    log: logX,
    whole: wholeX,
    length: innerW,
    orient: 'x',
  });
  const yTicks = axisTicks({ domain: [dy0, dy1], log: logY, length: innerH, orient: 'y' });
  // Reference labels sit at their lines, nudged apart where lines are close (baselines often are).
  const refLabelY = spreadLabels(
    references.map((r) => y(r.y)),
    REF_LABEL_GAP,
    0,
    innerH,
  );
  return (
    <div ref={ref} className="line-chart">
      <svg
        className="chart"
        width={width}
        height={height}
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g data-axis="y">
            {yTicks.map((t) => (
              <g key={t.value} transform={`translate(0,${y(t.value)})`}>
                <line x2={innerW} className="chart__grid" />
                <text x={-6} dy="0.32em" textAnchor="end" className="chart__tick">
                  {t.label}
                </text>
              </g>
            ))}
          </g>
          <g data-axis="x">
            {xTicks.map((t) => (
              <g key={t.value} transform={`translate(${x(t.value)},${innerH})`}>
                <line y2={5} className="chart__axis" />
                <text y={18} textAnchor="middle" className="chart__tick">
                  {t.label}
                </text>
              </g>
            ))}
          </g>
          <line y1={innerH} y2={innerH} x2={innerW} className="chart__axis" />
          {references.map((r, k) => (
            <g key={r.label}>
              <line
                y1={y(r.y)}
                y2={y(r.y)}
                x2={innerW}
                className="chart__ref"
                style={{ stroke: r.color ?? 'var(--muted)' }}
              />
              <text x={innerW + 4} y={refLabelY[k]} dy="0.32em" className="chart__reflabel">
                {r.label}
              </text>
            </g>
          ))}
          {xMarks.map((m) => (
            <g key={m.label} transform={`translate(${x(m.x)},0)`} data-mark={m.label}>
              <line y2={innerH} className="chart__ref" style={{ stroke: 'var(--muted)' }} />
              <text x={4} y={10} className="chart__reflabel">
                {m.label}
              </text>
            </g>
          ))}
          {series.map((s, k) =>
            bands[k]!.length > 0 ? (
              <path
                key={`band:${s.label}`}
                d={shade(bands[k]!) ?? ''}
                className="chart__band"
                data-band={s.label}
                style={{ fill: s.color }}
              />
            ) : null,
          )}
          {series.map((s, k) =>
            s.dots ? (
              <g key={s.label} style={{ fill: s.color }}>
                {pts[k]!.map(([a, b]) => (
                  <circle key={a} cx={x(a)} cy={y(b)} r={3.5} />
                ))}
              </g>
            ) : (
              <path
                key={s.label}
                d={path(pts[k]!) ?? ''}
                fill="none"
                style={{
                  stroke: s.color,
                  strokeWidth: s.width ?? 1.5,
                  opacity: s.opacity ?? 1,
                  ...(s.dash !== undefined ? { strokeDasharray: s.dash } : {}),
                }}
              />
            ),
          )}
          <text x={innerW / 2} y={innerH + 32} textAnchor="middle" className="chart__label">
            {xLabel}
          </text>
          <text
            transform={`translate(-40,${innerH / 2}) rotate(-90)`}
            textAnchor="middle"
            className="chart__label"
          >
            {yLabel}
          </text>
        </g>
      </svg>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.label}>
            {s.dash !== undefined ? (
              <svg className="chart-legend__line" width="22" height="8" aria-hidden="true">
                <line
                  x1="1"
                  x2="21"
                  y1="4"
                  y2="4"
                  style={{ stroke: s.color, strokeWidth: 2, strokeDasharray: s.dash }}
                />
              </svg>
            ) : (
              <span className="chart-legend__swatch" style={{ background: s.color }} />
            )}
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
