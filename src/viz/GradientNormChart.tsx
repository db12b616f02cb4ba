// The gradient flowing back through time: norms over the unrolled sequence (k = 0…T) on a log
// axis, with the Pascanu bound, the 1e−6 and 1e6 thresholds and where the main curve crosses
// them. New data is revealed from the loss (right) backwards, instantly under reduced motion.
// The chart lays out in pixels at its wrapper's width (text keeps its size on a phone instead of
// shrinking with a scaled drawing). React renders the SVG; d3 only computes the scales and paths.
// Props only.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisTicks } from './ticks';
import { useChartWidth } from './useChartWidth';

export interface NormSeries {
  readonly id: string;
  readonly label: string;
  /** values[k], k = 0…T. */
  readonly values: Float64Array;
  readonly style: 'main' | 'cell' | 'gate' | 'loss' | 'reference' | 'truncated' | 'bound';
}

export interface GradientNormChartProps {
  T: number;
  series: readonly NormSeries[];
  title: string;
  description: string;
  reducedMotion: boolean;
  /** The reveal plays again whenever this changes. */
  flowKey: string;
}

/** The width before the wrapper is measured (and in jsdom). */
const FALLBACK_WIDTH = 640;
/** Narrower than this the chart scrolls sideways rather than cramping its ticks. */
const MIN_WIDTH = 280;
const M = { top: 14, right: 18, bottom: 42, left: 58 };

/** The chart's height for a width: half of it, within 240…320 px. */
export function chartHeight(width: number): number {
  return Math.round(Math.max(240, Math.min(320, width / 2)));
}
export const VANISH = 1e-6;
export const EXPLODE = 1e6;

/** First k, walking back from T, where the values leave [1e−6, 1e6] (null if never). */
export function thresholdCrossing(
  values: Float64Array,
): { k: number; kind: 'vanish' | 'explode' } | null {
  for (let k = values.length - 1; k >= 0; k--) {
    const v = values[k]!;
    if (v < VANISH) return { k, kind: 'vanish' };
    if (v > EXPLODE || v === Infinity) return { k, kind: 'explode' };
  }
  return null;
}

