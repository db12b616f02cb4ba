// The Gradient flow view: pick an experiment, move its sliders, and watch the norm of the gradient
// flowing back through time vanish or explode, with the theory drawn on top. The figures come from
// the engine in the worker (src/engine/experiments.ts); this panel reads the store and lays out
// the charts, which take props only.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { boundTex, jacobianTex, PRODUCT_TEX, VERDICT_KEY } from '../content/gradients';
import { compareFigures, type GradientResult, type IdentityCheck } from '../engine/experiments';
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
  const { t } = useTranslation();
  const params = useAppStore((s) => s.gradients.params);
  const result = useAppStore((s) => s.gradients.result);
  const computing = useAppStore((s) => s.gradients.computing);
  const error = useAppStore((s) => s.gradients.error);
  const ms = useAppStore((s) => s.gradients.ms);
  const reducedMotion = useAppStore(selectReducedMotion);

  useEffect(() => {
    requestGradients();
  }, [params]);

  return (
    <div className="gf">
      <p className="gf-intro">{t('gradients.intro')}</p>
      <section className="gf-setup" aria-labelledby="gf-setup-h">
        <h2 id="gf-setup-h">{t('gradients.setup.heading')}</h2>
        <PresetPicker preset={params.preset} />
        <p className="gf-description">{t(`gradients.presets.${params.preset}.description`)}</p>
        <ParamControls params={params} />
        <p className="gf-status" role="status" aria-live="polite">
          {error ? (
            <>
              {t('gradients.setup.failed')}
              <span lang="en">{error}</span>
            </>
          ) : computing && result === null ? (
            t('gradients.setup.computing')
          ) : ms !== null ? (
            t('gradients.setup.computed', { ms: ms.toFixed(0) })
          ) : (
            ''
          )}
        </p>
        <TrainItLink params={params} />
      </section>
      {result && <Results result={result} reducedMotion={reducedMotion} />}
      <RaceSection delay={trainItDelay(params)} />
    </div>
  );
}

const SERIES_BOUND_ID = 'bound';

/** A curve's name: the engine's symbols, or, for the curves named with words, the messages'. */
function seriesLabel(t: TFunction, s: GradientResult['series'][number], result: GradientResult) {
  if (s.id === 'full') return t('gradients.series.full');
  if (s.id === 'truncated') return t('gradients.series.truncated', { K: result.params.trunc });
  return s.label;
}

/** An identity's formula: the engine's, or, for those written with words, the messages'. */
function identityLabel(t: TFunction, check: IdentityCheck, result: GradientResult): string {
  if (check.words === 'zeroStates') return t('gradients.identities.zeroStates');
  if (check.words === 'cosine') return t('gradients.identities.cosine');
  if (check.words === 'powerNorm') return t('gradients.identities.powerNorm', { T: result.T });
  return check.label;
}

function chartSeries(t: TFunction, result: GradientResult): NormSeries[] {
  const list: NormSeries[] = result.series.map((s) => ({
    id: s.id,
    label: seriesLabel(t, s, result),
    values: s.values,
    style: s.style,
  }));
  if (result.bound && result.gamma !== null) {
    list.push({
      id: SERIES_BOUND_ID,
      label: t('gradients.flow.bound', {
        formula: `(γ·σ_max)^(T−k) = (${result.gamma === 1 ? '1' : '¼'}·${result.sigmaMaxWhh.toFixed(3)})^(T−k)`,
      }),
      values: result.bound,
      style: 'bound',
    });
  }
  return list;
}

