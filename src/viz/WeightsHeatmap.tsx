// A weight matrix as a canvas heatmap, split into its gate blocks (rows G·H, columns I), on a
// diverging scale symmetric around 0 (blue negative, red positive). Props only.
import { interpolateRdBu } from 'd3-scale-chromatic';
import { useEffect, useRef } from 'react';

export interface WeightsHeatmapProps {
  /** Row-major [rows, cols]. */
  data: Float64Array;
  rows: number;
  cols: number;
  /** Names of the row blocks (gates), top to bottom. */
  blocks: readonly string[];
  label: string;
  /** Largest cell size in CSS pixels. */
  cell?: number;
}

/** A colour for v on a symmetric scale of ±limit. */
export function weightColor(v: number, limit: number): string {
  const t = limit > 0 ? Math.max(-1, Math.min(1, v / limit)) : 0;
  return interpolateRdBu(0.5 - t / 2);
}

let table: Uint8Array | null = null;

/** RGB of the diverging scale at 256 steps from −1 to 1 (computed once). */
function colorTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(weightColor((k / 255) * 2 - 1, 1));
    t.set(m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128], k * 3);
  }
  table = t;
  return t;
}

export function WeightsHeatmap({ data, rows, cols, blocks, label, cell = 4 }: WeightsHeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = Math.max(1, Math.min(cell, Math.floor(480 / Math.max(cols, 1))));
  const gap = 4;
  const blockRows = blocks.length > 0 ? rows / blocks.length : rows;
  const width = cols * size;
  // One canvas pixel per weight (block gaps as blank rows); CSS scales it up without smoothing,
  // so a redraw writes rows·cols pixels rather than rows·cols·size².
  const gapRows = Math.max(1, Math.round(gap / size));
  const pixelRows = rows + gapRows * Math.max(0, blocks.length - 1);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let limit = 0;
    for (const v of data) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
    const img = ctx.createImageData(cols, pixelRows);
    const lut = colorTable();
    for (let r = 0; r < rows; r++) {
      const y = r + Math.floor(r / blockRows) * gapRows;
      let o = y * cols * 4;
      for (let c = 0; c < cols; c++, o += 4) {
        const v = data[r * cols + c]!;
        const t = limit > 0 && Number.isFinite(v) ? v / limit : 0;
        const k = Math.round(((t + 1) / 2) * 255) * 3;
        img.data[o] = lut[k]!;
        img.data[o + 1] = lut[k + 1]!;
        img.data[o + 2] = lut[k + 2]!;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [data, rows, cols, blockRows, gapRows, pixelRows]);
  return (
    <div className="heatmap">
      <ul className="heatmap__blocks" aria-hidden="true">
        {blocks.map((b) => (
          <li key={b} style={{ height: (blockRows + gapRows) * size }}>
            {b}
          </li>
        ))}
      </ul>
      <canvas
        ref={ref}
        width={cols}
        height={pixelRows}
        style={{ width, height: pixelRows * size, imageRendering: 'pixelated' }}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
