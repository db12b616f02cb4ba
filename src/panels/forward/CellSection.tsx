// Inside the cell at the current step: every gate and state as a heat strip (one cell per hidden
// unit), the unit picker, and for the LSTM the cell state as a conveyor belt.
import { CELL_INFO } from '../../engine/cell';
import { useId, useMemo } from 'react';
import { Trans } from 'react-i18next';
import { CELL_LABEL, ROW_SYMBOL, type RowKey } from '../../content/forward';
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
import { useWords, whereText } from './words';

export function CellSection() {
  const { tr } = useWords();
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
          ? { symbol: 'h_{t+1}', label: tr('forward.cell.rows.hnext') }
          : key in ROW_SYMBOL
            ? { symbol: ROW_SYMBOL[key as RowKey], label: tr(`forward.cell.rows.${key as RowKey}`) }
            : { symbol: key, label: key };
      return [
        { key, symbol: text.symbol, label: text.label, values, scale: scaleFor(key, scales) },
      ];
    });
  }, [result, layer, direction, t, scales, tr]);

  const table = useMemo(() => {
    const H = rows[0]?.values.length ?? 0;
    const out: Cell[][] = [];
    for (let j = 0; j < H; j++)
      out.push([String(j), ...rows.map((r) => r.values[j] ?? Number.NaN)]);
    return {
      heads: [
        tr('forward.cell.unitColumn'),
        ...rows.map((r) => r.symbol.replace('_{t−1}', '_{t-1}')),
      ],
      rows: out,
    };
  }, [rows, tr]);

  if (result === null) return null;
  const cell = result.model.cell;
  const L = result.trace.L;
  const where = whereText(tr, { t, layer, L, directions: directionsOf(result), direction });
  return (
    <section className="fwd-cell" aria-labelledby="fwd-cell-h">
      <h2 id="fwd-cell-h">{tr('forward.cell.heading', { cell: CELL_LABEL[cell], where })}</h2>
      <p className="fwd-lede">{tr('forward.cell.lede', { H: result.trace.H })}</p>
      <UnitPicker H={result.trace.H} unit={unit} />
      <HeatStrips rows={rows} unit={unit} onSelectUnit={setUnit} animate={!reducedMotion} />
      <div className="fwd-legends">
        {cell !== 'rnn' && (
          <ColorLegend scale={scales.gate} label={tr('forward.cell.legendGate')} />
        )}
        {cell !== 'rnn' || result.model.nonlinearity === 'tanh' ? (
          <ColorLegend scale={scales.tanh} label={tr('forward.cell.legendTanh')} />
        ) : (
          <ColorLegend scale={scales.h} label={tr('forward.cell.legendRelu')} />
        )}
        {CELL_INFO[cell].hasCellState && (
          <ColorLegend scale={scales.c} label={tr('forward.cell.legendC')} />
        )}
        {cell === 'rnn' && <ColorLegend scale={scales.a} label={tr('forward.cell.legendA')} />}
      </div>
      <ShowData
        caption={tr('forward.cell.table', { where })}
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
  const { tr } = useWords();
  return (
    <div className="field field--inline fwd-unit">
      <label htmlFor={id}>
        <Trans i18nKey="forward.cell.unit" components={{ i: <i /> }} />
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
      <span className="field__hint">{tr('forward.cell.unitRange', { last: H - 1 })}</span>
    </div>
  );
}

function Belt() {
  const { tr } = useWords();
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
      <h3>{tr('forward.cell.beltHeading')}</h3>
      <p className="fwd-lede">
        <Trans
          i18nKey="forward.cell.beltLede"
          values={{
            unit,
            f: formatValue(belt.f[unit]),
            cPrev: formatValue(belt.cPrev[unit]),
            kept: formatValue(belt.kept[unit]),
            iv: formatValue(belt.i[unit]),
            gv: formatValue(belt.g[unit]),
            written: formatValue(belt.written[unit]),
            cv: formatValue(belt.c[unit]),
          }}
          components={{
            cprev: <Sym symbol="c_{t−1}" />,
            ct: <Sym symbol="c_t" />,
            it: <Sym symbol="i_t" />,
            gt: <Sym symbol="g_t" />,
          }}
        />
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
        caption={tr('forward.cell.beltTable', { t: t + 1 })}
        columns={[
          tr('forward.cell.unitColumn'),
          'c_{t-1}',
          'f_t',
          tr('forward.cell.beltKept'),
          tr('forward.cell.beltWritten'),
          'c_t',
        ]}
        rows={table}
        currentRow={unit}
      />
    </div>
  );
}
