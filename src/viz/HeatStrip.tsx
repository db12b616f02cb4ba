// Heat strips: one row per vector (a gate, a state), one cell per hidden unit, coloured by value,
// with the selected unit outlined and its value written at the end of the row. The cells are a
// canvas of one pixel per unit stretched to the row's width, so they fit any screen and a step
// costs no DOM updates; colours ease from one step to the next unless `animate` is false. Units
// beyond a clipping scale carry a mark. Props only; a click on a strip picks a unit, and a
// focused strip is a slider over the units (arrow keys). Hover or focus shows a tooltip with the
// unit and its value.
import { memo, useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant, formatValue } from '../content/format';
import { Sym } from './Sym';
import { useStripCanvas } from './useStripCanvas';
import { clippedUnits, clipsValues, domainOf, legendStops, type ValueScale } from './valueScale';
import { plainSymbol, valueTip } from './valueTip';
import './heatStrip.css';

export interface HeatRow {
  /** Trace name ('f', 'c', 'h', …): links the row to its equation term (data-sym). */
  readonly key: string;
  /** Symbol shown at the start of the row, e.g. "f_t". */
  readonly symbol: string;
  /** What the row is, in words, e.g. "forget gate". */
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly scale: ValueScale;
  /** How the selected unit's value is written: 3 decimals (default), or 4 significant digits
   * (gradients, often far below 0.001). */
  readonly format?: 'fixed' | 'significant';
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
  const { t } = useTranslation();
  return (
    <div className="heat-strips">
      <div className="heat-strips__head" aria-hidden="true">
        <span />
        <span>{t('viz.heat.units', { last: Math.max(0, (rows[0]?.values.length ?? 1) - 1) })}</span>
        <span>{t('viz.heat.unit', { unit })}</span>
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = row.values.length;
  const canvas = useStripCanvas(row.values, row.scale, { animate });
  const tipId = `tip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // The unit under the pointer, and whether the strip has the keyboard focus: either shows the
  // tooltip (the pointer's unit first, else the selected one).
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const clipped = useMemo(() => clippedUnits(row.values, row.scale), [row.values, row.scale]);
  const unitAt = (event: MouseEvent<HTMLDivElement>): number | null => {
    if (n === 0) return null;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return null;
    const j = Math.floor(((event.clientX - box.left) / box.width) * n);
    return Math.max(0, Math.min(n - 1, j));
  };
  const pick = (event: MouseEvent<HTMLDivElement>) => {
    const j = unitAt(event);
    if (onSelectUnit !== undefined && j !== null) onSelectUnit(j);
  };
  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onSelectUnit === undefined || n === 0) return;
    const to = unitKey(event.key, unit, n);
    if (to === null) return;
    event.preventDefault();
    onSelectUnit(to);
  };
  const tipUnit = hovered ?? (focused && unit >= 0 && unit < n ? unit : null);
  const selectedTip = valueTip(row.label, row.symbol, unit, row.values[unit], row.scale, lang);
  const name = t('viz.heat.name', { label: row.label, symbol: plainSymbol(row.symbol) });
  return (
    <div className="heat-row" data-sym={row.key}>
      <span className="heat-row__label">
        <span className="heat-row__symbol">
          <Sym symbol={row.symbol} />
        </span>{' '}
        <span className="heat-row__name">{row.label}</span>
      </span>
      <div
        className="heat-row__strip"
        tabIndex={0}
        {...(onSelectUnit !== undefined
          ? {
              role: 'slider',
              'aria-valuemin': 0,
              'aria-valuemax': Math.max(0, n - 1),
              'aria-valuenow': unit,
              'aria-valuetext': selectedTip,
            }
          : { role: 'img' })}
        aria-label={
          onSelectUnit !== undefined ? name : t('viz.heat.described', { name, tip: selectedTip })
        }
        aria-describedby={tipUnit !== null ? tipId : undefined}
        onClick={pick}
        onMouseMove={(event) => setHovered(unitAt(event))}
        onMouseLeave={() => setHovered(null)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={step}
      >
        <canvas ref={canvas} className="heat-row__canvas" aria-hidden="true" />
        {clipped.map(({ unit: j, side }) => (
          <span
            key={j}
            className={`clip-mark clip-mark--${side < 0 ? 'low' : 'high'}`}
            data-clipped={j}
            aria-hidden="true"
            style={{ left: `${String(((j + 0.5) / n) * 100)}%` }}
          />
        ))}
        {unit >= 0 && unit < n && (
          <span
            className="heat-row__selected"
            aria-hidden="true"
            style={{ left: `${String((unit / n) * 100)}%`, width: `${String(100 / n)}%` }}
          />
        )}
        {tipUnit !== null && (
          <span
            id={tipId}
            role="tooltip"
            className="viz-tip"
            // Slides along with the unit and stays within the strip at both ends.
            style={{
              left: `${String(((tipUnit + 0.5) / n) * 100)}%`,
              transform: `translateX(${String(-((tipUnit + 0.5) / n) * 100)}%)`,
            }}
          >
            {valueTip(row.label, row.symbol, tipUnit, row.values[tipUnit], row.scale, lang)}
          </span>
        )}
      </div>
      <span className="heat-row__value" data-value={row.key}>
        {row.format === 'significant'
          ? formatSignificant(row.values[unit] ?? Number.NaN)
          : formatValue(row.values[unit])}
      </span>
    </div>
  );
}

/** The unit a key moves the selection to (arrows step, Page keys jump a tenth), or null. */
export function unitKey(key: string, unit: number, n: number): number | null {
  const big = Math.max(1, Math.round(n / 10));
  const to =
    key === 'ArrowRight' || key === 'ArrowUp'
      ? unit + 1
      : key === 'ArrowLeft' || key === 'ArrowDown'
        ? unit - 1
        : key === 'PageUp'
          ? unit + big
          : key === 'PageDown'
            ? unit - big
            : key === 'Home'
              ? 0
              : key === 'End'
                ? n - 1
                : null;
  return to === null ? null : Math.max(0, Math.min(n - 1, to));
}

export interface ColorLegendProps {
  scale: ValueScale;
  /** What the colours stand for, e.g. "gate value". */
  label: string;
}

/** A colour bar with its domain's ends and middle. */
export const ColorLegend = memo(function ColorLegend({ scale, label }: ColorLegendProps) {
  const { t } = useTranslation();
  const id = `legend-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [lo, hi] = domainOf(scale);
  const stops = legendStops(scale);
  const mid = (lo + hi) / 2;
  const tick = (v: number) => (Number.isInteger(v) ? String(v) : formatSignificant(v, 2));
  // A domain cut below the largest values: its ends stand for everything beyond.
  const open = clipsValues(scale);
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
            {t(open ? 'viz.legend.rangeOpen' : 'viz.legend.range', { lo: tick(lo), hi: tick(hi) })}
          </span>
        </span>
        {open && (
          <span className="color-legend__clip" aria-hidden="true">
            <span className="clip-mark clip-mark--key" />{' '}
            {t('viz.legend.clipped', { hi: tick(hi) })}
          </span>
        )}
      </figcaption>
    </figure>
  );
});
