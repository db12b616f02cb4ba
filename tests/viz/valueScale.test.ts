// The colour scales are fixed per quantity, the same for every model and text, and say which
// values they clip.
import { describe, expect, it } from 'vitest';
import { scalesOf } from '../../src/panels/forward/scales';
import type { ForwardResult } from '../../src/store/forward';
import {
  clippedUnits,
  clipSide,
  colorOf,
  domainOf,
  scaleOf,
  SIGNED_MAX,
} from '../../src/viz/valueScale';

/** A result holding only what the scales could read: the model's kind and a cell state. */
function resultWith(cell: 'lstm' | 'rnn', cMagnitude: number, nonlinearity = 'tanh') {
  const c = Float64Array.of(-cMagnitude, cMagnitude, 0.5 * cMagnitude);
  return {
    model: { cell, nonlinearity },
    trace: {
      L: 1,
      named: [
        [
          { c, a: c, h: c },
          { c, a: c, h: c },
        ],
      ],
    },
  } as unknown as ForwardResult;
}

describe('fixed colour scales', () => {
  it('gives each quantity its own fixed domain', () => {
    expect(domainOf(scaleOf('gate'))).toEqual([0, 1]);
    expect(domainOf(scaleOf('tanh'))).toEqual([-1, 1]);
    expect(SIGNED_MAX).toBe(3);
    expect(domainOf(scaleOf('cell'))).toEqual([-3, 3]);
    expect(domainOf(scaleOf('preactivation'))).toEqual([-3, 3]);
    expect(domainOf(scaleOf('relu'))).toEqual([-3, 3]);
  });

  it('uses the same cell-state scale for a model whose c reaches ±8 and one whose c stays in ±1', () => {
    const big = scalesOf(resultWith('lstm', 8));
    const small = scalesOf(resultWith('lstm', 1));
    expect(domainOf(big.c)).toEqual([-3, 3]);
    expect(domainOf(small.c)).toEqual([-3, 3]);
    // So one value has one colour in both runs.
    expect(colorOf(big.c)(1.5)).toBe(colorOf(small.c)(1.5));
    expect(domainOf(big.h)).toEqual([-1, 1]);
    expect(domainOf(big.gate)).toEqual([0, 1]);
  });

  it('uses the fixed pre-activation and ReLU scales for an RNN, whatever its numbers', () => {
    const relu = scalesOf(resultWith('rnn', 20, 'relu'));
    expect(domainOf(relu.a)).toEqual([-3, 3]);
    expect(domainOf(relu.h)).toEqual([-3, 3]);
    expect(domainOf(scalesOf(resultWith('rnn', 20)).h)).toEqual([-1, 1]);
  });

  it('reports the side of clipped values, and never clips a gate or a tanh value', () => {
    const cell = scaleOf('cell');
    expect(clipSide(cell, 3)).toBe(0);
    expect(clipSide(cell, 3.01)).toBe(1);
    expect(clipSide(cell, -7)).toBe(-1);
    expect(clipSide(cell, Number.NaN)).toBe(0);
    expect(clipSide(scaleOf('tanh'), 1.0000001)).toBe(0);
    expect(clipSide(scaleOf('gate'), 1.2)).toBe(0);
    expect(clippedUnits(Float64Array.of(0.5, 4, -2.9, -3.5, 3), cell)).toEqual([
      { unit: 1, side: 1 },
      { unit: 3, side: -1 },
    ]);
    expect(clippedUnits(Float64Array.of(0.5, 4), scaleOf('gate'))).toEqual([]);
  });
});
