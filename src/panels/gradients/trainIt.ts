// The "Train it" link: the Training view on a copy task at this experiment's setting. The delay
// is the largest generated one (10, 20, 50) not above the dependency distance (truncation) or the
// sequence length (otherwise); the cell is the one in detail, or the plain RNN.
import type { GradientParams } from '../../engine/experiments';

export const COPY_DELAYS = [10, 20, 50] as const;

/** The copy task's delay for this experiment's setting. */
export function trainItDelay(p: GradientParams): number {
  const distance = p.preset === 'truncation' ? p.delay : p.T;
  return [...COPY_DELAYS].reverse().find((d) => d <= distance) ?? COPY_DELAYS[0];
}

export function trainItHref(p: GradientParams): string {
  const cell = p.preset === 'cells' || p.preset === 'carousel' ? p.cell : 'rnn';
  return `#/train?corpus=copy${trainItDelay(p)}&cell=${cell}`;
}
