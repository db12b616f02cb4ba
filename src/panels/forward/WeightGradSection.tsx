// The weight gradient summed over time: the shown step's contribution to one of the layer's
// tensors and the running sum of the steps done so far, side by side, which at the direction's
// last step is the gradient the optimizer receives; and "check it yourself", one weight's gradient
// by central differences in the worker next to the engine's.
import { useId, useState } from 'react';
import { formatSignificant } from '../../content/format';
import { CELL_INFO } from '../../engine/cell';
import { norm2 } from '../../engine/tensor';
import type { LayerParams } from '../../engine/cell';
import { checkGradient } from '../../store/backwardActions';
import { useAppStore } from '../../store/store';
import { WeightsHeatmap } from '../../viz/WeightsHeatmap';
import { useBackwardLayer } from './BackwardSection';
import { directionsOf } from './derive';
import { withSubscripts } from './subscripts';
import { selectDirection, selectLayer, selectResult, selectUnit } from './select';
import { useWords } from './words';

type TensorKey = keyof LayerParams;
const TENSORS: readonly { key: TensorKey; name: string; torch: string }[] = [
  { key: 'Whh', name: 'W_hh', torch: 'weight_hh' },
  { key: 'Wih', name: 'W_ih', torch: 'weight_ih' },
  { key: 'bih', name: 'b_ih', torch: 'bias_ih' },
  { key: 'bhh', name: 'b_hh', torch: 'bias_hh' },
];

export function WeightGradSection() {
  const id = useId();
  const { tr } = useWords();
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const unit = useAppStore(selectUnit);
  const [tensor, setTensor] = useState<TensorKey>('Whh');
  const { at, t, T, reverse } = useBackwardLayer();
  if (result === null || at === null) return null;
  const H = result.trace.H;
  const gates = CELL_INFO[result.model.cell].gateNames;
  const rows = gates.length * H;
  const cols = at.step[tensor].length / rows;
  const info = TENSORS.find((x) => x.key === tensor)!;
  const done = reverse ? t + 1 : T - t;
  const complete = done === T;
  const oneHot = layer === 0 && cols === result.model.vocab.length && tensor === 'Wih';
  const colLabel =
    tensor === 'Whh'
      ? tr('forward.backward.colPrevUnit')
      : tensor === 'Wih'
        ? oneHot
          ? tr('forward.backward.colInputChar')
          : tr('forward.backward.colInputUnit')
        : '';
  const shared = {
    rows,
    cols,
    blocks: gates,
    blockName: gates.length > 1 ? tr('forward.backward.heatmapBlock') : null,
    rowLabel: tr('forward.backward.heatmapRows'),
    colLabel,
    valueName: tr('forward.backward.heatmapValue'),
    ...(oneHot ? { colNames: result.model.vocab } : {}),
  };
  const torchName = `rnn.${info.torch}_l${String(layer)}${directionsOf(result) === 2 && direction === 1 ? '_reverse' : ''}`;
  return (
    <section className="fwd-sums" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{tr('forward.backward.sumsHeading')}</h2>
      <p className="fwd-lede">{withSubscripts(tr('forward.backward.sumsLede'))}</p>
      <div
        className="field field--inline"
        role="radiogroup"
        aria-label={tr('forward.backward.tensorLabel')}
      >
        <span>{tr('forward.backward.tensorLabel')}</span>
        {TENSORS.map((x) => (
          <label key={x.key} className="fwd-choice">
            <input
              type="radio"
              name={`${id}-tensor`}
              checked={tensor === x.key}
              onChange={() => setTensor(x.key)}
            />{' '}
            d{x.name}
          </label>
        ))}
      </div>
      <div className="fwd-sums__pair">
        <figure className="fwd-sums__one" data-testid="grad-step">
          <figcaption>
            {tr('forward.backward.stepPart', { t: t + 1 })} (‖·‖ ={' '}
            {formatSignificant(norm2(at.step[tensor]))})
          </figcaption>
          <WeightsHeatmap
            {...shared}
            data={at.step[tensor]}
            label={tr('forward.backward.stepPartTo', { t: t + 1, name: `d${info.name}` })}
          />
        </figure>
        <figure className="fwd-sums__one" data-testid="grad-sum">
          <figcaption>
            {tr('forward.backward.sumPart', { done, total: T })} (‖·‖ ={' '}
            <span data-testid="sum-norm">{formatSignificant(norm2(at.sum[tensor]))}</span>)
          </figcaption>
          <WeightsHeatmap
            {...shared}
            data={at.sum[tensor]}
            label={tr('forward.backward.sumPartOf', { done, total: T, name: `d${info.name}` })}
          />
        </figure>
      </div>
      {complete && (
        <p className="fwd-note" data-testid="sums-complete">
          {tr('forward.backward.complete')}
        </p>
      )}
      <GradCheck
        key={`${torchName}:${tensor}`}
        torchName={torchName}
        rows={rows}
        cols={cols}
        defaultRow={Math.min(unit, rows - 1)}
        sum={at.sum[tensor]}
        complete={complete}
      />
    </section>
  );
}

