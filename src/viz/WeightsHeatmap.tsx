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

export function WeightsHeatmap({ data, rows, cols, blocks, label, cell = 4 }: WeightsHeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = Math.max(1, Math.min(cell, Math.floor(480 / Math.max(cols, 1))));
  const gap = 4;
  const blockRows = blocks.length > 0 ? rows / blocks.length : rows;
  const width = cols * size;
  const height = rows * size + gap * (blocks.length - 1);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let limit = 0;
    for (const v of data) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
    const img = ctx.createImageData(width, height);
    const rgb = (s: string): [number, number, number] => {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(s);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
    };
    const lut = Array.from({ length: 256 }, (_, k) => rgb(weightColor((k / 255) * 2 - 1, 1)));
    for (let r = 0; r < rows; r++) {
      const y0 = r * size + Math.floor(r / blockRows) * gap;
      for (let c = 0; c < cols; c++) {
        const v = data[r * cols + c]!;
        const t = limit > 0 && Number.isFinite(v) ? v / limit : 0;
        const [R, G, B] = lut[Math.round(((t + 1) / 2) * 255)]!;
        for (let dy = 0; dy < size; dy++) {
          let o = ((y0 + dy) * width + c * size) * 4;
          for (let dx = 0; dx < size; dx++, o += 4) {
            img.data[o] = R;
            img.data[o + 1] = G;
            img.data[o + 2] = B;
            img.data[o + 3] = 255;
          }
        }
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [data, rows, cols, size, blockRows, width, height]);
  return (
    <div className="heatmap">
      <ul className="heatmap__blocks" aria-hidden="true">
        {blocks.map((b) => (
          <li key={b} style={{ height: blockRows * size + gap }}>
            {b}
          </li>
        ))}
      </ul>
      <canvas ref={ref} width={width} height={height} role="img" aria-label={label} />
    </div>
  );
}
