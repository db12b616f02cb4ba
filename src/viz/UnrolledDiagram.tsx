// The unrolled network: one column per timestep with the character read (x_t), the cell with a
// small picture of its state (c_t above h_t for the LSTM, one square per hidden unit), the value
// of the selected unit, and the top guesses for the next character. The current step is
// highlighted, earlier steps keep their values, later ones wait. Each column is its own small SVG
// and is memoized, so a step re-renders (and the browser repaints) only the two columns whose
// state changed; the state pictures are drawn as one path per colour band, not a rect per unit,
// to keep the page light. Props only; d3 computes the colour bands.
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { nameChar, showChar } from '../content/forward';
import { formatPercent, formatValue } from '../content/format';
import { SvgSym } from './Sym';
import { clippedUnits, colorOf, domainOf, type ValueScale } from './valueScale';

export interface DiagramColumn {
  readonly t: number;
  readonly char: string;
  readonly unknown: boolean;
  readonly h: ArrayLike<number>;
  readonly c: ArrayLike<number> | null;
  readonly guesses: readonly { char: string; p: number }[];
}

export interface UnrolledDiagramProps {
  columns: readonly DiagramColumn[];
  /** The current step (0-based). */
  current: number;
  unit: number;
  hScale: ValueScale;
  /** LSTM only. */
  cScale: ValueScale | null;
  onSelectStep: (t: number) => void;
  reducedMotion: boolean;
  /** Accessible name of the scroll region. */
  label: string;
}

type ColumnState = 'past' | 'current' | 'future';

const COL = 72;
const LEFT = 72;
const GRID = 40;
const GUESS_TOP = 4;
const GUESS_LINE = 16;
const CELL_TOP = GUESS_TOP + 3 * GUESS_LINE + 22;
/** Above this many units the small state pictures are left out (only the unit's value). */
const MAX_PICTURE_UNITS = 256;

interface Geometry {
  readonly cols: number;
  readonly size: number;
  readonly gridH: number;
  readonly picture: boolean;
  readonly lstm: boolean;
  /** y of the c grid (LSTM) and the h grid inside the column. */
  readonly cY: number;
  readonly hY: number;
  readonly cellBottom: number;
  readonly valueY: number;
  readonly xTop: number;
  readonly height: number;
}

function geometry(H: number, lstm: boolean): Geometry {
  const picture = H <= MAX_PICTURE_UNITS;
  const cols = Math.max(8, Math.ceil(Math.sqrt(H)));
  const size = GRID / cols;
  const gridH = picture ? Math.ceil(H / cols) * size : 0;
  const cY = CELL_TOP + 10;
  const hY = lstm && picture ? cY + gridH + 8 : cY;
  const cellBottom = (picture ? hY + gridH : cY + 8) + 10;
  const valueY = cellBottom + 16;
  const xTop = valueY + 14;
  return { cols, size, gridH, picture, lstm, cY, hY, cellBottom, valueY, xTop, height: xTop + 46 };
}

