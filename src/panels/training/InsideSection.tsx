// Inside the network: neurons over a validation passage (with units ranked by text features),
// and the weight matrices by gate, refreshed a few times a second while this is open.
import { CELL_INFO } from '../../engine/cell';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../store/messages';
import { selectTheme } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { refreshNeurons, refreshWeights } from '../../store/trainingActions';
import { ChartFrame } from '../../viz/ChartFrame';
import { NeuronText } from '../../viz/NeuronText';
import { ShowData } from '../../viz/ShowData';
import { WeightsHeatmap } from '../../viz/WeightsHeatmap';

/** What a unit ranked by a text feature follows (a feature the messages do not know: its key). */
function featureKey(feature: string): MessageKey {
  return `training.neurons.features.${feature}` as MessageKey;
}

export function NeuronsSection() {
  const { t } = useTranslation();
  const neurons = useAppStore((s) => s.training.neurons);
  const layers = useAppStore((s) => s.training.model?.numLayers ?? 1);
  const hasC = useAppStore((s) => {
    const cell = s.training.model?.cell;
    return cell !== undefined && CELL_INFO[cell].hasCellState;
  });
  const phase = useAppStore((s) => s.training.phase);
  const theme = useAppStore(selectTheme);
  const [layer, setLayer] = useState(0);
  const [kind, setKind] = useState<'h' | 'c'>('h');
  const [unit, setUnit] = useState(0);
  useEffect(() => {
    if (phase === 'ready' || phase === 'running') void refreshNeurons(layer);
    if (phase !== 'running') return;
    const timer = setInterval(() => void refreshNeurons(layer), 5000);
    return () => clearInterval(timer);
  }, [phase, layer]);
  const H = neurons?.hiddenSize ?? 0;
  const values = kind === 'c' && neurons?.c ? neurons.c : neurons?.h;
  const rank = (kind === 'c' ? neurons?.rankC : neurons?.rankH) ?? [];
  const shown = Math.min(unit, H - 1);
  return (
    <section className="train-section" aria-labelledby="neurons-heading">
      <h2 id="neurons-heading">{t('training.neurons.heading')}</h2>
      <p className="lesson">{t('training.neurons.lesson')}</p>
      <div className="inline-fields">
        <label>
          {t('training.neurons.layer')}{' '}
          <select value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
            {Array.from({ length: layers }, (_, l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {hasC && (
          <label>
            {t('training.neurons.state')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as 'h' | 'c')}>
              <option value="h">{t('training.neurons.hidden')}</option>
              <option value="c">{t('training.neurons.cell')}</option>
            </select>
          </label>
        )}
        <label>
          {t('training.neurons.unit')}{' '}
          <input
            type="number"
            min={0}
            max={Math.max(0, H - 1)}
            value={unit}
            onChange={(e) => setUnit(Math.max(0, Math.min(H - 1, Number(e.target.value) || 0)))}
          />
        </label>
      </div>
      {neurons && values ? (
        <div className="neurons">
          <div>
            <NeuronText
              chars={neurons.chars}
              values={values}
              H={H}
              unit={shown}
              theme={theme}
              label={t('training.neurons.textLabel', { unit, kind, layer: neurons.layer })}
            />
            <ShowData
              caption={t('training.neurons.dataCaption', {
                unit: shown,
                kind,
                layer: neurons.layer,
              })}
              name={t('training.neurons.dataName', { unit: shown })}
              columns={[
                t('training.neurons.position'),
                t('training.neurons.character'),
                t('training.neurons.activation'),
              ]}
              maxRows={400}
              rows={() =>
                neurons.chars.map((ch, pos) => [
                  pos,
                  JSON.stringify(ch),
                  values[pos * H + shown] ?? NaN,
                ])
              }
            />
          </div>
          <div>
            <h3>{t('training.neurons.ranked')}</h3>
            <ol className="unit-rank">
              {rank.map((r) => (
                <li key={r.unit}>
                  <button type="button" onClick={() => setUnit(r.unit)}>
                    {t('training.neurons.unitButton', { unit: r.unit })}
                  </button>{' '}
                  {t(featureKey(r.feature), { defaultValue: r.feature })} (r = {r.r.toFixed(2)})
                </li>
              ))}
            </ol>
          </div>
        </div>
      ) : (
        <p className="muted">{t('training.neurons.none')}</p>
      )}
    </section>
  );
}

export function WeightsSection() {
  const { t } = useTranslation();
  const weights = useAppStore((s) => s.training.weights);
  const vocab = useAppStore((s) => s.training.model?.vocab);
  const phase = useAppStore((s) => s.training.phase);
  const step = useAppStore((s) => s.training.step);
  const [layer, setLayer] = useState(0);
  // Paused: refresh after each Step; running: a few times a second.
  useEffect(() => {
    if (phase === 'ready' || phase === 'diverged') void refreshWeights();
  }, [phase, step]);
  useEffect(() => {
    if (phase !== 'running') return;
    const timer = setInterval(() => void refreshWeights(), 500);
    return () => clearInterval(timer);
  }, [phase]);
  const l = weights?.layers[Math.min(layer, (weights?.layers.length ?? 1) - 1)];
  const G = weights?.gateNames.length ?? 1;
  const H = weights?.hiddenSize ?? 0;
  const shown = Math.min(layer, (weights?.layers.length ?? 1) - 1);
  // The bottom layer reads characters (one column each); a higher one the units below.
  const readsChars = shown === 0 && vocab !== undefined && l?.inputSize === vocab.length;
  const gates = weights?.gateNames.join(', ') ?? '';
  const col = (c: number) => t('training.weights.col', { col: c });
  return (
    <section className="train-section" aria-labelledby="weights-heading">
      <h2 id="weights-heading">{t('training.weights.heading')}</h2>
      <p className="lesson">{t('training.weights.lesson')}</p>
      {weights && weights.layers.length > 1 && (
        <label>
          {t('training.weights.layer')}{' '}
          <select value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
            {weights.layers.map((_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      )}
      {weights && l ? (
        <div className="chart-grid">
          <ChartFrame
            title={t('training.weights.title', { matrix: 'W_ih', gates })}
            name="weight-ih"
            data={{
              caption: t('training.weights.dataCaption', { matrix: 'W_ih', layer }),
              columns: [
                t('training.weights.row'),
                ...Array.from({ length: Math.min(l.inputSize, 12) }, (_, c) => col(c)),
              ],
              rows: () =>
                Array.from({ length: Math.min(G * H, 40) }, (_, r) => [
                  r,
                  ...Array.from(
                    l.Wih.subarray(r * l.inputSize, r * l.inputSize + Math.min(l.inputSize, 12)),
                  ),
                ]),
            }}
          >
            <WeightsHeatmap
              data={l.Wih}
              rows={G * H}
              cols={l.inputSize}
              blocks={weights.gateNames}
              rowLabel={t('training.weights.rows')}
              colLabel={t(readsChars ? 'training.weights.inputs' : 'training.weights.below')}
              {...(readsChars ? { colNames: vocab.map((ch) => JSON.stringify(ch)) } : {})}
              label={t('training.weights.label', {
                matrix: 'W_ih',
                layer,
                rows: G * H,
                cols: l.inputSize,
                step: weights.step,
              })}
            />
          </ChartFrame>
          <ChartFrame
            title={t('training.weights.title', { matrix: 'W_hh', gates })}
            name="weight-hh"
            data={{
              caption: t('training.weights.dataCaption', { matrix: 'W_hh', layer }),
              columns: [
                t('training.weights.row'),
                ...Array.from({ length: Math.min(H, 12) }, (_, c) => col(c)),
              ],
              rows: () =>
                Array.from({ length: Math.min(G * H, 40) }, (_, r) => [
                  r,
                  ...Array.from(l.Whh.subarray(r * H, r * H + Math.min(H, 12))),
                ]),
            }}
          >
            <WeightsHeatmap
              data={l.Whh}
              rows={G * H}
              cols={H}
              blocks={weights.gateNames}
              rowLabel={t('training.weights.rows')}
              colLabel={t('training.weights.recurrent')}
              colNames={Array.from({ length: H }, (_, c) =>
                t('training.weights.recurrentUnit', { unit: c }),
              )}
              label={t('training.weights.label', {
                matrix: 'W_hh',
                layer,
                rows: G * H,
                cols: H,
                step: weights.step,
              })}
            />
          </ChartFrame>
        </div>
      ) : (
        <p className="muted">{t('training.weights.none')}</p>
      )}
    </section>
  );
}
