// The backward mode's main section: the whole backward pass as a strip (the gradient flowing from
// the last step to the first, with truncation marks), and at the shown step the two arrivals of
// dL/dh_t and their sum, the LSTM's belt path or the GRU's direct path, and the gradients of the
// gates' pre-activations, one heat strip each. Every number is the engine's (BackwardAt).
import { useId, useMemo } from 'react';
import {
  BACKWARD_ROWS,
  PRE_ACTIVATION_GATES,
  preActivationSymbol,
  type BackwardRow,
} from '../../content/backward';
import { showChar } from '../../content/forward';
import { CELL_INFO, type CellKind } from '../../engine/cell';
import type { BackwardAtLayer } from '../../engine/backwardTrace';
import { canStepBackward, setTruncation } from '../../store/backwardActions';
import { MAX_TRUNCATION } from '../../store/forward';
import { goToStep, setUnit } from '../../store/forwardActions';
import { selectReducedMotion } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { GradientFlowStrip } from '../../viz/GradientFlowStrip';
import { ColorLegend, HeatStrips, type HeatRow } from '../../viz/HeatStrip';
import type { ValueScale } from '../../viz/valueScale';
import { UnitPicker } from './CellSection';
import { directionsOf } from './derive';
import { withSubscripts } from './subscripts';
import { selectDirection, selectLayer, selectResult, selectStep, selectUnit } from './select';
import { useWords, whereText, type Tr } from './words';

/** The shown layer-direction's backward step, when the engine's answer is for the shown trace. */
export function useBackwardLayer(): {
  at: BackwardAtLayer | null;
  t: number;
  T: number;
  k: number;
  reverse: boolean;
} {
  const result = useAppStore(selectResult);
  const answer = useAppStore((s) => s.forward.backward.result);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const D = result === null ? 1 : directionsOf(result);
  const k = layer * D + direction;
  const fresh = answer !== null && answer.of === result;
  return {
    at: fresh ? (answer.at.layers[k] ?? null) : null,
    t: fresh ? answer.at.t : 0,
    T: result?.trace.T ?? 0,
    k,
    reverse: direction === 1,
  };
}

/** A symmetric scale around 0 reaching the largest |value| of the rows, rounded up to 1, 2 or 5. */
export function gradientScale(rows: readonly ArrayLike<number>[]): ValueScale {
  let max = 0;
  for (const r of rows) for (let j = 0; j < r.length; j++) max = Math.max(max, Math.abs(r[j]!));
  if (!(max > 0) || !Number.isFinite(max)) return { kind: 'signed', max: 1 };
  const p = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 5, 10].find((m) => m * p >= max) ?? 10;
  return { kind: 'signed', max: nice * p };
}

function row(tr: Tr, key: string, which: BackwardRow, values: ArrayLike<number>): HeatRow {
  const scale = { kind: 'signed', max: 1 } as const;
  const label = tr(`forward.backward.rows.${which}`);
  return { key, symbol: BACKWARD_ROWS[which], label, values, scale, format: 'significant' };
}

/** The gradient of a gate's pre-activation: its symbol and its words. */
function preRow(tr: Tr, cell: CellKind, gate: string, values: ArrayLike<number>): HeatRow {
  const known = (PRE_ACTIVATION_GATES as readonly string[]).includes(gate);
  const label = known
    ? tr(`forward.backward.pre.${gate as (typeof PRE_ACTIVATION_GATES)[number]}`)
    : tr('forward.backward.pre.other', { gate });
  const scale = { kind: 'signed', max: 1 } as const;
  const symbol = preActivationSymbol(cell, gate);
  return { key: `pre_${gate}`, symbol, label, values, scale, format: 'significant' };
}