function GradCheck(props: {
  torchName: string;
  rows: number;
  cols: number;
  defaultRow: number;
  sum: Float64Array;
  complete: boolean;
}) {
  const { torchName, rows, cols, defaultRow, sum, complete } = props;
  const id = useId();
  const { tr } = useWords();
  const [row, setRow] = useState(defaultRow);
  const [col, setCol] = useState(0);
  const checking = useAppStore((s) => s.forward.backward.checking);
  const check = useAppStore((s) => s.forward.backward.check);
  const failure = useAppStore((s) => s.forward.backward.checkError);
  const result = useAppStore(selectResult);
  const index = row * cols + col;
  const shown =
    check !== null &&
    check.of === result &&
    check.check.tensor === torchName &&
    check.check.index === index
      ? check
      : null;
  const rel =
    shown === null
      ? null
      : Math.abs(shown.check.estimate - shown.engine) /
        Math.max(Math.abs(shown.engine), Math.abs(shown.check.estimate), 1e-300);
  return (
    <div className="fwd-check">
      <h3>{tr('forward.backward.checkHeading')}</h3>
      <p className="fwd-lede">{tr('forward.backward.checkLede')}</p>
      <div className="fwd-check__controls">
        <span className="fwd-check__name" translate="no">
          {torchName}
        </span>
        <div className="field field--inline">
          <label htmlFor={`${id}-row`}>{tr('forward.backward.row')}</label>
          <input
            id={`${id}-row`}
            type="number"
            min={0}
            max={rows - 1}
            value={row}
            onChange={(e) => setRow(clampInt(e.target.value, rows - 1))}
          />
        </div>
        {cols > 1 && (
          <div className="field field--inline">
            <label htmlFor={`${id}-col`}>{tr('forward.backward.column')}</label>
            <input
              id={`${id}-col`}
              type="number"
              min={0}
              max={cols - 1}
              value={col}
              onChange={(e) => setCol(clampInt(e.target.value, cols - 1))}
            />
          </div>
        )}
        <button
          type="button"
          onClick={() => {
            if (!checking) void checkGradient(torchName, index);
          }}
          aria-disabled={checking ? 'true' : undefined}
        >
          {tr('forward.backward.checkButton')}
        </button>
      </div>
      <p role="status" className="fwd-check__out" data-testid="grad-check">
        {checking
          ? tr('forward.backward.checking')
          : failure !== null
            ? failure
            : shown !== null && rel !== null
              ? tr('forward.backward.checkResult', {
                  plus: shown.check.lossPlus.toPrecision(12),
                  minus: shown.check.lossMinus.toPrecision(12),
                  epsilon: String(shown.check.epsilon),
                  estimate: formatSignificant(shown.check.estimate),
                  engine: formatSignificant(shown.engine),
                  relative: rel.toExponential(1),
                }) +
                (complete
                  ? tr('forward.backward.checkSum', {
                      sum: formatSignificant(sum[index] ?? Number.NaN),
                    })
                  : '')
              : ''}
      </p>
    </div>
  );
}

function clampInt(value: string, max: number): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.max(0, Math.min(max, n)) : 0;
}
