// Labels along an axis never overlap, stay in their anchors' order, near their anchors and
// inside the plot.
import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../src/viz/labelPlacement';

describe('spreadLabels', () => {
  it('leaves labels that do not overlap where they are', () => {
    expect(spreadLabels([10, 40, 90], 12)).toEqual([10, 40, 90]);
  });

  it('spreads overlapping labels symmetrically about their anchors, keeping their order', () => {
    // Two baselines 4 px apart with 12 px labels: each moves 4 px away from the other.
    expect(spreadLabels([100, 104], 12)).toEqual([96, 108]);
    // Given out of order, the result follows the input's order.
    expect(spreadLabels([104, 100], 12)).toEqual([108, 96]);
    // Three in a cluster, centred on their mean 101.
    expect(spreadLabels([100, 101, 102], 12)).toEqual([89, 101, 113]);
  });

  it('merges a spread cluster with the next label it reaches', () => {
    // 50 and 52 spread to 45 and 57, which reaches 60: all three spread about 54.
    expect(spreadLabels([50, 52, 60], 12)).toEqual([42, 54, 66]);
  });

  it('keeps the labels inside [lo, hi] when they fit', () => {
    expect(spreadLabels([0, 2], 12, 0, 200)).toEqual([0, 12]);
    expect(spreadLabels([199, 200], 12, 0, 200)).toEqual([188, 200]);
  });
});
