// The unrolled diagram's data and layout: what each column, row and cell shows (props of the
// diagram, built by the Forward pass view), and where things sit — the column width, the guess
// lines on top, the rows of cells (layers × directions) and the size of the state pictures.
import type { ValueScale } from './valueScale';
import { vizSay } from './words';

export interface DiagramCell {
  readonly h: ArrayLike<number>;
  /** c_t (LSTM), else null. */
  readonly c: ArrayLike<number> | null;
}

/** A row of the grid: one layer (and, in a bidirectional layer, one direction). */
export interface DiagramRow {
  /** 0-based; the bottom layer reads x_t. */
  readonly layer: number;
  /** 0: forward (h_{t−1} → h_t, left to right); 1: backward (h_{t+1} → h_t, right to left). */
  readonly direction: 0 | 1;
}

/**
 * What sits above the top layer at a step: the guesses for the next character, a tag, or a
 * series model's prediction ŷ next to the value y that came (both in the series' units).
 */
export type DiagramTop =
  | { readonly kind: 'guesses'; readonly guesses: readonly { char: string; p: number }[] }
  | { readonly kind: 'value'; readonly predicted: number; readonly actual: number }
  | {
      readonly kind: 'tag';
      /** The predicted class's label, its probability, and the true one's label. */
      readonly label: string;
      readonly p: number;
      readonly truth: string;
      readonly right: boolean;
    };

export interface DiagramColumn {
  readonly t: number;
  readonly char: string;
  readonly unknown: boolean;
  /** A series model: x_t, the real (normalised) value read, shown instead of `char`. */
  readonly x?: number;
  /** One per row of `rows`, in the same order (bottom row first). */
  readonly cells: readonly DiagramCell[];
  readonly top: DiagramTop;
}

export interface UnrolledDiagramProps {
  columns: readonly DiagramColumn[];
  /** The grid's rows, bottom first (layer 1 at the bottom, its backward row above its forward). */
  rows: readonly DiagramRow[];
  /** The current step (0-based). */
  current: number;
  /** The forward pass has run over the whole text (the backward mode): no step waits. */
  complete?: boolean;
  /** The picked row (index into `rows`). */
  row: number;
  unit: number;
  hScale: ValueScale;
  /** LSTM only. */
  cScale: ValueScale | null;
  /** A click on a column (outside its cells) picks the step. */
  onSelectStep: (t: number) => void;
  /** A click on a cell picks its row and step. */
  onSelectCell: (row: number, t: number) => void;
  /** ↑ and ↓ while the diagram has focus move the picked row (+1 is up). */
  onMoveRow: (delta: number) => void;
  reducedMotion: boolean;
  /** Accessible name of the scroll region. */
  label: string;
}

export type ColumnState = 'past' | 'current' | 'future';

export const COL = 72;
export const LEFT = 72;
export const GRID = 40;
export const GUESS_TOP = 4;
export const GUESS_LINE = 16;
export const CELL_TOP = GUESS_TOP + 3 * GUESS_LINE + 22;
/** Space between a row's value and the cell above it. */
export const ROW_GAP = 14;
/** Above this many units the small state pictures are left out (only the unit's value). */
export const MAX_PICTURE_UNITS = 256;

export interface Geometry {
  readonly cols: number;
  readonly size: number;
  readonly gridH: number;
  readonly picture: boolean;
  readonly lstm: boolean;
  /** Offsets inside a row, from the top of its cell: the c grid (LSTM), the h grid, the cell's
   * bottom and the unit's value. */
  readonly cDy: number;
  readonly hDy: number;
  readonly boxH: number;
  readonly valueDy: number;
  /** Height of one row, gap included. */
  readonly band: number;
  readonly rows: number;
  readonly xTop: number;
  readonly height: number;
}

export function geometry(H: number, lstm: boolean, rows: number): Geometry {
  const picture = H <= MAX_PICTURE_UNITS;
  const cols = Math.max(8, Math.ceil(Math.sqrt(H)));
  const size = GRID / cols;
  const gridH = picture ? Math.ceil(H / cols) * size : 0;
  const cDy = 10;
  const hDy = lstm && picture ? cDy + gridH + 8 : cDy;
  const boxH = (picture ? hDy + gridH : cDy + 8) + 10;
  const valueDy = boxH + 16;
  const band = valueDy + 4 + ROW_GAP;
  const xTop = CELL_TOP + rows * band - ROW_GAP + 10;
  return {
    cols,
    size,
    gridH,
    picture,
    lstm,
    cDy,
    hDy,
    boxH,
    valueDy,
    band,
    rows,
    xTop,
    height: xTop + 46,
  };
}

/** The top of row r's cell (row 0 is the bottom one). */
export function rowTop(geo: Geometry, r: number): number {
  return CELL_TOP + (geo.rows - 1 - r) * geo.band;
}

/** Words for a row: “layer 2”, “layer 1, backward” (in `lang`, default the interface's). */
export function rowName(row: DiagramRow, rows: readonly DiagramRow[], lang?: string): string {
  const say = vizSay(lang);
  const layers = new Set(rows.map((r) => r.layer)).size;
  const both = rows.some((r) => r.direction === 1);
  const parts: string[] = [];
  if (layers > 1 || !both) parts.push(say('viz.unrolled.layer', { n: String(row.layer + 1) }));
  if (both) parts.push(say(row.direction === 0 ? 'viz.unrolled.forward' : 'viz.unrolled.backward'));
  return parts.join(say('viz.unrolled.rowJoin'));
}
