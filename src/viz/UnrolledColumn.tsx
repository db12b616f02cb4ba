// One timestep of the unrolled diagram (UnrolledDiagram.tsx): its own small SVG with the
// character read, a cell per row (layer and direction) with the picture of its state and the value
// of the selected unit, the links to the neighbouring steps, and the guesses or the tag on top.
// Memoized, so a step re-renders only the columns whose state changed.
import { Fragment, memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nameChar, showChar } from '../content/forward';
import { formatPercent, formatValue } from '../content/format';
import { formatSeriesValue } from '../content/forwardSeries';
import {
  COL,
  GRID,
  GUESS_LINE,
  GUESS_TOP,
  rowTop,
  type ColumnState,
  type DiagramColumn,
  type DiagramRow,
  type DiagramTop,
  type Geometry,
} from './unrolledLayout';
import { clippedUnits, colorOf, domainOf, type ValueScale } from './valueScale';

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

export const Column = memo(function Column(props: ColumnProps) {
  const { column, rows, rowNames, ids, last, state, picked, unit, geo, hScale, cScale } = props;
  const { marker, onSelectStep, onSelectCell } = props;
  const { t, char, unknown, cells, top, x } = column;
  const { t: say } = useTranslation();
  const cellWidth = GRID + 12;
  const cellLeft = (COL - cellWidth) / 2;
  const gridLeft = (COL - GRID) / 2;
  const centre = COL / 2;
  const read = x === undefined ? nameChar(char) : `x = ${formatValue(x)}`;
  const title = say(unknown ? 'viz.unrolled.titleUnknown' : 'viz.unrolled.title', {
    step: String(t + 1),
    read,
  });
  // A real value needs a wider box than a character.
  const inputWidth = x === undefined ? 30 : COL - 12;
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
        <g
          className={`unrolled__input${x === undefined ? '' : ' unrolled__input--value'}${unknown ? ' is-unknown' : ''}`}
          data-sym="x"
        >
          <rect x={centre - inputWidth / 2} y={geo.xTop} width={inputWidth} height={28} rx={4} />
          <text x={centre} y={geo.xTop + 14} dy="0.35em" textAnchor="middle">
            {x === undefined ? showChar(char) : formatValue(x)}
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
        const step = String(t + 1);
        const name =
          (rowNames[k] ?? '') === ''
            ? say('viz.unrolled.cellNameBare', { step })
            : say('viz.unrolled.cellName', { row: capitalise(rowNames[k] ?? ''), step });
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
                  ? say('viz.unrolled.cellValue', {
                      name,
                      unit: String(unit < 0 ? 0 : unit),
                      value: formatValue(cell.h[unit < 0 ? 0 : unit]),
                    })
                  : say('viz.unrolled.cellWaiting', { name })
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

/** The guesses above the top layer, the tag read off it (a mistake marked), or ŷ and y. */
function TopText({ top, centre }: { top: DiagramTop; centre: number }) {
  if (top.kind === 'value')
    return (
      <g className="unrolled__value-top" data-sym="yhat">
        <text
          className="unrolled__guess is-top"
          x={centre}
          y={GUESS_TOP + GUESS_LINE - 2}
          textAnchor="middle"
        >
          ŷ {formatSeriesValue(top.predicted)}
        </text>
        <text
          className="unrolled__guess"
          x={centre}
          y={GUESS_TOP + 2 * GUESS_LINE - 2}
          textAnchor="middle"
        >
          y {formatSeriesValue(top.actual)}
        </text>
      </g>
    );
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
