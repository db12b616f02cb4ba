// "Show data": a toggle that reveals a chart's figures as a captioned table (rendered only when
// open, so long tables cost nothing until asked for). Props only.
import { useId, useState } from 'react';

export interface GradientTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Names the toggle for screen readers, e.g. "Show data: gradient norms". */
  name: string;
}

export function GradientTable({ caption, columns, rows, name }: GradientTableProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="show-data">
      <button
        type="button"
        className="show-data__toggle"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={`${open ? 'Hide' : 'Show'} data: ${name}`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide data' : 'Show data'}
      </button>
      {open && (
        <div className="show-data__scroll" id={id} tabIndex={0} role="region" aria-label={caption}>
          <table className="show-data__table">
            <caption>{caption}</caption>
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
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
