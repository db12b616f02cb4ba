// The unrolled network: one column per timestep with the character read (x_t), the cell with a
// small picture of its state (c_t above h_t for the LSTM, one square per hidden unit), the value
// of the selected unit, and the top guesses for the next character. The current step is
// highlighted, earlier steps keep their values, later ones wait. Each column is its own small SVG
// and is memoized, so a step re-renders (and the browser repaints) only the two columns whose
// state changed; the state pictures are drawn as one path per colour band, not a rect per unit,
// to keep the page light. Props only; d3 computes the colour bands.
import { Fragment, memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { nameChar, showChar } from '../content/forward';
import { formatPercent, formatValue } from '../content/format';
import { SvgSym } from './Sym';
import { clippedUnits, colorOf, domainOf, type ValueScale } from './valueScale';

export interface DiagramCell {
  readonly h: ArrayLike<number>;
  /** c_t (LSTM), else null. */
  readonly c: ArrayLike<number> | null;
}

/** A row of the grid: one layer (and, in a bidirectional layer, one direction). */
export interface DiagramRow {
  /** 0-based; the bottom layer reads x_t. */
  readonly layer: number;
  /** 0: forward (h_{t−1} → h_t, left to right); 1: backward (h_{t+1} → h_t, right to left). */
  readonly direction: 0 | 1;
}

/** What sits above the top layer at a step: the guesses for the next character, or a tag. */
export type DiagramTop =
  | { readonly kind: 'guesses'; readonly guesses: readonly { char: string; p: number }[] }
  | {
      readonly kind: 'tag';
      /** The predicted class's label, its probability, and the true one's label. */
      readonly label: string;
      readonly p: number;
      readonly truth: string;
      readonly right: boolean;
    };

export interface DiagramColumn {
  readonly t: number;
  readonly char: string;
  readonly unknown: boolean;
  /** One per row of `rows`, in the same order (bottom row first). */
  readonly cells: readonly DiagramCell[];
  readonly top: DiagramTop;
}

export interface UnrolledDiagramProps {
  columns: readonly DiagramColumn[];
  /** The grid's rows, bottom first (layer 1 at the bottom, its backward row above its forward). */
  rows: readonly DiagramRow[];
  /** The current step (0-based). */
  current: number;
  /** The picked row (index into `rows`). */
  row: number;
  unit: number;
  hScale: ValueScale;
  /** LSTM only. */
  cScale: ValueScale | null;
  /** A click on a column (outside its cells) picks the step. */
  onSelectStep: (t: number) => void;
  /** A click on a cell picks its row and step. */
  onSelectCell: (row: number, t: number) => void;
  /** ↑ and ↓ while the diagram has focus move the picked row (+1 is up). */
  onMoveRow: (delta: number) => void;
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
/** Space between a row's value and the cell above it. */
const ROW_GAP = 14;
/** Above this many units the small state pictures are left out (only the unit's value). */
const MAX_PICTURE_UNITS = 256;

interface Geometry {
  readonly cols: number;
  readonly size: number;
  readonly gridH: number;
  readonly picture: boolean;
  readonly lstm: boolean;
  /** Offsets inside a row, from the top of its cell: the c grid (LSTM), the h grid, the cell's
   * bottom and the unit's value. */
  readonly cDy: number;
  readonly hDy: number;
  readonly boxH: number;
  readonly valueDy: number;
  /** Height of one row, gap included. */
  readonly band: number;
  readonly rows: number;
  readonly xTop: number;
  readonly height: number;
}

function geometry(H: number, lstm: boolean, rows: number): Geometry {
  const picture = H <= MAX_PICTURE_UNITS;
  const cols = Math.max(8, Math.ceil(Math.sqrt(H)));
  const size = GRID / cols;
  const gridH = picture ? Math.ceil(H / cols) * size : 0;
  const cDy = 10;
  const hDy = lstm && picture ? cDy + gridH + 8 : cDy;
  const boxH = (picture ? hDy + gridH : cDy + 8) + 10;
  const valueDy = boxH + 16;
  const band = valueDy + 4 + ROW_GAP;
  const xTop = CELL_TOP + rows * band - ROW_GAP + 10;
  return {
    cols,
    size,
    gridH,
    picture,
    lstm,
    cDy,
    hDy,
    boxH,
    valueDy,
    band,
    rows,
    xTop,
    height: xTop + 46,
  };
}

/** The top of row r's cell (row 0 is the bottom one). */
function rowTop(geo: Geometry, r: number): number {
  return CELL_TOP + (geo.rows - 1 - r) * geo.band;
}

/** Words for a row: “layer 2”, “layer 1, backward”. */
export function rowName(row: DiagramRow, rows: readonly DiagramRow[]): string {
  const layers = new Set(rows.map((r) => r.layer)).size;
  const both = rows.some((r) => r.direction === 1);
  const parts: string[] = [];
  if (layers > 1 || !both) parts.push(`layer ${String(row.layer + 1)}`);
  if (both) parts.push(row.direction === 0 ? 'forward' : 'backward');
  return parts.join(', ');
}

export const UnrolledDiagram = memo(function UnrolledDiagram(props: UnrolledDiagramProps) {
  const { columns, rows, current, row, unit, hScale, cScale, reducedMotion, label } = props;
  const { onSelectStep, onSelectCell, onMoveRow } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The scroller's width and scroll position, kept up to date by events so that keeping the
  // current column in view never forces a layout in the middle of a step.
  const view = useRef({ width: 0, left: 0 });
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const marker = `arrow-${ids}`;
  const T = columns.length;
  const H = columns[0]?.cells[0]?.h.length ?? 0;
  const lstm = cScale !== null;
  const R = Math.max(1, rows.length);
  const geo = useMemo(() => geometry(H, lstm, R), [H, lstm, R]);
  const backward = rows.some((r) => r.direction === 1);
  const layers = new Set(rows.map((r) => r.layer)).size;

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

  const rowNames = useMemo(() => rows.map((r) => rowName(r, rows)), [rows]);
  return (
    <div
      ref={scroller}
      className="diagram-scroll"
      tabIndex={0}
      role="group"
      aria-label={label}
      aria-activedescendant={`${ids}-cell-${String(row)}-${String(current)}`}
      onKeyDown={(event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
        event.preventDefault();
        onMoveRow(event.key === 'ArrowUp' ? 1 : -1);
      }}
    >
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
            {columns[0]?.top.kind === 'tag' ? 'tag' : 'guesses'}
          </text>
          {rows.map((r, k) => {
            const top = rowTop(geo, k);
            const midH = top + (geo.picture ? geo.hDy + geo.gridH / 2 : geo.cDy + 4);
            const symbol = backward ? (r.direction === 0 ? 'h→_t' : 'h←_t') : 'h_t';
            return (
              <g key={k}>
                {layers > 1 && rows[k + 1]?.layer !== r.layer && (
                  <text className="unrolled__row-name" x={4} y={top - 3}>
                    layer {r.layer + 1}
                  </text>
                )}
                {geo.lstm && geo.picture && (
                  <text x={4} y={top + geo.cDy + geo.gridH / 2} dy="0.35em" data-sym="c">
                    <SvgSym symbol="c_t" />
                  </text>
                )}
                <text x={4} y={midH} dy="0.35em" data-sym="h">
                  <SvgSym symbol={symbol} />
                </text>
                <text x={4} y={top + geo.valueDy} data-sym="h">
                  <SvgSym symbol={symbol} />
                  <tspan dy="-0.3em">[{unit}]</tspan>
                </text>
                {r.direction === 0 && (
                  <text
                    className="unrolled__initial"
                    x={LEFT - 8}
                    y={top + geo.boxH - 4}
                    textAnchor="end"
                  >
                    0
                  </text>
                )}
              </g>
            );
          })}
          <text x={4} y={geo.xTop + 18} data-sym="x">
            <SvgSym symbol="x_t" />
          </text>
        </svg>
        {columns.map((column) => (
          <Column
            key={column.t}
            column={column}
            rows={rows}
            rowNames={rowNames}
            ids={ids}
            last={column.t === T - 1}
            state={column.t < current ? 'past' : column.t === current ? 'current' : 'future'}
            picked={column.t === current ? row : -1}
            unit={column.t <= current || backward ? unit : -1}
            geo={geo}
            hScale={hScale}
            cScale={cScale}
            marker={marker}
            onSelectStep={onSelectStep}
            onSelectCell={onSelectCell}
          />
        ))}
      </div>
    </div>
  );
});

interface ColumnProps {
  column: DiagramColumn;
  rows: readonly DiagramRow[];
  rowNames: readonly string[];
  /** The diagram's id prefix (cells are named `${ids}-cell-${row}-${t}`). */
  ids: string;
  last: boolean;
  state: ColumnState;
  /** The picked row at the current step (−1 elsewhere, so other columns' props do not change). */
  picked: number;
  /** The selected unit (−1 for a step not yet reached, so its props do not change with the unit). */
  unit: number;
  geo: Geometry;
  hScale: ValueScale;
  cScale: ValueScale | null;
  marker: string;
  onSelectStep: (t: number) => void;
  onSelectCell: (row: number, t: number) => void;
}

const Column = memo(function Column(props: ColumnProps) {
  const { column, rows, rowNames, ids, last, state, picked, unit, geo, hScale, cScale } = props;
  const { marker, onSelectStep, onSelectCell } = props;
  const { t, char, unknown, cells, top } = column;
  const cellWidth = GRID + 12;
  const cellLeft = (COL - cellWidth) / 2;
  const gridLeft = (COL - GRID) / 2;
  const centre = COL / 2;
  const title = `Step ${String(t + 1)}: reads ${nameChar(char)}${unknown ? ' (not in the vocabulary)' : ''}`;
  const topRow = rowTop(geo, rows.length - 1);
  // A forward row has computed the steps up to the current one; a backward row ran over the
  // whole text before the first step.
  const filled = (r: DiagramRow) => r.direction === 1 || state !== 'future';
  const topShown = rows.every(filled);
  return (
    <svg
      className={`unrolled__col is-${state}`}
      data-step={t}
      width={COL}
      height={geo.height}
      viewBox={`0 0 ${String(COL)} ${String(geo.height)}`}
      role="group"
      aria-label={title}
      focusable="false"
      onClick={() => onSelectStep(t)}
    >
      <title>{title}</title>
      <g aria-hidden="true">
        <rect className="unrolled__col-bg" x={2} y={0} width={COL - 4} height={geo.height} rx={6} />
        {/* x_t → the bottom cell, each cell → the one above, the top cell → the guesses */}
        <g className="unrolled__link">
          <line
            x1={centre}
            x2={centre}
            y1={geo.xTop - 1}
            y2={rowTop(geo, 0) + geo.boxH + 2}
            markerEnd={`url(#${marker})`}
          />
          {rows.slice(1).map((_, k) => (
            <line
              key={k}
              x1={centre}
              x2={centre}
              y1={rowTop(geo, k) - 1}
              y2={rowTop(geo, k + 1) + geo.boxH + 2}
              markerEnd={`url(#${marker})`}
            />
          ))}
          <line
            x1={centre}
            x2={centre}
            y1={topRow - 2}
            y2={GUESS_TOP + 3 * GUESS_LINE + 6}
            markerEnd={`url(#${marker})`}
          />
        </g>
        {topShown && <TopText top={top} centre={centre} />}
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
      </g>
      {rows.map((r, k) => {
        const cell = cells[k];
        const y = rowTop(geo, k);
        const shown = filled(r) && cell !== undefined;
        const linkYs = [y + (geo.picture ? geo.hDy + geo.gridH / 2 : geo.cDy + 4)];
        if (geo.lstm && geo.picture) linkYs.push(y + geo.cDy + geo.gridH / 2);
        const isPicked = k === picked;
        const name = `${rowNames[k] === '' ? '' : `${capitalise(rowNames[k] ?? '')}, `}step ${String(t + 1)}`;
        return (
          <Fragment key={k}>
            <g
              id={`${ids}-cell-${String(k)}-${String(t)}`}
              className={`unrolled__grid-cell${isPicked ? ' is-picked' : ''}${shown ? '' : ' is-waiting'}`}
              data-row={k}
              data-layer={r.layer}
              data-direction={r.direction}
              role="button"
              aria-label={
                shown
                  ? `${name}: h[${String(unit < 0 ? 0 : unit)}] = ${formatValue(cell.h[unit < 0 ? 0 : unit])}`
                  : `${name}: not computed yet`
              }
              aria-pressed={isPicked}
              onClick={(event) => {
                event.stopPropagation();
                onSelectCell(k, t);
              }}
            >
              {/* h_{t−1} → h_t (c too) enters from the left and leaves to the right; a backward
                row's h_{t+1} → h_t runs the other way. */}
              {linkYs.map((ly, m) => (
                <g
                  key={ly}
                  aria-hidden="true"
                  className={`unrolled__link${m === 1 ? ' unrolled__link--c' : ''}${r.direction === 1 ? ' unrolled__link--back' : ''}`}
                >
                  {r.direction === 0 ? (
                    <>
                      <line
                        x1={0}
                        x2={cellLeft - 1}
                        y1={ly}
                        y2={ly}
                        markerEnd={`url(#${marker})`}
                      />
                      {!last && <line x1={cellLeft + cellWidth} x2={COL} y1={ly} y2={ly} />}
                    </>
                  ) : (
                    <>
                      <line
                        x1={COL}
                        x2={cellLeft + cellWidth + 1}
                        y1={ly}
                        y2={ly}
                        markerEnd={`url(#${marker})`}
                      />
                      {t > 0 && <line x1={cellLeft} x2={0} y1={ly} y2={ly} />}
                    </>
                  )}
                </g>
              ))}
              <rect
                className="unrolled__cell"
                x={cellLeft}
                y={y}
                width={cellWidth}
                height={geo.boxH}
                rx={6}
              />
              {shown && geo.picture && cScale !== null && cell.c !== null && (
                <g data-sym="c">
                  <StateGrid
                    values={cell.c}
                    x={gridLeft}
                    y={y + geo.cDy}
                    geo={geo}
                    scale={cScale}
                    unit={unit}
                  />
                </g>
              )}
              {shown && geo.picture && (
                <g data-sym="h">
                  <StateGrid
                    values={cell.h}
                    x={gridLeft}
                    y={y + geo.hDy}
                    geo={geo}
                    scale={hScale}
                    unit={unit}
                  />
                </g>
              )}
              {shown && (
                <text
                  className="unrolled__value"
                  x={centre}
                  y={y + geo.valueDy}
                  textAnchor="middle"
                  data-sym="h"
                  aria-hidden="true"
                >
                  {formatValue(cell.h[unit])}
                </text>
              )}
            </g>
            {/* The backward direction starts from zero after the last character (outside the cell's
              button, so its name stays the words it shows). */}
            {r.direction === 1 && last && (
              <text
                className="unrolled__initial"
                x={COL - 3}
                y={(linkYs[0] ?? y) - 5}
                textAnchor="end"
                aria-hidden="true"
              >
                0
              </text>
            )}
          </Fragment>
        );
      })}
    </svg>
  );
});

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The guesses above the top layer, or the tag read off it (a mistake marked). */
function TopText({ top, centre }: { top: DiagramTop; centre: number }) {
  if (top.kind === 'guesses')
    return (
      <>
        {top.guesses.map((g, k) => (
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
      </>
    );
  return (
    <g className={`unrolled__tag${top.right ? ' is-right' : ' is-wrong'}`} data-sym="p">
      <text
        className="unrolled__guess is-top"
        x={centre}
        y={GUESS_TOP + GUESS_LINE - 2}
        textAnchor="middle"
      >
        {top.label}
      </text>
      <text
        className="unrolled__guess"
        x={centre}
        y={GUESS_TOP + 2 * GUESS_LINE - 2}
        textAnchor="middle"
      >
        {formatPercent(top.p).replace(' %', '%')}
      </text>
      <text
        className="unrolled__tag-truth"
        x={centre}
        y={GUESS_TOP + 3 * GUESS_LINE - 2}
        textAnchor="middle"
      >
        {top.right ? '✓' : `✗ ${top.truth}`}
      </text>
    </g>
  );
}

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
