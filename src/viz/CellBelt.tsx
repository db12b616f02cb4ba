// The LSTM's cell state as a conveyor belt from c_{t−1} to c_t: every hidden unit is a lane that
// runs left to right through c_{t−1}, × the forget gate f_t, what is kept, + what the input gate
// writes (i_t ⊙ g_t), and c_t. The selected unit's lane is outlined and its numbers are written
// under each station. The lanes of each station are a canvas (one pixel per unit, stretched), so
// a step costs no DOM updates; the words and numbers are SVG above it. Lanes whose value the cell
// state's scale clips carry a mark. Hovering a lane, or focusing the belt, shows a tooltip with
// the unit and its values; with `onSelectUnit` the belt is a slider over the units (arrow keys).
// Props only; d3 places the stations.
import { scaleBand } from 'd3-scale';
import { memo, useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../content/format';
import { unitKey } from './HeatStrip';
import { SvgSym } from './Sym';
import { useChartWidth } from './useChartWidth';
import { useStripCanvas } from './useStripCanvas';
import { clippedUnits, type ValueScale } from './valueScale';
import { valueText } from './valueTip';
import './heatStrip.css';

export interface CellBeltProps {
  cPrev: ArrayLike<number>;
  f: ArrayLike<number>;
  kept: ArrayLike<number>;
  written: ArrayLike<number>;
  c: ArrayLike<number>;
  /** Colour scale of the signed columns (c_{t−1}, kept, written, c_t). */
  cellScale: ValueScale;
  gateScale: ValueScale;
  unit: number;
  /** Makes the belt a slider over the units: arrow keys pick the next or previous lane. */
  onSelectUnit?: (unit: number) => void;
  /** Ease colours from one step to the next (false: jump, for reduced motion). */
  animate?: boolean;
}

interface Station {
  readonly key: string;
  /** Trace name the station links to (data-sym), if any. */
  readonly sym: string | null;
  /** Its symbol, or '' for a station named in words (`word`). */
  readonly title: string;
  readonly word?: string;
  /** What the station holds, in words (for its tooltip). */
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly gate: boolean;
}

const HEAD = 22;
const FOOT = 26;
const OPS = ['×', '=', '+', '='] as const;

export const CellBelt = memo(function CellBelt(props: CellBeltProps) {
  const { cPrev, f, kept, written, c, cellScale, gateScale, unit, onSelectUnit } = props;
  const animate = props.animate ?? true;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [ref, width] = useChartWidth<HTMLDivElement>(480);
  const H = c.length;
  const lane = Math.max(1.5, Math.min(6, 128 / Math.max(1, H)));
  const beltHeight = lane * H;
  const height = HEAD + beltHeight + FOOT;
  const stations: Station[] = [
    {
      key: 'cprev',
      sym: 'cprev',
      title: 'c_{t−1}',
      label: t('viz.belt.cellState'),
      values: cPrev,
      gate: false,
    },
    { key: 'f', sym: 'f', title: 'f_t', label: t('viz.belt.forgetGate'), values: f, gate: true },
    {
      key: 'kept',
      sym: null,
      title: '',
      word: t('viz.belt.kept'),
      label: t('viz.belt.keptLabel'),
      values: kept,
      gate: false,
    },
    {
      key: 'written',
      sym: 'i',
      title: 'i⊙g_t',
      label: t('viz.belt.written'),
      values: written,
      gate: false,
    },
    { key: 'c', sym: 'c', title: 'c_t', label: t('viz.belt.cellState'), values: c, gate: false },
  ];
  const x = scaleBand<string>()
    .domain(stations.map((s) => s.key))
    .range([0, width])
    .paddingInner(0.32)
    .paddingOuter(0.05);
  const band = x.bandwidth();
  const laneY = (j: number) => HEAD + j * lane;
  const tipId = `tip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // The station and lane under the pointer, and whether the belt has the keyboard focus.
  const [hovered, setHovered] = useState<{ station: number; unit: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const scaleOf = (s: Station) => (s.gate ? gateScale : cellScale);
  const textOf = (s: Station, j: number) =>
    valueText(s.label, s.title, s.values[j], scaleOf(s), lang);
  const tipOf = (s: Station, j: number) =>
    t('viz.value.tip', { unit: String(j), text: textOf(s, j) });
  /** Every station's value of unit j, from c_{t−1} to c_t. */
  const laneTip = (j: number) =>
    t('viz.value.lane', {
      unit: String(j),
      list: stations.map((s) => textOf(s, j)).join(t('viz.value.laneJoin')),
    });
  const hit = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top - HEAD;
    if (H === 0 || py < 0 || py >= beltHeight) return null;
    const station = stations.findIndex((s) => {
      const left = x(s.key) ?? 0;
      return px >= left && px < left + band;
    });
    if (station < 0) return null;
    return { station, unit: Math.max(0, Math.min(H - 1, Math.floor(py / lane))) };
  };
  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onSelectUnit === undefined || H === 0) return;
    // Lanes run top to bottom: the down arrow moves to the next unit.
    const key =
      event.key === 'ArrowDown' ? 'ArrowRight' : event.key === 'ArrowUp' ? 'ArrowLeft' : event.key;
    const to = unitKey(key, unit, H);
    if (to === null) return;
    event.preventDefault();
    onSelectUnit(to);
  };
  const hoveredStation = hovered === null ? undefined : stations[hovered.station];
  const tip =
    hovered !== null && hoveredStation !== undefined
      ? tipOf(hoveredStation, hovered.unit)
      : focused && unit >= 0 && unit < H
        ? laneTip(unit)
        : null;
  const selectedText = unit >= 0 && unit < H ? laneTip(unit) : '';

  return (
    <div
      ref={ref}
      className="cell-belt"
      tabIndex={0}
      {...(onSelectUnit !== undefined
        ? {
            role: 'slider',
            'aria-valuemin': 0,
            'aria-valuemax': Math.max(0, H - 1),
            'aria-valuenow': unit,
            'aria-valuetext': selectedText,
            'aria-orientation': 'vertical' as const,
          }
        : { role: 'img' })}
      aria-label={
        onSelectUnit !== undefined
          ? t('viz.belt.slider')
          : t('viz.belt.img', { text: selectedText })
      }
      aria-describedby={tip !== null ? tipId : undefined}
      onMouseMove={(event) => {
        const next = hit(event);
        // Re-render only when the pointer reaches another lane or station.
        if (next?.station !== hovered?.station || next?.unit !== hovered?.unit) setHovered(next);
      }}
      onMouseLeave={() => setHovered(null)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={step}
    >
      {stations.map((s) => (
        <Lanes
          key={s.key}
          values={s.values}
          scale={s.gate ? gateScale : cellScale}
          animate={animate}
          left={x(s.key) ?? 0}
          top={HEAD}
          width={band}
          height={beltHeight}
        />
      ))}
      <svg
        className="cell-belt__chart"
        width={width}
        height={height}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        aria-hidden="true"
        focusable="false"
      >
        <rect
          className="cell-belt__band"
          x={0}
          y={HEAD - 4}
          width={width}
          height={beltHeight + 8}
          rx={6}
        />
        {stations.map((s, k) => {
          const left = x(s.key) ?? 0;
          const op = OPS[k];
          return (
            <g key={s.key} className="cell-belt__station" data-sym={s.sym ?? undefined}>
              <rect
                className="link-frame"
                x={left - 2}
                y={HEAD - 3}
                width={band + 4}
                height={beltHeight + 6}
              />
              <text
                className="cell-belt__title"
                x={left + band / 2}
                y={HEAD - 8}
                textAnchor="middle"
              >
                {s.word ?? <SvgSym symbol={s.title} />}
              </text>
              <text
                className="cell-belt__value"
                x={left + band / 2}
                y={HEAD + beltHeight + 18}
                textAnchor="middle"
                data-value={s.key}
              >
                {formatValue(s.values[unit])}
              </text>
              {op !== undefined && (
                <text
                  className="cell-belt__op"
                  x={left + band + (x.step() - band) / 2}
                  y={HEAD + beltHeight / 2}
                  dy="0.35em"
                  textAnchor="middle"
                >
                  {op}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {stations.flatMap((s) =>
        s.gate
          ? []
          : clippedUnits(s.values, cellScale).map(({ unit: j }) => (
              <span
                key={`${s.key}-${String(j)}`}
                className="clip-mark clip-mark--lane"
                data-clipped={`${s.key}:${String(j)}`}
                aria-hidden="true"
                style={{
                  left: `${String((x(s.key) ?? 0) + band)}px`,
                  top: `${String(laneY(j) + lane / 2)}px`,
                }}
              />
            )),
      )}
      {tip !== null && (
        <span
          id={tipId}
          role="tooltip"
          className="viz-tip viz-tip--belt"
          // Below the belt, so it never hides a lane.
          style={{ top: `${String(height + 2)}px` }}
        >
          {tip}
        </span>
      )}
      {unit >= 0 && unit < H && (
        <span
          className="cell-belt__lane"
          style={{
            top: `${String(laneY(unit) - 1)}px`,
            width: `${String(width - 2)}px`,
            height: `${String(lane + 2)}px`,
          }}
        />
      )}
    </div>
  );
});

/** One station's lanes: a canvas placed over the belt. */
function Lanes(props: {
  values: ArrayLike<number>;
  scale: ValueScale;
  animate: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
}) {
  const { values, scale, animate, left, top, width, height } = props;
  const canvas = useStripCanvas(values, scale, { vertical: true, animate });
  return (
    <canvas
      ref={canvas}
      className="cell-belt__lanes"
      aria-hidden="true"
      style={{
        left: `${String(left)}px`,
        top: `${String(top)}px`,
        width: `${String(width)}px`,
        height: `${String(height)}px`,
      }}
    />
  );
}
