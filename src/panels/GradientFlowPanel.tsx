// The Gradient flow view: pick an experiment, move its sliders, and watch the norm of the gradient
// flowing back through time vanish or explode, with the theory drawn on top. The figures come from
// the engine in the worker (src/engine/experiments.ts); this panel reads the store and lays out
// the charts, which take props only.
import { useEffect, useState } from 'react';
import {
  boundTex,
  DERIVATIVE_NOTE,
  HEATMAP_NOTE,
  IDENTITY_VERDICT,
  jacobianTex,
  PRESET_TEXT,
  PRODUCT_TEX,
} from '../content/gradients';
import { compareFigures, type GradientResult } from '../engine/experiments';
import { selectReducedMotion } from '../store/selectors';
import { useAppStore } from '../store/store';
import { requestGradients } from '../store/gradientsActions';
import { Equation } from '../viz/Equation';
import { EigenPlot } from '../viz/EigenPlot';
import { formatNorm, formatSignificant } from '../content/format';
import { GradientNormChart, type NormSeries } from '../viz/GradientNormChart';
import { ShowData } from '../viz/ShowData';
import { JacobianHeatmap } from '../viz/JacobianHeatmap';
import { ParamControls, PresetPicker } from './gradients/Controls';
import { ClipSection, TruncationSection } from './gradients/Sections';
import { TrainItLink } from './gradients/TrainItLink';
import { RaceSection } from './gradients/RaceSection';
import { trainItDelay } from './gradients/trainIt';
import '../styles/gradients.css';

export function GradientFlowPanel() {
  const params = useAppStore((s) => s.gradients.params);
  const result = useAppStore((s) => s.gradients.result);
  const computing = useAppStore((s) => s.gradients.computing);
  const error = useAppStore((s) => s.gradients.error);
  const ms = useAppStore((s) => s.gradients.ms);
  const reducedMotion = useAppStore(selectReducedMotion);

  useEffect(() => {
    requestGradients();
  }, [params]);

  const text = PRESET_TEXT[params.preset];
  return (
    <div className="gf">
      <p className="gf-intro">
        Move a slider to make gradients vanish or explode as they flow back through time. Every
        curve is a real product of the network’s Jacobians, computed by the engine; the theory is
        drawn on top, and the cure is one click away.
      </p>
      <section className="gf-setup" aria-labelledby="gf-setup-h">
        <h2 id="gf-setup-h">Experiment</h2>
        <PresetPicker preset={params.preset} />
        <p className="gf-description">{text.description}</p>
        <ParamControls params={params} />
        <p className="gf-status" role="status" aria-live="polite">
          {error
            ? `The engine could not compute this: ${error}`
            : computing && result === null
              ? 'Computing…'
              : ms !== null
                ? `Computed in the engine in ${ms.toFixed(0)} ms.`
                : ''}
        </p>
        <TrainItLink params={params} />
      </section>
      {result && <Results result={result} reducedMotion={reducedMotion} />}
      <RaceSection delay={trainItDelay(params)} />
    </div>
  );
}

const SERIES_BOUND_ID = 'bound';

function chartSeries(result: GradientResult): NormSeries[] {
  const list: NormSeries[] = result.series.map((s) => ({
    id: s.id,
    label: s.label,
    values: s.values,
    style: s.style,
  }));
  if (result.bound && result.gamma !== null) {
    list.push({
      id: SERIES_BOUND_ID,
      label: `bound (γ·σ_max)^(T−k) = (${result.gamma === 1 ? '1' : '¼'}·${result.sigmaMaxWhh.toFixed(3)})^(T−k)`,
      values: result.bound,
      style: 'bound',
    });
  }
  return list;
}

