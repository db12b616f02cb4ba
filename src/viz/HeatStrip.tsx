// Heat strips: one row per vector (a gate, a state), one cell per hidden unit, coloured by value,
// with the selected unit outlined and its value written at the end of the row. The cells are a
// canvas of one pixel per unit stretched to the row's width, so they fit any screen and a step
// costs no DOM updates; colours ease from one step to the next unless `animate` is false.
// Props only; a click on a strip picks a unit.
import { memo, useId, type MouseEvent } from 'react';
import { formatSignificant, formatValue } from '../content/format';
import { Sym } from './Sym';
import { useStripCanvas } from './useStripCanvas';
import { domainOf, legendStops, type ValueScale } from './valueScale';

export interface HeatRow {
  /** Trace name ('f', 'c', 'h', …): links the row to its equation term (data-sym). */
  readonly key: string;
  /** Symbol shown at the start of the row, e.g. "f_t". */
  readonly symbol: string;
  /** What the row is, in words, e.g. "forget gate". */
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly scale: ValueScale;
}

export interface HeatStripsProps {
  rows: readonly HeatRow[];
  /** The selected hidden unit j. */
  unit: number;
  onSelectUnit?: (unit: number) => void;
  /** Ease colours from one step to the next (false: jump, for reduced motion). */
  animate?: boolean;
}

export const HeatStrips = memo(function HeatStrips({
  rows,
  unit,
  onSelectUnit,
  animate = true,
}: HeatStripsProps) {
  return (
    <div className="heat-strips">
      <div className="heat-strips__head" aria-hidden="true">
        <span />
        <span>units 0 … {Math.max(0, (rows[0]?.values.length ?? 1) - 1)}</span>
        <span>unit {unit}</span>
      </div>
      {rows.map((row) => (
        <HeatStripRow
          key={row.key}
          row={row}
          unit={unit}
          onSelectUnit={onSelectUnit}
          animate={animate}
        />
      ))}
    </div>
  );
});

function HeatStripRow({
  row,
  unit,
  onSelectUnit,
  animate,
}: {
  row: HeatRow;
  unit: number;
  onSelectUnit: ((unit: number) => void) | undefined;
  animate: boolean;
}) {
  const n = row.values.length;
  const canvas = useStripCanvas(row.values, row.scale, { animate });
  const pick = (event: MouseEvent<HTMLDivElement>) => {
    if (onSelectUnit === undefined || n === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const j = Math.floor(((event.clientX - box.left) / box.width) * n);
    onSelectUnit(Math.max(0, Math.min(n - 1, j)));
  };
  return (
    <div className="heat-row" data-sym={row.key}>
      <span className="heat-row__label">
        <span className="heat-row__symbol">
          <Sym symbol={row.symbol} />
        </span>{' '}
        <span className="heat-row__name">{row.label}</span>
      </span>
      <div className="heat-row__strip" aria-hidden="true" onClick={pick}>
        <canvas ref={canvas} className="heat-row__canvas" />
        {unit >= 0 && unit < n && (
          <span
            className="heat-row__selected"
            style={{ left: `${String((unit / n) * 100)}%`, width: `${String(100 / n)}%` }}
          />
        )}
      </div>
      <span className="heat-row__value" data-value={row.key}>
        {formatValue(row.values[unit])}
      </span>
    </div>
  );
}

export interface ColorLegendProps {
  scale: ValueScale;
  /** What the colours stand for, e.g. "gate value". */
  label: string;
}

/** A colour bar with its domain's ends and middle. */
export const ColorLegend = memo(function ColorLegend({ scale, label }: ColorLegendProps) {
  const id = `legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [lo, hi] = domainOf(scale);
  const stops = legendStops(scale);
  const mid = (lo + hi) / 2;
  const tick = (v: number) => (Number.isInteger(v) ? String(v) : formatSignificant(v, 2));
  // A domain cut below the largest values: its ends stand for everything beyond.
  const open = scale.kind === 'signed' && scale.max > 1;
  return (
    <figure className="color-legend">
      <svg viewBox="0 0 120 12" width="120" height="12" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id={id}>
            {stops.map((s) => (
              <stop key={s.offset} offset={s.offset} stopColor={s.color} />
            ))}
          </linearGradient>
        </defs>
        <rect
          x={0}
          y={0}
          width={120}
          height={12}
          fill={`url(#${id})`}
          className="color-legend__bar"
        />
      </svg>
      <figcaption>
        <span className="color-legend__ticks" aria-hidden="true">
          <span>
            {open ? '≤' : ''}
            {tick(lo)}
          </span>
          <span>{tick(mid)}</span>
          <span>
            {open ? '≥' : ''}
            {tick(hi)}
          </span>
        </span>
        <span className="color-legend__label">
          {label}
          <span className="visually-hidden">
            {' '}
            from {open ? 'at most ' : ''}
            {tick(lo)} to {open ? 'at least ' : ''}
            {tick(hi)}
          </span>
        </span>
      </figcaption>
    </figure>
  );
});
