// Eigenvalues of a recurrent matrix in the complex plane, with the unit circle and a legend for
// its dots. Props only.
import { scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface EigenPlotProps {
  re: Float64Array;
  im: Float64Array;
  title: string;
  description: string;
}

const S = 300;
const PAD = 24;

export function EigenPlot({ re, im, title, description }: EigenPlotProps) {
  const { t } = useTranslation();
  const uid = useId();
  let r = 1.2;
  for (let i = 0; i < re.length; i++) {
    const m = Math.hypot(re[i]!, im[i]!);
    if (Number.isFinite(m)) r = Math.max(r, m * 1.1);
  }
  const x = scaleLinear()
    .domain([-r, r])
    .range([PAD, S - PAD]);
  const y = scaleLinear()
    .domain([-r, r])
    .range([S - PAD, PAD]);
  const unit = x(1) - x(0);
  return (
    <div className="gf-eigen-wrap">
      <svg
        className="gf-eigen"
        viewBox={`0 0 ${S} ${S}`}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
      >
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{description}</desc>
        <g className="gf-axis" aria-hidden="true">
          <line x1={PAD} x2={S - PAD} y1={y(0)} y2={y(0)} />
          <line x1={x(0)} x2={x(0)} y1={PAD} y2={S - PAD} />
          <text x={S - PAD} y={y(0) - 6} textAnchor="end">
            Re
          </text>
          <text x={x(0) + 6} y={PAD + 10}>
            Im
          </text>
          <text x={x(1) + 3} y={y(0) + 14}>
            1
          </text>
        </g>
        <circle className="gf-unit" cx={x(0)} cy={y(0)} r={unit} aria-hidden="true" />
        <g className="gf-eigen__points" aria-hidden="true">
          {Array.from(re, (v, i) => (
            <circle
              key={i}
              cx={x(v)}
              cy={y(im[i]!)}
              r={3.5}
              className={Math.hypot(v, im[i]!) > 1 ? 'gf-eig gf-eig--out' : 'gf-eig'}
            />
          ))}
        </g>
      </svg>
      <ul className="gf-legend">
        <li>
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <circle cx="6" cy="6" r="3.5" className="gf-eig" />
          </svg>
          {t('viz.eigen.inside')}
        </li>
        <li>
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <circle cx="6" cy="6" r="3.5" className="gf-eig gf-eig--out" />
          </svg>
          {t('viz.eigen.outside')}
        </li>
        <li>
          <svg width="28" height="10" aria-hidden="true" focusable="false">
            <line x1="1" x2="27" y1="5" y2="5" className="gf-unit" />
          </svg>
          {t('viz.eigen.circle')}
        </li>
      </ul>
    </div>
  );
}