function useBackwardReveal(flowKey: string, reduced: boolean, ms = 700): number {
  const [progress, setProgress] = useState(1);
  useEffect(() => {
    if (reduced || typeof requestAnimationFrame !== 'function') return;
    let raf = 0;
    const start = performance.now();
    const tick = (now: number) => {
      // a frame's timestamp may precede `start` slightly
      const f = Math.min(1, Math.max(0, (now - start) / ms));
      setProgress(f);
      if (f < 1) raf = requestAnimationFrame(tick);
    };
    setProgress(0);
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [flowKey, reduced, ms]);
  return reduced ? 1 : progress;
}

export function GradientNormChart({
  T,
  series,
  title,
  description,
  reducedMotion,
  flowKey,
}: GradientNormChartProps) {
  const { t } = useTranslation();
  const uid = useId();
  const progress = useBackwardReveal(flowKey, reducedMotion);
  const [wrap, measured] = useChartWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const W = Math.max(MIN_WIDTH, measured);
  const H = chartHeight(W);
  const geometry = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) {
      for (const v of s.values) {
        if (v > 0 && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!Number.isFinite(lo)) [lo, hi] = [0.1, 10];
    let e0 = Math.max(-300, Math.floor(Math.log10(lo)));
    let e1 = Math.min(300, Math.ceil(Math.log10(hi)));
    if (e0 > 0) e0 = 0;
    if (e1 < 0) e1 = 0;
    if (e1 - e0 < 2) [e0, e1] = [e0 - 1, e1 + 1];
    const x = scaleLinear()
      .domain([0, Math.max(1, T)])
      .range([M.left, W - M.right]);
    const y = scaleLog()
      .domain([10 ** e0, 10 ** e1])
      .range([H - M.bottom, M.top])
      .clamp(true);
    const yTicks = axisTicks({
      domain: [10 ** e0, 10 ** e1],
      log: true,
      length: H - M.top - M.bottom,
      orient: 'y',
    });
    const xTicks = axisTicks({
      domain: [0, Math.max(1, T)],
      whole: true,
      length: W - M.left - M.right,
      orient: 'x',
    });
    const path = line<number>()
      .defined((v) => v > 0 && Number.isFinite(v))
      .x((_, k) => x(k))
      .y((v) => y(v));
    const paths = series.map((s) => ({ ...s, d: path(Array.from(s.values)) ?? '' }));
    const zeros = series
      .filter((s) => s.style !== 'bound')
      .flatMap((s) => Array.from(s.values).flatMap((v, k) => (v === 0 ? [{ id: s.id, k }] : [])));
    return { x, y, e0, e1, yTicks, xTicks, paths, zeros };
  }, [series, T, W, H]);
  const { x, y, e0, e1, yTicks, xTicks, paths, zeros } = geometry;
  const main = series.find((s) => s.style === 'main' || s.style === 'loss');
  const crossing = main ? thresholdCrossing(main.values) : null;
  const left = M.left;
  const right = W - M.right;
  /** The crossing's label sits on the right half (anchored at its end) when the crossing does. */
  const labelsRight = crossing !== null && x(crossing.k) > (left + right) / 2;
  const revealX = right - progress * (right - left);
  const clipId = `${uid}-clip`;
  return (
    <div ref={wrap} className="gf-chart-wrap">
      <svg
        className="gf-chart"
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
        data-testid="norm-chart"
      >
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{description}</desc>
        <defs>
          <clipPath id={clipId}>
            <rect
              x={revealX - 2}
              y={0}
              width={Math.max(0, right - revealX + M.right + 2)}
              height={H}
            />
          </clipPath>
        </defs>
        <g className="gf-axis" aria-hidden="true">
          {yTicks.map((t) => (
            <g key={t.value} transform={`translate(0 ${y(t.value)})`}>
              <line x1={left} x2={right} className="gf-grid" />
              <text x={left - 6} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={t.value} transform={`translate(${x(t.value)} 0)`}>
              <line y1={H - M.bottom} y2={H - M.bottom + 5} />
              <text y={H - M.bottom + 17} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          <line x1={left} x2={right} y1={H - M.bottom} y2={H - M.bottom} />
          <text x={(left + right) / 2} y={H - 6} textAnchor="middle" className="gf-axis-label">
            {t(W >= 480 ? 'viz.norms.axisWide' : 'viz.norms.axisNarrow')}
          </text>
        </g>
        {[VANISH, EXPLODE].map((v) =>
          Math.log10(v) > e0 && Math.log10(v) < e1 ? (
            <g key={v} className="gf-threshold" aria-hidden="true">
              <line x1={left} x2={right} y1={y(v)} y2={y(v)} />
              {/* On the side away from the crossing's label, so the two never overlap. */}
              <text
                x={labelsRight ? left + 4 : right - 4}
                y={y(v) - 4}
                textAnchor={labelsRight ? 'start' : 'end'}
              >
                {t(v < 1 ? 'viz.norms.vanished' : 'viz.norms.exploded')}
              </text>
            </g>
          ) : null,
        )}
        <g clipPath={`url(#${clipId})`}>
          {paths.map((s) => (
            <path
              key={s.id}
              d={s.d}
              className={`gf-line gf-line--${s.style} gf-line--${s.id}`}
              data-series={s.id}
            />
          ))}
          {zeros.map(({ id, k }) => (
            <path
              key={`${id}-${k}`}
              className="gf-zero"
              d={`M${x(k)},${H - M.bottom - 1}l-3,-6h6z`}
              aria-hidden="true"
            />
          ))}
        </g>
        {main && crossing && (
          <g className={`gf-crossing gf-crossing--${crossing.kind}`} aria-hidden="true">
            <line x1={x(crossing.k)} x2={x(crossing.k)} y1={M.top} y2={H - M.bottom} />
            {/* Named, since the chart may hold several curves; on the line's inner side. */}
            <text
              x={labelsRight ? x(crossing.k) - 4 : x(crossing.k) + 4}
              y={M.top + 12}
              textAnchor={labelsRight ? 'end' : 'start'}
            >
              {t(crossing.kind === 'vanish' ? 'viz.norms.below' : 'viz.norms.above', {
                label: main.label,
                k: String(crossing.k),
              })}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
