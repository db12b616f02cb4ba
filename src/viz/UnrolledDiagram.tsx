// The unrolled network: one column per timestep with the character read (x_t), the cell with a
// small picture of its state (c_t above h_t for the LSTM, one square per hidden unit), the value
// of the selected unit, and the top guesses for the next character. The current step is
// highlighted, earlier steps keep their values, later ones wait. Each column is its own small SVG
// and is memoized, so a step re-renders (and the browser repaints) only the two columns whose
// state changed; the state pictures are drawn as one path per colour band, not a rect per unit,
// to keep the page light. Props only; d3 computes the colour bands.
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgSym } from './Sym';
import { Column } from './UnrolledColumn';
import {
  COL,
  GUESS_LINE,
  GUESS_TOP,
  LEFT,
  geometry,
  rowName,
  rowTop,
  type UnrolledDiagramProps,
} from './unrolledLayout';

export type {
  DiagramCell,
  DiagramColumn,
  DiagramRow,
  DiagramTop,
  UnrolledDiagramProps,
} from './unrolledLayout';
export { rowName } from './unrolledLayout';

/** The label left of what sits above the top layer (a key of the words, or the symbols). */
const TOP_NAME = { guesses: 'viz.unrolled.guesses', tag: 'viz.unrolled.tag', value: null } as const;

export const UnrolledDiagram = memo(function UnrolledDiagram(props: UnrolledDiagramProps) {
  const { columns, rows, current, row, unit, hScale, cScale, reducedMotion, label, complete } =
    props;
  const { onSelectStep, onSelectCell, onMoveRow } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
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

  const rowNames = useMemo(() => rows.map((r) => rowName(r, rows, lang)), [rows, lang]);
  const topName = TOP_NAME[columns[0]?.top.kind ?? 'guesses'];
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
            {topName === null ? 'ŷ, y' : t(topName)}
          </text>
          {rows.map((r, k) => {
            const top = rowTop(geo, k);
            const midH = top + (geo.picture ? geo.hDy + geo.gridH / 2 : geo.cDy + 4);
            const symbol = backward ? (r.direction === 0 ? 'h→_t' : 'h←_t') : 'h_t';
            return (
              <g key={k}>
                {layers > 1 && rows[k + 1]?.layer !== r.layer && (
                  <text className="unrolled__row-name" x={4} y={top - 3}>
                    {t('viz.unrolled.layer', { n: r.layer + 1 })}
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
            state={
              column.t === current
                ? 'current'
                : column.t < current || complete === true
                  ? 'past'
                  : 'future'
            }
            picked={column.t === current ? row : -1}
            unit={column.t <= current || backward || complete === true ? unit : -1}
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
