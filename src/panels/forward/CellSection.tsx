// Inside the cell at the current step: every gate and state as a heat strip (one cell per hidden
// unit), the unit picker, and for the LSTM the cell state as a conveyor belt.
import { CELL_INFO } from '../../engine/cell';
import { useId, useMemo } from 'react';
import { CELL_LABEL, ROW_TEXT } from '../../content/forward';
import { formatValue } from '../../content/format';
import { gateKeys } from '../../content/cellEquations';
import type { TraceKey } from '../../engine/traceKeys';
import { setUnit } from '../../store/forwardActions';
import { selectReducedMotion } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { CellBelt } from '../../viz/CellBelt';
import { ColorLegend, HeatStrips, type HeatRow } from '../../viz/HeatStrip';
import { ShowData, type Cell } from '../../viz/ShowData';
import { Sym } from '../../viz/Sym';
import { beltOf, directionsOf, previous, stepsOf } from './derive';
import { scaleFor, scalesOf } from './scales';
import { selectDirection, selectLayer, selectResult, useDetailStep } from './select';

export function CellSection() {
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const { t, unit } = useDetailStep();
  const reducedMotion = useAppStore(selectReducedMotion);
  const scales = scalesOf(result);

  const rows = useMemo((): HeatRow[] => {
    if (result === null) return [];
    const named = stepsOf(result, layer, direction)[t] ?? {};
    const keys: readonly ('hprev' | TraceKey)[] = ['hprev', ...gateKeys(result.model.cell)];
    return keys.flatMap((key) => {
      const values = key === 'hprev' ? previous(result, layer, t, 'h', direction) : named[key];
      if (values === undefined) return [];
      const text =
        key === 'hprev' && direction === 1
          ? { symbol: 'h_{t+1}', label: 'state carried back from the next step' }
          : (ROW_TEXT[key] ?? { symbol: key, label: key });
      return [
        { key, symbol: text.symbol, label: text.label, values, scale: scaleFor(key, scales) },
      ];
    });
  }, [result, layer, direction, t, scales]);

  const table = useMemo(() => {
    const H = rows[0]?.values.length ?? 0;
    const out: Cell[][] = [];
    for (let j = 0; j < H; j++)
      out.push([String(j), ...rows.map((r) => r.values[j] ?? Number.NaN)]);
    return {
      heads: ['Unit j', ...rows.map((r) => r.symbol.replace('_{t−1}', '_{t-1}'))],
      rows: out,
    };
  }, [rows]);

  if (result === null) return null;
  const cell = result.model.cell;
  const L = result.trace.L;
  const both = directionsOf(result) === 2;
  const backward = both ? (direction === 1 ? ', backward' : ', forward') : '';
  const where = `step ${String(t + 1)}${L > 1 ? `, layer ${String(layer + 1)}` : ''}${backward}`;
  return (
    <section className="fwd-cell" aria-labelledby="fwd-cell-h">
      <h2 id="fwd-cell-h">
        Inside the {CELL_LABEL[cell]} cell at {where}
      </h2>
      <p className="fwd-lede">
        One column per hidden unit ({result.trace.H} units). Click a strip, or pick a unit below, to
        follow one unit through the equations.
      </p>
      <UnitPicker H={result.trace.H} unit={unit} />
      <HeatStrips rows={rows} unit={unit} onSelectUnit={setUnit} animate={!reducedMotion} />
      <div className="fwd-legends">
        {cell !== 'rnn' && (
          <ColorLegend scale={scales.gate} label="sigmoid gate (0 shuts, 1 opens)" />
        )}
        {cell !== 'rnn' || result.model.nonlinearity === 'tanh' ? (
          <ColorLegend scale={scales.tanh} label="tanh value (blue negative, red positive)" />
        ) : (
          <ColorLegend scale={scales.h} label="ReLU state" />
        )}
        {CELL_INFO[cell].hasCellState && <ColorLegend scale={scales.c} label="cell state c" />}
        {cell === 'rnn' && <ColorLegend scale={scales.a} label="pre-activation a" />}
      </div>
      <ShowData
        caption={`Gates and states of every hidden unit at ${where}`}
        columns={table.heads}
        rows={table.rows}
        currentRow={unit}
      />
      {CELL_INFO[cell].hasCellState && <Belt />}
    </section>
  );
}

export function UnitPicker({ H, unit }: { H: number; unit: number }) {
  const id = useId();
  return (
    <div className="field field--inline fwd-unit">
      <label htmlFor={id}>
        Hidden unit <i>j</i>
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={H - 1}
        step={1}
        value={unit}
        onChange={(event) => {
          if (event.target.value !== '') setUnit(Number(event.target.value));
        }}
      />
      <span className="field__hint">0 to {H - 1}</span>
    </div>
  );
}

function Belt() {
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const { t, unit } = useDetailStep();
  const reducedMotion = useAppStore(selectReducedMotion);
  const scales = scalesOf(result);
  const direction = useAppStore(selectDirection);
  const belt = useMemo(
    () => (result === null ? null : beltOf(result, layer, t, direction)),
    [result, layer, t, direction],
  );
  const table = useMemo(() => {
    if (belt === null) return [];
    return Array.from(belt.c, (c, j): Cell[] => [
      String(j),
      belt.cPrev[j]!,
      belt.f[j]!,
      belt.kept[j]!,
      belt.written[j]!,
      c,
    ]);
  }, [belt]);
  if (belt === null) return null;
  return (
    <div className="fwd-belt">
      <h3>The cell state, a conveyor belt</h3>
      <p className="fwd-lede">
        Each lane is one unit’s memory, carried from <Sym symbol="c_{t−1}" /> to{' '}
        <Sym symbol="c_t" />. The forget gate scales what the belt carries (near 1 keeps it, near 0
        wipes it); the input gate adds new values <Sym symbol="i_t" /> ⊙ <Sym symbol="g_t" />. Unit{' '}
        {unit}: keeps {formatValue(belt.f[unit])} × {formatValue(belt.cPrev[unit])} ={' '}
        {formatValue(belt.kept[unit])}, writes {formatValue(belt.i[unit])} ×{' '}
        {formatValue(belt.g[unit])} = {formatValue(belt.written[unit])}, and ends at{' '}
        {formatValue(belt.c[unit])}.
      </p>
      <CellBelt
        cPrev={belt.cPrev}
        f={belt.f}
        kept={belt.kept}
        written={belt.written}
        c={belt.c}
        cellScale={scales.c}
        gateScale={scales.gate}
        unit={unit}
        onSelectUnit={setUnit}
        animate={!reducedMotion}
      />
      <ShowData
        caption={`The cell-state belt at step ${String(t + 1)}: what each unit keeps and writes`}
        columns={['Unit j', 'c_{t-1}', 'f_t', 'kept f⊙c_{t-1}', 'written i⊙g', 'c_t']}
        rows={table}
        currentRow={unit}
      />
    </div>
  );
}
