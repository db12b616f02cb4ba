// Clipping, element by element: each dot is one entry of dL/dW_hh, before (x) against after (y).
// Norm clipping keeps every dot on one line through the origin (the direction is kept); value
// clipping flattens the large ones at ±θ (the direction turns). Props only.
import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../content/format';

export interface ClipScatterProps {
  before: Float64Array;
  after: Float64Array;
  title: string;
  description: string;
}

const S = 300;
const PAD = 36;

const maxAbs = (a: Float64Array) =>
  a.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0) || 1;

export function ClipScatter({ before, after, title, description }: ClipScatterProps) {
  const { t } = useTranslation();
  const uid = useId();
  const mb = maxAbs(before);
  const ma = maxAbs(after);
  const x = scaleLinear()
    .domain([-mb, mb])
    .range([PAD, S - PAD / 2]);
  const y = scaleLinear()
    .domain([-ma, ma])
    .range([S - PAD, PAD / 2]);
  return (
    <svg
      className="gf-scatter"
      viewBox={`0 0 ${S} ${S}`}
      role="img"
      aria-labelledby={`${uid}-t ${uid}-d`}
    >
      <title id={`${uid}-t`}>{title}</title>
      <desc id={`${uid}-d`}>{description}</desc>
      <g className="gf-axis" aria-hidden="true">
        <line x1={PAD} x2={S - PAD / 2} y1={y(0)} y2={y(0)} />
        <line x1={x(0)} x2={x(0)} y1={PAD / 2} y2={S - PAD} />
        <text x={S - PAD / 2} y={S - 8} textAnchor="end">
          {t('viz.scatter.before', { max: formatSignificant(mb, 3) })}
        </text>
        <text x={4} y={PAD / 2 - 4}>
          {t('viz.scatter.after', { max: formatSignificant(ma, 3) })}
        </text>
      </g>
      <g className="gf-scatter__points" aria-hidden="true">
        {Array.from(before, (b, i) => (
          <circle key={i} cx={x(b)} cy={y(after[i]!)} r={2} />
        ))}
      </g>
    </svg>
  );
}