function Results({ result, reducedMotion }: { result: GradientResult; reducedMotion: boolean }) {
  const { t } = useTranslation();
  const [replay, setReplay] = useState(0);
  const { T, params } = result;
  const series = chartSeries(t, result);
  const detailCell =
    params.preset === 'cells' || params.preset === 'carousel' ? params.cell : 'rnn';
  const nonlinearity = params.preset === 'nonnormal' ? 'linear' : params.nonlinearity;
  const rnnCell = detailCell === 'rnn';
  const gradientTable = {
    columns: [
      'k',
      'T − k',
      ...series.map((s) => s.label),
      ...result.series
        .filter((s) => s.expected)
        .map((s) => t('gradients.flow.exact', { label: seriesLabel(t, s, result) })),
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
        <h2 id="gf-flow-h">{t('gradients.flow.heading')}</h2>
        <GradientNormChart
          T={T}
          series={series}
          title={t('gradients.flow.chartTitle')}
          description={t('gradients.flow.chartDescription', {
            T,
            values: series
              .map((s) =>
                t('gradients.flow.atZero', { label: s.label, value: formatNorm(s.values[0]!) }),
              )
              .join(t('gradients.flow.join')),
          })}
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
          {t('gradients.flow.replay')}
        </button>
        <Identities result={result} />
        <ShowData
          name={t('gradients.flow.tableName')}
          caption={t('gradients.flow.tableCaption', { T })}
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
              ? t('gradients.spectrum.headingW')
              : t('gradients.spectrum.headingJ', { n: result.matrixSize })}
          </h2>
          <EigenPlot
            re={result.eigen.re}
            im={result.eigen.im}
            title={t('gradients.spectrum.plotTitle')}
            description={t('gradients.spectrum.plotDescription', {
              radius: formatSignificant(result.spectralRadius),
              max: formatSignificant(result.sigmaMax),
              min: formatSignificant(result.sigmaMin),
            })}
          />
          <dl className="gf-numbers">
            <dt>{t('gradients.spectrum.radius')}</dt>
            <dd data-testid="radius">{formatSignificant(result.spectralRadius)}</dd>
            <dt>σ_max</dt>
            <dd data-testid="sigma-max">{formatSignificant(result.sigmaMax)}</dd>
            <dt>σ_min</dt>
            <dd data-testid="sigma-min">{formatSignificant(result.sigmaMin)}</dd>
          </dl>
          <ShowData
            name={t('gradients.spectrum.tableName')}
            caption={t('gradients.spectrum.tableCaption')}
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
          <h2 id="gf-map-h">{t('gradients.map.heading')}</h2>
          <JacobianHeatmap
            rows={result.heatmap.rows}
            values={result.heatmap.values}
            T={T}
            label={t('gradients.map.label', { rows: result.heatmap.rows.length })}
          />
          <p className="gf-note">{t('gradients.map.note')}</p>
          <HeatmapTable result={result} />
        </section>
      </div>
      <section className="gf-theory" aria-labelledby="gf-theory-h">
        <h2 id="gf-theory-h">{t('gradients.theory.heading')}</h2>
        <div
          className="gf-scroll"
          tabIndex={0}
          role="group"
          aria-label={t('gradients.theory.jacobian')}
        >
          <Equation tex={jacobianTex(detailCell, nonlinearity)} display />
        </div>
        <div
          className="gf-scroll"
          tabIndex={0}
          role="group"
          aria-label={t('gradients.theory.product')}
        >
          <Equation tex={PRODUCT_TEX} display />
        </div>
        {rnnCell && result.gamma !== null && (
          <div
            className="gf-scroll"
            tabIndex={0}
            role="group"
            aria-label={t('gradients.theory.bound')}
          >
            <Equation tex={boundTex(result.gamma, result.sigmaMaxWhh, T)} display />
          </div>
        )}
        <p className="gf-note">{t('gradients.theory.note')}</p>
      </section>
    </>
  );
}

function Identities({ result }: { result: GradientResult }) {
  const { t } = useTranslation();
  if (result.identities.length === 0) return null;
  return (
    <ul className="gf-identities" aria-label={t('gradients.identities.label')}>
      {result.identities.map((id) => {
        const verdict = compareFigures(id.expected, id.measured);
        return (
          <li key={id.label} data-ok={verdict !== 'differ'}>
            <span>{identityLabel(t, id, result)}</span>
            {t('gradients.identities.line', {
              theory: formatNorm(id.expected),
              engine: formatNorm(id.measured),
              verdict: t(`gradients.identities.verdict.${VERDICT_KEY[verdict]}`),
            })}
          </li>
        );
      })}
    </ul>
  );
}

function HeatmapTable({ result }: { result: GradientResult }) {
  const { t } = useTranslation();
  const { T } = result;
  const every = Math.max(1, Math.ceil((T + 1) / 21));
  const ks: number[] = [];
  for (let k = 0; k <= T; k += every) ks.push(k);
  const { rows, values } = result.heatmap;
  return (
    <ShowData
      name={t('gradients.map.tableName')}
      caption={
        every > 1
          ? t('gradients.map.tableCaptionEvery', { every })
          : t('gradients.map.tableCaption')
      }
      columns={['t \\ k', ...ks.map(String)]}
      rows={Array.from(rows, (t, r) => [
        t,
        ...ks.map((k) => (k > t ? '' : formatNorm(values[r * (T + 1) + k]!))),
      ])}
    />
  );
}
