// The unrolled network over the whole text, with its legend and its data table.
import { CELL_INFO } from '../../engine/cell';
import { useMemo } from 'react';
import { nameChar } from '../../content/forward';
import { formatSeriesValue } from '../../content/forwardSeries';
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
import { useWords, type Tr } from './words';

/** A click on a grid cell picks its layer, direction and step. */
function onSelectCell(rows: readonly DiagramRow[], row: number, t: number): void {
  const picked = rows[row];
  if (picked !== undefined) pickCell(picked.layer, picked.direction, t);
}

export function DiagramSection() {
  const { tr, locale } = useWords();
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
    if (result?.series !== undefined) return seriesTable(tr, result, columns, unit, lstm);
    const h = direction === 1 ? 'h←_t' : tagger ? 'h→_t' : 'h_t';
    const c = (key: keyof typeof COLUMN_KEYS) => tr(COLUMN_KEYS[key]);
    const heads = [c('step'), c('reads'), `${h}[${String(unit)}]`];
    if (lstm) heads.push(`c_t[${String(unit)}]`);
    if (tagger) heads.push(c('tag'), c('pTag'), c('trueTag'), c('pTrueTag'), c('loss'));
    else heads.push(c('top'), c('pTop'), c('next'), c('pNext'), c('loss'));
    const name = (ch: string) => nameChar(ch, locale);
    const rows: Cell[][] = columns.map((col) => {
      const top = col.guesses[0];
      const row: Cell[] = [String(col.t + 1), name(col.char), col.h[unit] ?? Number.NaN];
      if (lstm) row.push(col.c?.[unit] ?? Number.NaN);
      row.push(
        top === undefined ? '–' : name(top.char),
        top === undefined ? '–' : formatProbability(top.p),
        name(col.target.char),
        col.target.p === null ? tr('forward.diagram.notInVocab') : formatProbability(col.target.p),
        col.loss,
      );
      return row;
    });
    return { heads, rows };
  }, [result, columns, unit, lstm, tagger, direction, tr, locale]);

  if (result === null || grid === null) return null;
  const T = result.trace.T;
  const series = seriesStepOf(result, t);
  const topText =
    series !== null
      ? `ŷ = ${formatSeriesValue(series.predicted)}${tr('forward.sep')}y = ${formatSeriesValue(series.actual)}`
      : tr(tagger ? 'forward.diagram.topTag' : 'forward.diagram.topGuess', {
          p: formatPercent(columns[t]?.guesses[0]?.p, locale),
        });
  const D = directionsOf(result);
  const layerText =
    (L > 1 ? tr('forward.where.layerOf', { layer: layer + 1, L }) : '') +
    (D === 2 ? tr(direction === 1 ? 'forward.where.backward' : 'forward.where.forward') : '');
  return (
    <section className="fwd-diagram" aria-labelledby="fwd-diagram-h">
      <h2 id="fwd-diagram-h">{tr('forward.diagram.heading')}</h2>
      {series !== null ? (
        <p className="fwd-lede">{withSubscripts(tr('forward.series.diagram'))}</p>
      ) : tagger ? (
        <p className="fwd-lede">
          {tr('forward.diagram.tagger')}{' '}
          <strong className="fwd-read" translate="no">
            {result.chars.join('')}
          </strong>
          {tr('forward.stop')}
        </p>
      ) : (
        <p className="fwd-lede">{withSubscripts(tr('forward.diagram.lede'))}</p>
      )}
      {D === 2 && (
        <p className="fwd-lede" data-testid="bidirectional-steps">
          {withSubscripts(tr('forward.diagram.bidirectional'))}
        </p>
      )}
      {L > 1 && (
        <p className="fwd-lede">
          {withSubscripts(
            tr('forward.diagram.grid', {
              L,
              what: tr(
                tagger
                  ? 'forward.diagram.gridTag'
                  : series !== null
                    ? 'forward.diagram.gridPrediction'
                    : 'forward.diagram.gridGuesses',
              ),
            }),
          )}
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
        label={tr('forward.diagram.label', { T, layer: layerText, t: t + 1, top: topText })}
      />
      <div className="fwd-legends">
        <ColorLegend scale={scales.h} label={tr('forward.diagram.legendH')} />
        {tagger && <p className="fwd-note">{tr('forward.diagram.tagMarks')}</p>}
        {lstm && <ColorLegend scale={scales.c} label={tr('forward.diagram.legendC')} />}
      </div>
      <ShowData
        caption={tr('forward.diagram.table', {
          layer: layerText,
          unit,
          what: tr(
            series !== null
              ? 'forward.diagram.tablePrediction'
              : tagger
                ? 'forward.diagram.tableTag'
                : 'forward.diagram.tableGuess',
          ),
        })}
        columns={table.heads}
        rows={table.rows}
        currentRow={t}
      />
    </section>
  );
}

/** A series model's table: each step's x_t and y_t, the unit's state, ŷ, y and the loss. */
/** The data table's column headings. */
const COLUMN_KEYS = {
  step: 'forward.diagram.columns.step',
  reads: 'forward.diagram.columns.reads',
  value: 'forward.diagram.columns.value',
  tag: 'forward.diagram.columns.tag',
  pTag: 'forward.diagram.columns.pTag',
  trueTag: 'forward.diagram.columns.trueTag',
  pTrueTag: 'forward.diagram.columns.pTrueTag',
  loss: 'forward.diagram.columns.loss',
  top: 'forward.diagram.columns.top',
  pTop: 'forward.diagram.columns.pTop',
  next: 'forward.diagram.columns.next',
  pNext: 'forward.diagram.columns.pNext',
} as const;

function seriesTable(
  tr: Tr,
  result: ForwardResult,
  columns: readonly StepColumn[],
  unit: number,
  lstm: boolean,
): { heads: string[]; rows: Cell[][] } {
  const h = result.series?.horizon ?? 1;
  const ahead = `t+${String(h)}`;
  const heads = [
    tr(COLUMN_KEYS.step),
    tr(COLUMN_KEYS.reads),
    tr(COLUMN_KEYS.value),
    `h_t[${String(unit)}]`,
  ];
  if (lstm) heads.push(`c_t[${String(unit)}]`);
  heads.push(
    tr('forward.diagram.columns.prediction', { ahead }),
    tr('forward.diagram.columns.actual', { ahead }),
    tr(COLUMN_KEYS.loss),
  );
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
