// "Show data": a disclosure with the numbers behind a chart as a captioned table (long tables
// show their first and last rows). Props only.
import { useState } from 'react';

export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  /** The rows, computed only when the table is opened. */
  rows: () => readonly (readonly (string | number)[])[];
  /** Rows shown at most (first half and last half); default 200. */
  maxRows?: number;
}

const fmt = (v: string | number): string =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v;

export function DataTable({ caption, columns, rows: getRows, maxRows = 200 }: DataTableProps) {
  const [open, setOpen] = useState(false);
  const rows = open ? getRows() : [];
  const shown =
    rows.length <= maxRows
      ? rows
      : [...rows.slice(0, maxRows / 2), ...rows.slice(rows.length - maxRows / 2)];
  return (
    <div className="data-table">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide data' : 'Show data'}
      </button>
      {open && (
        <div className="data-table__scroll">
          <table>
            <caption>
              {caption}
              {rows.length > maxRows && ` (first and last ${maxRows / 2} of ${rows.length} rows)`}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, k) => (
                <tr key={k}>
                  {row.map((v, j) => (
                    <td key={j}>{fmt(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
