// The LSTM's cell state as a conveyor belt from c_{t−1} to c_t: every hidden unit is a lane that
// runs left to right through c_{t−1}, × the forget gate f_t, what is kept, + what the input gate
// writes (i_t ⊙ g_t), and c_t. The selected unit's lane is outlined and its numbers are written
// under each station. The lanes of each station are a canvas (one pixel per unit, stretched), so
// a step costs no DOM updates; the words and numbers are SVG above it. Props only; d3 places the
// stations.
import { scaleBand } from 'd3-scale';
import { memo } from 'react';
import { formatValue } from '../content/format';
import { SvgSym } from './Sym';
import { useChartWidth } from './useChartWidth';
import { useStripCanvas } from './useStripCanvas';
import type { ValueScale } from './valueScale';

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
  /** Ease colours from one step to the next (false: jump, for reduced motion). */
  animate?: boolean;
}

interface Station {
  readonly key: string;
  /** Trace name the station links to (data-sym), if any. */
  readonly sym: string | null;
  readonly title: string;
  readonly values: ArrayLike<number>;
  readonly gate: boolean;
}

const HEAD = 22;
const FOOT = 26;
const OPS = ['×', '=', '+', '='] as const;

export const CellBelt = memo(function CellBelt(props: CellBeltProps) {
  const { cPrev, f, kept, written, c, cellScale, gateScale, unit, animate = true } = props;
  const [ref, width] = useChartWidth<HTMLDivElement>(480);
  const H = c.length;
  const lane = Math.max(1.5, Math.min(6, 128 / Math.max(1, H)));
  const beltHeight = lane * H;
  const height = HEAD + beltHeight + FOOT;
  const stations: Station[] = [
    { key: 'cprev', sym: 'cprev', title: 'c_{t−1}', values: cPrev, gate: false },
    { key: 'f', sym: 'f', title: 'f_t', values: f, gate: true },
    { key: 'kept', sym: null, title: 'kept', values: kept, gate: false },
    { key: 'written', sym: 'i', title: 'i⊙g_t', values: written, gate: false },
    { key: 'c', sym: 'c', title: 'c_t', values: c, gate: false },
  ];
  const x = scaleBand<string>()
    .domain(stations.map((s) => s.key))
    .range([0, width])
    .paddingInner(0.32)
    .paddingOuter(0.05);
  const band = x.bandwidth();
  const laneY = (j: number) => HEAD + j * lane;

  return (
    <div ref={ref} className="cell-belt">
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
                {s.title === 'kept' ? 'kept' : <SvgSym symbol={s.title} />}
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
