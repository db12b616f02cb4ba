// ‖∂h_t/∂h_k‖ over (t, k) on a canvas: one pixel per (sampled row t, state k), coloured by
// log10 of the norm (viridis); exact zeros grey, cells above the diagonal empty. Props only.
import { interpolateViridis } from 'd3-scale-chromatic';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecade } from '../content/format';

export interface JacobianHeatmapProps {
  /** Row t values (1…T). */
  rows: Int32Array;
  /** rows × (T + 1) values, NaN where k > t. */
  values: Float64Array;
  T: number;
  label: string;
}

/** The log10 range of the positive finite values, at least one decade wide. */
export function logRange(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      const l = Math.log10(v);
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
    }
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  lo = Math.floor(lo);
  hi = Math.ceil(hi);
  return hi - lo < 1 ? [lo - 1, hi + 1] : [lo, hi];
}

const ZERO = '#8a8f99';

export function JacobianHeatmap({ rows, values, T, label }: JacobianHeatmapProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [lo, hi] = logRange(values);
  const width = T + 1;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, rows.length);
    const rgb = (css: string): [number, number, number] => {
      const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(css);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
      const h = /#(..)(..)(..)/.exec(css);
      return h ? [parseInt(h[1]!, 16), parseInt(h[2]!, 16), parseInt(h[3]!, 16)] : [0, 0, 0];
    };
    for (let r = 0; r < rows.length; r++) {
      for (let k = 0; k < width; k++) {
        const v = values[r * width + k]!;
        const o = 4 * (r * width + k);
        if (Number.isNaN(v)) continue; // transparent above the diagonal
        const [cr, cg, cb] =
          v === 0
            ? rgb(ZERO)
            : rgb(interpolateViridis(Math.min(1, Math.max(0, (Math.log10(v) - lo) / (hi - lo)))));
        image.data[o] = cr;
        image.data[o + 1] = cg;
        image.data[o + 2] = cb;
        image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [rows, values, width, lo, hi]);
  const stops = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `${interpolateViridis(f)} ${f * 100}%`)
    .join(', ');
  return (
    <figure className="gf-heatmap">
      <div className="gf-heatmap__frame">
        <span className="gf-heatmap__ylabel" aria-hidden="true">
          {t('viz.jacobian.rows')}
        </span>
        <canvas ref={canvas} width={width} height={rows.length} role="img" aria-label={label} />
      </div>
      <figcaption className="gf-heatmap__legend">
        <span aria-hidden="true">{t('viz.jacobian.cols')}</span>
        <span className="gf-heatmap__scale">
          <span>{formatDecade(lo)}</span>
          <span
            className="gf-heatmap__ramp"
            style={{ background: `linear-gradient(to right, ${stops})` }}
            aria-hidden="true"
          />
          <span>{formatDecade(hi)}</span>
          <span className="gf-heatmap__zero" aria-hidden="true" style={{ background: ZERO }} />
          <span>{t('viz.jacobian.zero')}</span>
        </span>
      </figcaption>
    </figure>
  );
}