function Results({ result, reducedMotion }: { result: GradientResult; reducedMotion: boolean }) {
  const [replay, setReplay] = useState(0);
  const { T, params } = result;
  const series = chartSeries(result);
  const detailCell =
    params.preset === 'cells' || params.preset === 'carousel' ? params.cell : 'rnn';
  const nonlinearity = params.preset === 'nonnormal' ? 'linear' : params.nonlinearity;
  const rnnCell = detailCell === 'rnn';
  const gradientTable = {
    columns: [
      'k',
      'T − k',
      ...series.map((s) => s.label),
      ...result.series.filter((s) => s.expected).map((s) => `exact: ${s.label}`),
    ],
    rows: Array.from({ length: T + 1 }, (_, i) => {
      const k = T - i; // from the loss backwards
      return [
        k,
        T - k,
        ...series.map((s) => formatNorm(s.values[k]!)),
        ...result.series.flatMap((s) => (s.expected ? [formatNorm(s.expected[k]!)] : [])),
      ];
    }),
  };
  return (
    <>
      <section className="gf-flow" aria-labelledby="gf-flow-h">
        <h2 id="gf-flow-h">The gradient flowing back</h2>
        <GradientNormChart
          T={T}
          series={series}
          title="Gradient norm over the unrolled sequence (log scale)"
          description={`From the loss at step ${T} back to the initial state. ${series
            .map((s) => `${s.label}: ${formatNorm(s.values[0]!)} at k = 0`)
            .join('; ')}.`}
          reducedMotion={reducedMotion}
          flowKey={`${params.preset}:${T}:${replay}`}
        />
        <ul className="gf-legend">
          {series.map((s) => (
            <li key={s.id}>
              <svg width="28" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  x2="27"
                  y1="5"
                  y2="5"
                  className={`gf-line gf-line--${s.style} gf-line--${s.id}`}
                />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
        <button type="button" className="gf-replay" onClick={() => setReplay(replay + 1)}>
          Replay the backward flow
        </button>
        <Identities result={result} />
        <ShowData
          name="gradient norms"
          caption={`Norms of the gradient flowing back from step ${T} (4 significant digits)`}
          columns={gradientTable.columns}
          rows={gradientTable.rows}
        />
      </section>
      {result.clip && <ClipSection clip={result.clip} />}
      {result.truncation && <TruncationSection truncation={result.truncation} T={T} />}
      <div className="gf-pair">
        <section className="gf-spectrum" aria-labelledby="gf-spectrum-h">
          <h2 id="gf-spectrum-h">
            {result.matrixLabel === 'W_hh'
              ? 'Eigenvalues of W_hh'
              : `Eigenvalues of the last step’s Jacobian (${result.matrixSize}×${result.matrixSize})`}
          </h2>
          <EigenPlot
            re={result.eigen.re}
            im={result.eigen.im}
            title="Eigenvalues in the complex plane, with the unit circle"
            description={`Spectral radius ${formatSignificant(result.spectralRadius)}; largest singular value ${formatSignificant(result.sigmaMax)}, smallest ${formatSignificant(result.sigmaMin)}.`}
          />
          <dl className="gf-numbers">
            <dt>spectral radius ρ</dt>
            <dd data-testid="radius">{formatSignificant(result.spectralRadius)}</dd>
            <dt>σ_max</dt>
            <dd data-testid="sigma-max">{formatSignificant(result.sigmaMax)}</dd>
            <dt>σ_min</dt>
            <dd data-testid="sigma-min">{formatSignificant(result.sigmaMin)}</dd>
          </dl>
          <ShowData
            name="eigenvalues"
            caption="Eigenvalues (real part, imaginary part, modulus)"
            columns={['#', 'Re λ', 'Im λ', '|λ|']}
            rows={Array.from(result.eigen.re, (re, i) => {
              const im = result.eigen.im[i]!;
              return [
                i + 1,
                formatSignificant(re),
                formatSignificant(im),
                formatSignificant(Math.hypot(re, im)),
              ];
            })}
          />
        </section>
        <section className="gf-map" aria-labelledby="gf-map-h">
          <h2 id="gf-map-h">‖∂h_t/∂h_k‖ for every pair</h2>
          <JacobianHeatmap
            rows={result.heatmap.rows}
            values={result.heatmap.values}
            T={T}
            label={`Heatmap of the gradient norm from each loss step t (rows) to each state k (columns), log colour scale, ${result.heatmap.rows.length} rows.`}
          />
          <p className="gf-note">{HEATMAP_NOTE}</p>
          <HeatmapTable result={result} />
        </section>
      </div>
      <section className="gf-theory" aria-labelledby="gf-theory-h">
        <h2 id="gf-theory-h">Why</h2>
        <div className="gf-scroll" tabIndex={0} role="group" aria-label="One-step Jacobian">
          <Equation tex={jacobianTex(detailCell, nonlinearity)} display />
        </div>
        <div className="gf-scroll" tabIndex={0} role="group" aria-label="The product over time">
          <Equation tex={PRODUCT_TEX} display />
        </div>
        {rnnCell && result.gamma !== null && (
          <div className="gf-scroll" tabIndex={0} role="group" aria-label="The bound, with numbers">
            <Equation tex={boundTex(result.gamma, result.sigmaMaxWhh, T)} display />
          </div>
        )}
        <p className="gf-note">{DERIVATIVE_NOTE}</p>
      </section>
    </>
  );
}

function Identities({ result }: { result: GradientResult }) {
  if (result.identities.length === 0) return null;
  return (
    <ul className="gf-identities" aria-label="Exact identities">
      {result.identities.map((id) => {
        const verdict = compareFigures(id.expected, id.measured);
        return (
          <li key={id.label} data-ok={verdict !== 'differ'}>
            <span>{id.label}</span>: theory {formatNorm(id.expected)}, engine{' '}
            {formatNorm(id.measured)} {IDENTITY_VERDICT[verdict]}
          </li>
        );
      })}
    </ul>
  );
}

function HeatmapTable({ result }: { result: GradientResult }) {
  const { T } = result;
  const every = Math.max(1, Math.ceil((T + 1) / 21));
  const ks: number[] = [];
  for (let k = 0; k <= T; k += every) ks.push(k);
  const { rows, values } = result.heatmap;
  return (
    <ShowData
      name="Jacobian map"
      caption={`‖u_tᵀ ∂h_t/∂h_k‖ by loss step t (rows) and state k (columns${every > 1 ? `, every ${every}th k` : ''})`}
      columns={['t \\ k', ...ks.map(String)]}
      rows={Array.from(rows, (t, r) => [
        t,
        ...ks.map((k) => (k > t ? '' : formatNorm(values[r * (T + 1) + k]!))),
      ])}
    />
  );
}
