// The unrolled network over the whole text, with its legend and its data table.
import { CELL_INFO } from '../../engine/cell';
import { useMemo } from 'react';
import { FORWARD_TEXT, nameChar } from '../../content/forward';
import { formatSeriesValue, SERIES_FORWARD_TEXT } from '../../content/forwardSeries';
import { formatPercent, formatProbability } from '../../content/format';
import type { ForwardResult } from '../../store/forward';
import { goToStep, moveRow, pickCell } from '../../store/forwardActions';
import { selectReducedMotion } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ColorLegend } from '../../viz/HeatStrip';
import { ShowData, type Cell } from '../../viz/ShowData';
import { UnrolledDiagram, type DiagramRow } from '../../viz/UnrolledDiagram';
import { columnsOf, directionsOf, gridOf, seriesStepOf, type StepColumn } from './derive';
import { scalesOf } from './scales';
import { withSubscripts } from './subscripts';
import { selectDirection, selectLayer, selectResult, selectStep, selectUnit } from './select';

/** A click on a grid cell picks its layer, direction and step. */
function onSelectCell(rows: readonly DiagramRow[], row: number, t: number): void {
  const picked = rows[row];
  if (picked !== undefined) pickCell(picked.layer, picked.direction, t);
}

export function DiagramSection() {
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const t = useAppStore(selectStep);
  const unit = useAppStore(selectUnit);
  const reducedMotion = useAppStore(selectReducedMotion);
  const complete = useAppStore((s) => s.forward.pass === 'backward');
  const columns = useMemo(
    () => (result === null ? [] : columnsOf(result, layer, direction)),
    [result, layer, direction],
  );
  const grid = useMemo(() => (result === null ? null : gridOf(result)), [result]);
  const selectCell = useMemo(
    () => (row: number, step: number) => onSelectCell(grid?.rows ?? [], row, step),
    [grid],
  );
  const scales = scalesOf(result);
  const lstm = result ? CELL_INFO[result.model.cell].hasCellState : false;
  const L = result?.trace.L ?? 1;

  const tagger = (result?.tagged ?? null) !== null;
  const table = useMemo(() => {
    if (result?.series !== undefined) return seriesTable(result, columns, unit, lstm);
    const h = direction === 1 ? 'h←_t' : tagger ? 'h→_t' : 'h_t';
    const heads = ['Step', 'Reads x_t', `${h}[${String(unit)}]`];
    if (lstm) heads.push(`c_t[${String(unit)}]`);
    if (tagger) heads.push('Tag', 'p(tag)', 'True tag', 'p(true tag)', 'Loss ℓ_t');
    else heads.push('Top guess', 'p(top guess)', 'Next character', 'p(next)', 'Loss ℓ_t');
    const rows: Cell[][] = columns.map((col) => {
      const top = col.guesses[0];
      const row: Cell[] = [String(col.t + 1), nameChar(col.char), col.h[unit] ?? Number.NaN];
      if (lstm) row.push(col.c?.[unit] ?? Number.NaN);
      row.push(
        top === undefined ? '–' : nameChar(top.char),
        top === undefined ? '–' : formatProbability(top.p),
        nameChar(col.target.char),
        col.target.p === null ? 'not in the vocabulary' : formatProbability(col.target.p),
        col.loss,
      );
      return row;
    });
    return { heads, rows };
  }, [result, columns, unit, lstm, tagger, direction]);

  if (result === null || grid === null) return null;
  const T = result.trace.T;
  const series = seriesStepOf(result, t);
  const topText =
    series !== null
      ? `ŷ = ${formatSeriesValue(series.predicted)}, y = ${formatSeriesValue(series.actual)}`
      : `${formatPercent(columns[t]?.guesses[0]?.p)} on its top ${tagger ? 'tag' : 'guess'}`;
  const D = directionsOf(result);
  const layerText =
    (L > 1 ? `, layer ${String(layer + 1)} of ${String(L)}` : '') +
    (D === 2 ? (direction === 1 ? ', backward' : ', forward') : '');
  return (
    <section className="fwd-diagram" aria-labelledby="fwd-diagram-h">
      <h2 id="fwd-diagram-h">The unrolled network</h2>
      {series !== null ? (
        <p className="fwd-lede">{withSubscripts(SERIES_FORWARD_TEXT.diagram)}</p>
      ) : tagger ? (
        <p className="fwd-lede">
          The tagger reads the text as its task does: {FORWARD_TEXT.taggerReads}{' '}
          <strong className="fwd-read">{result.chars.join('')}</strong>.
        </p>
      ) : (
        <p className="fwd-lede">
          The same cell, with the same weights, runs once per character. Each column is one
          timestep: the cell reads x<sub>t</sub> and the state it passed itself, and guesses the
          next character. Click a column to jump there.
        </p>
      )}
      {D === 2 && (
        <p className="fwd-lede" data-testid="bidirectional-steps">
          {withSubscripts(FORWARD_TEXT.bidirectional)}
        </p>
      )}
      {L > 1 && (
        <p className="fwd-lede">
          With {L} layers the network is a grid: layer 1 reads x<sub>t</sub>, each layer above reads
          the state h<sub>t</sub> of the layer below at the same step, and the{' '}
          {tagger ? 'tag comes' : series !== null ? 'prediction comes' : 'guesses come'} from the
          top layer. Click a cell, or use ↑ and ↓ (← and → step) while the diagram has focus, to see
          that cell’s gates and equations below.
        </p>
      )}
      <UnrolledDiagram
        columns={grid.columns}
        rows={grid.rows}
        current={t}
        complete={complete}
        row={layer * D + direction}
        unit={unit}
        hScale={scales.h}
        cScale={lstm ? scales.c : null}
        onSelectStep={goToStep}
        onSelectCell={selectCell}
        onMoveRow={moveRow}
        reducedMotion={reducedMotion}
        label={`Unrolled network over ${String(T)} steps${layerText}; step ${String(t + 1)} is highlighted (${topText}).`}
      />
      <div className="fwd-legends">
        <ColorLegend scale={scales.h} label="hidden state h (blue negative, red positive)" />
        {tagger && <p className="fwd-note">{FORWARD_TEXT.tagMarks}</p>}
        {lstm && <ColorLegend scale={scales.c} label="cell state c" />}
      </div>
      <ShowData
        caption={`The unrolled network${layerText}: each step’s input, the state of unit ${String(unit)}, the ${series !== null ? 'prediction' : tagger ? 'top tag' : 'top guess'} and the loss`}
        columns={table.heads}
        rows={table.rows}
        currentRow={t}
      />
    </section>
  );
}

/** A series model's table: each step's x_t and y_t, the unit's state, ŷ, y and the loss. */
function seriesTable(
  result: ForwardResult,
  columns: readonly StepColumn[],
  unit: number,
  lstm: boolean,
): { heads: string[]; rows: Cell[][] } {
  const h = result.series?.horizon ?? 1;
  const ahead = `t+${String(h)}`;
  const heads = ['Step', 'Reads x_t', 'Value y_t', `h_t[${String(unit)}]`];
  if (lstm) heads.push(`c_t[${String(unit)}]`);
  heads.push(`Prediction ŷ_${ahead}`, `Actual y_${ahead}`, 'Loss ℓ_t');
  const rows = columns.map((col): Cell[] => {
    const step = seriesStepOf(result, col.t);
    const row: Cell[] = [String(col.t + 1), step?.x ?? Number.NaN, formatSeriesValue(step?.read)];
    row.push(col.h[unit] ?? Number.NaN);
    if (lstm) row.push(col.c?.[unit] ?? Number.NaN);
    row.push(
      formatSeriesValue(step?.predicted),
      formatSeriesValue(step?.actual),
      step?.loss ?? Number.NaN,
    );
    return row;
  });
  return { heads, rows };
}
