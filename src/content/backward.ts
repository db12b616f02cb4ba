// The Forward pass view's backward mode as data: the symbol of each row of numbers it shows. Their
// words, how the pass runs, what a finite-difference check is and where truncated BPTT would cut
// are the messages' `forward.backward` (content/i18n/en/forward.ts).
import type { CellKind } from '../engine/cell.ts';

/** The vectors the backward step shows, by row: their symbols (subscripts after _); each row's
 * words are `forward.backward.rows.<row>`. */
export const BACKWARD_ROWS = {
  fromOutput: 'Wᵀdy_t',
  fromOutputAbove: 'dx↑_t',
  fromNext: 'dhⁿᵉˣᵗ_t',
  fromNextDirect: 'z⊙dh_{t+1}',
  dh: 'dh_t',
  dcFromNext: 'f⊙dc_{t+1}',
  dc: 'dc_t',
} as const;
export type BackwardRow = keyof typeof BACKWARD_ROWS;

/** The symbol of the gradient of a gate's pre-activation (its words are
 * `forward.backward.pre.<gate>`). */
export function preActivationSymbol(cell: CellKind, gate: string): string {
  return cell === 'rnn' ? 'da_t' : `d${gate}̂_t`;
}

/** The gates whose pre-activation gradient has its own words. */
export const PRE_ACTIVATION_GATES = ['h', 'i', 'f', 'g', 'o', 'r', 'z', 'n'] as const;