export const UnrolledDiagram = memo(function UnrolledDiagram(props: UnrolledDiagramProps) {
  const { columns, current, unit, hScale, cScale, onSelectStep, reducedMotion, label } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The scroller's width and scroll position, kept up to date by events so that keeping the
  // current column in view never forces a layout in the middle of a step.
  const view = useRef({ width: 0, left: 0 });
  const marker = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const T = columns.length;
  const H = columns[0]?.h.length ?? 0;
  const lstm = cScale !== null;
  const geo = useMemo(() => geometry(H, lstm), [H, lstm]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    view.current = { width: element.clientWidth, left: element.scrollLeft };
    const onScroll = () => {
      view.current.left = element.scrollLeft;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            for (const entry of entries) view.current.width = entry.contentRect.width;
          });
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);

  // Keep the current column in view (smoothly unless the system asks for reduced motion).
  useEffect(() => {
    const element = scroller.current;
    const { width, left: scrolled } = view.current;
    if (element === null || width === 0) return;
    const left = LEFT + current * COL - 8;
    const right = left + COL + 16;
    if (left >= scrolled && right <= scrolled + width) return;
    const target = Math.max(0, left - (width - COL) / 2);
    view.current.left = target;
    if (typeof element.scrollTo === 'function')
      element.scrollTo({ left: target, behavior: reducedMotion ? 'auto' : 'smooth' });
    else element.scrollLeft = target;
  }, [current, reducedMotion]);

  const midH = geo.hY + geo.gridH / 2;
  const midC = geo.cY + geo.gridH / 2;
  return (
    <div ref={scroller} className="diagram-scroll" tabIndex={0} role="group" aria-label={label}>
      <div className="unrolled" style={{ width: `${String(LEFT + T * COL + 8)}px` }}>
        <svg
          className="unrolled__labels"
          width={LEFT}
          height={geo.height}
          viewBox={`0 0 ${String(LEFT)} ${String(geo.height)}`}
          aria-hidden="true"
          focusable="false"
        >
          <defs>
            <marker
              id={marker}
              viewBox="0 0 8 8"
              refX={7}
              refY={4}
              markerWidth={7}
              markerHeight={7}
              orient="auto-start-reverse"
            >
              <path d="M0,0 L8,4 L0,8 z" className="unrolled__arrowhead" />
            </marker>
          </defs>
          <text x={4} y={GUESS_TOP + GUESS_LINE} data-sym="p">
            guesses
          </text>
          {geo.lstm && geo.picture && (
            <text x={4} y={midC} dy="0.35em" data-sym="c">
              <SvgSym symbol="c_t" />
            </text>
          )}
          <text x={4} y={geo.picture ? midH : geo.cY + 4} dy="0.35em" data-sym="h">
            <SvgSym symbol="h_t" />
          </text>
          <text x={4} y={geo.valueY} data-sym="h">
            <SvgSym symbol="h_t" />
            <tspan dy="-0.3em">[{unit}]</tspan>
          </text>
          <text x={4} y={geo.xTop + 18} data-sym="x">
            <SvgSym symbol="x_t" />
          </text>
          <text className="unrolled__initial" x={LEFT - 8} y={geo.cellBottom - 4} textAnchor="end">
            0
          </text>
        </svg>
        {columns.map((column) => (
          <Column
            key={column.t}
            column={column}
            last={column.t === T - 1}
            state={column.t < current ? 'past' : column.t === current ? 'current' : 'future'}
            unit={column.t <= current ? unit : -1}
            geo={geo}
            hScale={hScale}
            cScale={cScale}
            marker={marker}
            onSelectStep={onSelectStep}
          />
        ))}
      </div>
    </div>
  );
});

interface ColumnProps {
  column: DiagramColumn;
  last: boolean;
  state: ColumnState;
  /** The selected unit (−1 for a future step, so its props do not change with the unit). */
  unit: number;
  geo: Geometry;
  hScale: ValueScale;
  cScale: ValueScale | null;
  marker: string;
  onSelectStep: (t: number) => void;
}