export function BackwardSection() {
  const { tr } = useWords();
  const result = useAppStore(selectResult);
  const status = useAppStore((s) => s.forward.backward.status);
  const error = useAppStore((s) => s.forward.backward.error);
  const shownT = useAppStore(selectStep);
  const unit = useAppStore(selectUnit);
  const layer = useAppStore(selectLayer);
  const trunc = useAppStore((s) => s.forward.trunc);
  const reducedMotion = useAppStore(selectReducedMotion);
  const supported = useAppStore((s) => canStepBackward(s.forward));
  const { at, t, T, reverse } = useBackwardLayer();
  const cell = result?.model.cell ?? 'rnn';

  const rows = useMemo((): HeatRow[] => {
    if (at === null) return [];
    const out = [
      row(tr, 'dfromout', layer > 0 ? 'fromOutputAbove' : 'fromOutput', at.fromOutput),
      row(tr, 'dhnext', 'fromNext', at.fromNext),
    ];
    if (at.fromNextDirect !== null)
      out.push(row(tr, 'dhdirect', 'fromNextDirect', at.fromNextDirect));
    out.push(row(tr, 'dh', 'dh', at.dh));
    if (at.dcFromNext !== null) out.push(row(tr, 'dcnext', 'dcFromNext', at.dcFromNext));
    if (at.dc !== null) out.push(row(tr, 'dc', 'dc', at.dc));
    const H = at.dh.length;
    CELL_INFO[cell].gateNames.forEach((gate, g) => {
      out.push(preRow(tr, cell, gate, at.step.bih.subarray(g * H, (g + 1) * H)));
    });
    const scale = gradientScale(out.map((r) => r.values));
    return out.map((r) => ({ ...r, scale }));
  }, [at, cell, layer, tr]);

  if (result === null) return null;
  if (!supported) {
    return (
      <section className="fwd-back" aria-labelledby="fwd-back-h">
        <h2 id="fwd-back-h">
          {tr('forward.backward.heading', { where: tr('forward.backward.lastStep') })}
        </h2>
        <p className="fwd-lede">{tr('forward.backward.series')}</p>
      </section>
    );
  }
  const L = result.trace.L;
  const D = directionsOf(result);
  const where = whereText(tr, { t, layer, L, directions: D, direction: reverse ? 1 : 0 }, true);
  const labels = result.chars.slice(0, T).map(showChar);
  return (
    <section
      className="fwd-back"
      aria-labelledby="fwd-back-h"
      aria-busy={status === 'loading' || shownT !== t ? 'true' : undefined}
      data-step={at === null ? undefined : String(t + 1)}
    >
      <h2 id="fwd-back-h">{tr('forward.backward.heading', { where })}</h2>
      <p className="fwd-lede">{withSubscripts(tr('forward.backward.lede'))}</p>
      {status === 'error' && error !== null && (
        <p className="fwd-error" role="alert">
          {tr('forward.backward.failed', { message: error })}
        </p>
      )}
      {at === null ? (
        <p className="fwd-lede" role="status">
          {tr('forward.backward.waiting')}
        </p>
      ) : (
        <>
          <GradientFlowStrip
            labels={labels}
            dh={at.norms.dh}
            dc={at.norms.dc}
            current={t}
            selected={Math.min(shownT, T - 1)}
            reverse={reverse}
            trunc={trunc}
            reducedMotion={reducedMotion}
            onSelectStep={goToStep}
            label={tr('forward.backward.flowLabel', { T, t: t + 1 })}
            words={{
              hidden: '‖dL/dh‖',
              belt: tr('forward.backward.belt'),
              done: tr('forward.backward.flowDone'),
              toDo: tr('forward.backward.flowToDo'),
            }}
          />
          <Truncation K={trunc} T={T} />
          <p className="fwd-lede">
            {withSubscripts(
              tr('forward.backward.explained.common') +
                (cell === 'lstm' || cell === 'gru'
                  ? ` ${tr(`forward.backward.explained.${cell}`)}`
                  : ''),
            )}
          </p>
          <UnitPicker H={result.trace.H} unit={unit} />
          <HeatStrips rows={rows} unit={unit} onSelectUnit={setUnit} animate={!reducedMotion} />
          <div className="fwd-legends">
            {rows[0] !== undefined && (
              <ColorLegend scale={rows[0].scale} label={tr('forward.backward.legend')} />
            )}
          </div>
        </>
      )}
    </section>
  );
}

const TRUNCATIONS = [0, 4, 8, 16, 32];

function Truncation({ K, T }: { K: number; T: number }) {
  const id = useId();
  const { tr } = useWords();
  const options = TRUNCATIONS.includes(K) ? TRUNCATIONS : [...TRUNCATIONS, K].sort((a, b) => a - b);
  return (
    <div className="fwd-trunc">
      <div className="field field--inline">
        <label htmlFor={id}>{tr('forward.backward.truncLabel')}</label>
        <select id={id} value={K} onChange={(event) => setTruncation(Number(event.target.value))}>
          {options
            .filter((k) => k <= MAX_TRUNCATION)
            .map((k) => (
              <option key={k} value={k}>
                {k === 0 ? tr('forward.backward.truncNone') : `K = ${String(k)}`}
              </option>
            ))}
        </select>
      </div>
      {K > 0 && (
        <p className="fwd-note">
          {tr('forward.backward.truncNote', { K })}
          {K >= T ? tr('forward.backward.truncOneChunk', { T }) : ''}{' '}
          <a href={`#/gradients?gp=truncation&gk=${String(K)}`}>
            {tr('forward.backward.truncLink')}
          </a>
        </p>
      )}
    </div>
  );
}
