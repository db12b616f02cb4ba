// Inside the network: neurons over a validation passage (with units ranked by text features),
// and the weight matrices by gate, refreshed a few times a second while this is open.
import { CELL_INFO } from '../../engine/cell';
import { useEffect, useState } from 'react';
import { FEATURE_TEXT, LESSON, WEIGHTS_TEXT } from '../../content/training';
import { selectTheme } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { refreshNeurons, refreshWeights } from '../../store/trainingActions';
import { ChartFrame } from '../../viz/ChartFrame';
import { NeuronText } from '../../viz/NeuronText';
import { ShowData } from '../../viz/ShowData';
import { WeightsHeatmap } from '../../viz/WeightsHeatmap';

export function NeuronsSection() {
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
  return (
    <section className="train-section" aria-labelledby="neurons-heading">
      <h2 id="neurons-heading">Neurons</h2>
      <p className="lesson">{LESSON.neurons}</p>
      <div className="inline-fields">
        <label>
          Layer{' '}
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
            State{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as 'h' | 'c')}>
              <option value="h">hidden h</option>
              <option value="c">cell c</option>
            </select>
          </label>
        )}
        <label>
          Unit{' '}
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
              unit={Math.min(unit, H - 1)}
              theme={theme}
              label={`Validation text coloured by unit ${unit} of ${kind}, layer ${neurons.layer}`}
            />
            <ShowData
              caption={`Activation of unit ${Math.min(unit, H - 1)} of ${kind} at each character, layer ${neurons.layer}`}
              name={`unit ${Math.min(unit, H - 1)} activations`}
              columns={['position', 'character', 'activation']}
              maxRows={400}
              rows={() =>
                neurons.chars.map((ch, t) => [
                  t,
                  JSON.stringify(ch),
                  values[t * H + Math.min(unit, H - 1)] ?? NaN,
                ])
              }
            />
          </div>
          <div>
            <h3>Units that follow a feature</h3>
            <ol className="unit-rank">
              {rank.map((r) => (
                <li key={r.unit}>
                  <button type="button" onClick={() => setUnit(r.unit)}>
                    unit {r.unit}
                  </button>{' '}
                  {FEATURE_TEXT[r.feature]} (r = {r.r.toFixed(2)})
                </li>
              ))}
            </ol>
          </div>
        </div>
      ) : (
        <p className="muted">Activations appear once a model exists.</p>
      )}
    </section>
  );
}

export function WeightsSection() {
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
  return (
    <section className="train-section" aria-labelledby="weights-heading">
      <h2 id="weights-heading">Weights</h2>
      <p className="lesson">{LESSON.weights}</p>
      {weights && weights.layers.length > 1 && (
        <label>
          Layer{' '}
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
            title={`W_ih (gates ${weights.gateNames.join(', ')})`}
            name="weight-ih"
            data={{
              caption: `W_ih of layer ${layer}, first 40 rows`,
              columns: [
                'row',
                ...Array.from({ length: Math.min(l.inputSize, 12) }, (_, c) => `col ${c}`),
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
              rowLabel={WEIGHTS_TEXT.rows}
              colLabel={readsChars ? WEIGHTS_TEXT.inputs : WEIGHTS_TEXT.below}
              {...(readsChars ? { colNames: vocab.map((ch) => JSON.stringify(ch)) } : {})}
              label={`W_ih of layer ${layer}, ${G * H} by ${l.inputSize}, at step ${weights.step}`}
            />
          </ChartFrame>
          <ChartFrame
            title={`W_hh (gates ${weights.gateNames.join(', ')})`}
            name="weight-hh"
            data={{
              caption: `W_hh of layer ${layer}, first 40 rows`,
              columns: ['row', ...Array.from({ length: Math.min(H, 12) }, (_, c) => `col ${c}`)],
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
              rowLabel={WEIGHTS_TEXT.rows}
              colLabel={WEIGHTS_TEXT.recurrent}
              colNames={Array.from({ length: H }, (_, c) => `unit ${c} of h(t−1)`)}
              label={`W_hh of layer ${layer}, ${G * H} by ${H}, at step ${weights.step}`}
            />
          </ChartFrame>
        </div>
      ) : (
        <p className="muted">The weights appear once a model exists.</p>
      )}
    </section>
  );
}