const Column = memo(function Column(props: ColumnProps) {
  const { column, last, state, unit, geo, hScale, cScale, marker, onSelectStep } = props;
  const { t, char, unknown, h, c, guesses } = column;
  const waiting = state === 'future';
  const cellWidth = GRID + 12;
  const cellLeft = (COL - cellWidth) / 2;
  const gridLeft = (COL - GRID) / 2;
  const centre = COL / 2;
  const linkYs = [geo.picture ? geo.hY + geo.gridH / 2 : geo.cY + 4];
  if (geo.lstm && geo.picture) linkYs.push(geo.cY + geo.gridH / 2);
  const title = `Step ${String(t + 1)}: reads ${nameChar(char)}${unknown ? ' (not in the vocabulary)' : ''}`;
  return (
    <svg
      className={`unrolled__col is-${state}`}
      data-step={t}
      width={COL}
      height={geo.height}
      viewBox={`0 0 ${String(COL)} ${String(geo.height)}`}
      aria-hidden="true"
      focusable="false"
      onClick={() => onSelectStep(t)}
    >
      <title>{title}</title>
      <rect className="unrolled__col-bg" x={2} y={0} width={COL - 4} height={geo.height} rx={6} />
      {/* h_{t−1} → h_t (and c_{t−1} → c_t): the arrow comes in from the left edge, and leaves
          by the right edge towards the next column. */}
      {linkYs.map((y, k) => (
        <g key={y} className={`unrolled__link${k === 1 ? ' unrolled__link--c' : ''}`}>
          <line x1={0} x2={cellLeft - 1} y1={y} y2={y} markerEnd={`url(#${marker})`} />
          {!last && <line x1={cellLeft + cellWidth} x2={COL} y1={y} y2={y} />}
        </g>
      ))}
      {/* x_t → cell, cell → guesses */}
      <g className="unrolled__link">
        <line
          x1={centre}
          x2={centre}
          y1={geo.xTop - 1}
          y2={geo.cellBottom + 2}
          markerEnd={`url(#${marker})`}
        />
        <line
          x1={centre}
          x2={centre}
          y1={CELL_TOP - 2}
          y2={GUESS_TOP + 3 * GUESS_LINE + 6}
          markerEnd={`url(#${marker})`}
        />
      </g>
      <rect
        className="unrolled__cell"
        x={cellLeft}
        y={CELL_TOP}
        width={cellWidth}
        height={geo.cellBottom - CELL_TOP}
        rx={6}
      />
      {!waiting && geo.picture && cScale !== null && c !== null && (
        <g data-sym="c">
          <StateGrid values={c} x={gridLeft} y={geo.cY} geo={geo} scale={cScale} unit={unit} />
        </g>
      )}
      {!waiting && geo.picture && (
        <g data-sym="h">
          <StateGrid values={h} x={gridLeft} y={geo.hY} geo={geo} scale={hScale} unit={unit} />
        </g>
      )}
      {!waiting && (
        <text
          className="unrolled__value"
          x={centre}
          y={geo.valueY}
          textAnchor="middle"
          data-sym="h"
        >
          {formatValue(h[unit])}
        </text>
      )}
      {!waiting &&
        guesses.map((g, k) => (
          <text
            key={k}
            className={`unrolled__guess${k === 0 ? ' is-top' : ''}`}
            x={centre}
            y={GUESS_TOP + (k + 1) * GUESS_LINE - 2}
            textAnchor="middle"
          >
            {showChar(g.char)} {formatPercent(g.p).replace(' %', '%')}
          </text>
        ))}
      <g className={`unrolled__input${unknown ? ' is-unknown' : ''}`} data-sym="x">
        <rect x={centre - 15} y={geo.xTop} width={30} height={28} rx={4} />
        <text x={centre} y={geo.xTop + 14} dy="0.35em" textAnchor="middle">
          {showChar(char)}
        </text>
        {unknown && (
          <text
            className="unrolled__unknown-mark"
            x={centre + 17}
            y={geo.xTop + 2}
            textAnchor="middle"
          >
            ?
          </text>
        )}
      </g>
      <text className="unrolled__step" x={centre} y={geo.height - 4} textAnchor="middle">
        {t + 1}
      </text>
    </svg>
  );
});

/** Colour bands of the state pictures: values are drawn in this many shades. */
const BANDS = 21;

/**
 * A state vector as a small grid of squares, one per unit, drawn as one path per colour band
 * (at most BANDS elements instead of one per unit), with the selected unit outlined.
 */
function StateGrid({
  values,
  x,
  y,
  geo,
  scale,
  unit,
}: {
  values: ArrayLike<number>;
  x: number;
  y: number;
  geo: Geometry;
  scale: ValueScale;
  unit: number;
}) {
  const { cols, size } = geo;
  const bands = useMemo(() => {
    const [lo, hi] = domainOf(scale);
    const color = colorOf(scale);
    const paths = new Map<number, string>();
    const s = (size + 0.2).toFixed(2);
    for (let j = 0; j < values.length; j++) {
      const v = values[j]!;
      if (!Number.isFinite(v)) continue;
      const u = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
      const band = Math.round(u * (BANDS - 1));
      const px = (x + (j % cols) * size).toFixed(2);
      const py = (y + Math.floor(j / cols) * size).toFixed(2);
      paths.set(band, `${paths.get(band) ?? ''}M${px} ${py}h${s}v${s}h-${s}z`);
    }
    return [...paths].map(([band, d]) => ({
      band,
      d,
      fill: color(lo + (band / (BANDS - 1)) * (hi - lo)),
    }));
  }, [values, x, y, cols, size, scale]);
  // Values beyond a clipping scale (the cell state's ±3) take its end colour and a dot.
  const clipped = useMemo(() => clippedUnits(values, scale), [values, scale]);
  return (
    <>
      {bands.map((b) => (
        <path key={b.band} d={b.d} style={{ fill: b.fill }} />
      ))}
      {clipped.map(({ unit: j }) => (
        <circle
          key={`clip-${String(j)}`}
          className="unrolled__clip"
          data-clipped={j}
          cx={x + (j % cols) * size + size / 2}
          cy={y + Math.floor(j / cols) * size + size / 2}
          r={Math.max(0.8, size * 0.22)}
        />
      ))}
      {unit >= 0 && unit < values.length && (
        <rect
          className="unrolled__unit"
          x={x + (unit % cols) * size - 0.5}
          y={y + Math.floor(unit / cols) * size - 0.5}
          width={size + 1}
          height={size + 1}
        />
      )}
    </>
  );
}
