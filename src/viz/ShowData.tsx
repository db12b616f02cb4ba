// "Show data": a toggle under a chart that shows the chart's numbers as an HTML table with a
// caption, for screen readers and for copying. Generic: any view passes its columns and rows.
// The table is only rendered while open, so a closed toggle costs nothing when the chart updates.
import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../content/format';
import './ShowData.css';

export type Cell = string | number;

export type Rows = readonly (readonly Cell[])[];

export interface ShowDataProps {
  /** The table's caption, e.g. "Gate activations at step 3, layer 1". Also names the button. */
  caption: string;
  /** A shorter name for the button ("Show data: NAME"); default: the caption. */
  name?: string;
  /** Column headings; the first column holds row headings. */
  columns: readonly string[];
  /** The rows, or a function that computes them only when the table is opened. */
  rows: Rows | (() => Rows);
  /** Longest table shown: longer ones show their first and last maxRows / 2 rows. */
  maxRows?: number;
  /** How numbers are written (default: the view's 3-decimal format). */
  format?: (v: number) => string;
  /** Index of a row to mark (the current step, the selected unit). */
  currentRow?: number;
  /** Open at first (tests, or a chart that has no picture). */
  defaultOpen?: boolean;
  /** A note under the table. */
  children?: ReactNode;
}

export const ShowData = memo(function ShowData({
  caption,
  name,
  columns,
  rows: rowsOrFn,
  maxRows = Infinity,
  format = formatValue,
  currentRow,
  defaultOpen = false,
  children,
}: ShowDataProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const all: Rows = open ? (typeof rowsOrFn === 'function' ? rowsOrFn() : rowsOrFn) : [];
  const cut = all.length > maxRows;
  const half = Math.floor(maxRows / 2);
  const rows = cut ? [...all.slice(0, half), ...all.slice(all.length - half)] : all;
  const text = (cell: Cell) => (typeof cell === 'number' ? format(cell) : cell);
  return (
    <div className="show-data">
      <button
        type="button"
        className="show-data__toggle"
        aria-expanded={open}
        aria-controls={id}
        // The visible words first, then what the table is about (one name, no stray spaces).
        aria-label={t(open ? 'viz.showData.hideName' : 'viz.showData.showName', {
          name: name ?? caption,
        })}
        onClick={() => setOpen((was) => !was)}
      >
        {t(open ? 'viz.showData.hide' : 'viz.showData.show')}
      </button>
      <div id={id} className="show-data__body" hidden={!open}>
        {open && (
          <div className="show-data__scroll" tabIndex={0} role="region" aria-label={caption}>
            <table className="show-data__table">
              <caption>
                {caption}
                {cut && t('viz.showData.cut', { half, total: all.length })}
              </caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, r) => (
                  <tr key={r} aria-current={r === currentRow ? 'true' : undefined}>
                    {row.map((cell, c) =>
                      c === 0 ? (
                        <th key={c} scope="row">
                          {text(cell)}
                        </th>
                      ) : (
                        <td key={c}>{text(cell)}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {open && children}
      </div>
    </div>
  );
});
