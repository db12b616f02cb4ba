// The cell registry: every cell kind's description (CELL_INFO in cell.ts: label, gate blocks in
// PyTorch's row order, cell state, PyTorch module, trace keys) with the factory of its cell.
// A new cell is its own file, one entry in CELL_INFO, one here, and its equations text in
// src/content/cellEquations.ts.

import { CELL_INFO, type Cell, type CellInfo, type CellKind, type Nonlinearity } from './cell.ts';
import { createGruCell } from './gru.ts';
import { createLstmCell } from './lstm.ts';
import { createRnnCell } from './rnn.ts';

export interface CellSpec extends CellInfo {
  create(nonlinearity: Nonlinearity): Cell;
}

export const CELLS: { readonly [K in CellKind]: CellSpec & { readonly kind: K } } = {
  rnn: { ...CELL_INFO.rnn, create: (nonlinearity) => createRnnCell(nonlinearity) as Cell },
  lstm: { ...CELL_INFO.lstm, create: () => createLstmCell() as unknown as Cell },
  gru: { ...CELL_INFO.gru, create: () => createGruCell() as unknown as Cell },
};
