// A weight matrix as a canvas heatmap, split into its gate blocks (rows G·H, columns I), on a
// diverging scale symmetric around 0 (blue negative, red positive), with its colour legend, axis
// labels and the weight under the pointer. The canvas has one pixel per weight and CSS scales it,
// so a large matrix is drawn no taller than MAX_HEIGHT. Props only.
import { interpolateRdBu } from 'd3-scale-chromatic';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant, formatValue } from '../content/format';
import './heatmap.css';

export interface WeightsHeatmapProps {
  /** Row-major [rows, cols]. */
  data: Float64Array;
  rows: number;
  cols: number;
  /** Names of the row blocks (gates), top to bottom. */
  blocks: readonly string[];
  label: string;
  /** What the rows and the columns are (axis labels). */
  rowLabel: string;
  colLabel: string;
  /** A name per column (the input characters), for the readout. */
  colNames?: readonly string[];
  /** Largest cell size in CSS pixels. */
  cell?: number;
  /** What the row blocks are (default "gate"; null: one block, not named in the readout). */
  blockName?: string | null;
  /** What a cell holds, for the readout's hint (default "weight"). */
  valueName?: string;
}

/** The largest drawn size of the matrix in CSS pixels. */
const MAX_WIDTH = 480;
const MAX_HEIGHT = 400;
/** The gap between gate blocks in CSS pixels. */
const GAP = 4;

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

export interface HeatmapGeometry {
  rows: number;
  cols: number;
  blocks: number;
  /** Blank pixel rows between blocks. */
  gapRows: number;
  /** Drawn size in CSS pixels. */
  width: number;
  height: number;
}

/** The weight under a point of the drawn matrix (CSS pixels from its top left), or null in a gap. */
export function cellAt(
  x: number,
  y: number,
  g: HeatmapGeometry,
): { row: number; col: number } | null {
  const blocks = Math.max(1, g.blocks);
  const blockRows = g.rows / blocks;
  const pixelRows = g.rows + g.gapRows * (blocks - 1);
  const col = Math.floor((x / g.width) * g.cols);
  const pr = Math.floor((y / g.height) * pixelRows);
  if (!(col >= 0 && col < g.cols && pr >= 0 && pr < pixelRows)) return null;
  const block = Math.floor(pr / (blockRows + g.gapRows));
  const within = pr - block * (blockRows + g.gapRows);
  if (within >= blockRows) return null;
  return { row: block * blockRows + within, col };
}

export function WeightsHeatmap({
  data,
  rows,
  cols,
  blocks,
  label,
  rowLabel,
  colLabel,
  colNames,
  cell = 4,
  blockName: blockNameProp,
  valueName: valueNameProp,
}: WeightsHeatmapProps) {
  const { t } = useTranslation();
  const blockName = blockNameProp === undefined ? t('viz.weights.gate') : blockNameProp;
  const valueName = valueNameProp ?? t('viz.weights.weight');
  const ref = useRef<HTMLCanvasElement>(null);
  const gradientId = useId();
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const nBlocks = Math.max(1, blocks.length);
  const blockRows = rows / nBlocks;
  const across = MAX_WIDTH / Math.max(cols, 1);
  const base = Math.min(cell, across >= 1 ? Math.floor(across) : across);
  // One canvas pixel per weight (block gaps as blank rows); CSS scales it, so a redraw writes
  // rows·cols pixels, and a tall matrix is shrunk to MAX_HEIGHT.
  const gapRows = Math.max(1, Math.round(GAP / base));
  const pixelRows = rows + gapRows * (nBlocks - 1);
  const scale = Math.min(base, MAX_HEIGHT / Math.max(pixelRows, 1));
  const width = cols * scale;
  const height = pixelRows * scale;
  const limit = useMemo(() => {
    let m = 0;
    for (const v of data) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
    return m;
  }, [data]);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
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
  }, [data, rows, cols, blockRows, gapRows, pixelRows, limit]);
  const geometry = { rows, cols, blocks: nBlocks, gapRows, width, height };
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const g = { ...geometry, width: rect.width || width, height: rect.height || height };
    setHover(cellAt(e.clientX - rect.left, e.clientY - rect.top, g));
  };
  const block =
    hover && blockName !== null
      ? t('viz.weights.block', {
          name: blockName,
          block: blocks[Math.floor(hover.row / blockRows)] ?? '?',
        })
      : '';
  const readout = hover
    ? t('viz.weights.readout', {
        block,
        unit: String(hover.row % blockRows),
        column: colNames?.[hover.col] ?? t('viz.weights.column', { n: String(hover.col) }),
        value: formatValue(data[hover.row * cols + hover.col]),
      })
    : t('viz.weights.hint', { what: valueName });
  return (
    <div className="heatmap">
      <div className="heatmap__main">
        <span className="heatmap__ylabel">{rowLabel}</span>
        <ul className="heatmap__blocks" aria-hidden="true">
          {blocks.map((b) => (
            <li key={b} style={{ height: (blockRows + gapRows) * scale }}>
              {b}
            </li>
          ))}
        </ul>
        <div>
          <canvas
            ref={ref}
            width={cols}
            height={pixelRows}
            style={{
              width,
              height,
              imageRendering: scale >= 1 ? 'pixelated' : 'auto',
            }}
            role="img"
            aria-label={label}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
          />
          <p className="heatmap__xlabel">{colLabel}</p>
        </div>
      </div>
      <svg
        className="heatmap__legend"
        data-testid="heatmap-legend"
        width={200}
        height={30}
        role="img"
        aria-label={t('viz.weights.legend', {
          lo: formatSignificant(-limit, 2),
          hi: formatSignificant(limit, 2),
        })}
      >
        <defs>
          <linearGradient id={gradientId}>
            {Array.from({ length: 9 }, (_, k) => (
              <stop key={k} offset={k / 8} stopColor={weightColor((k / 8) * 2 - 1, 1)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={20} y={2} width={160} height={10} fill={`url(#${gradientId})`} />
        <text x={20} y={26} textAnchor="middle">
          {formatSignificant(-limit, 2)}
        </text>
        <text x={100} y={26} textAnchor="middle">
          0
        </text>
        <text x={180} y={26} textAnchor="middle">
          {formatSignificant(limit, 2)}
        </text>
      </svg>
      <p className="heatmap__readout" data-testid="heatmap-readout" aria-live="polite">
        {readout}
      </p>
    </div>
  );
}
