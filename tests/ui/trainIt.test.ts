import { describe, expect, it } from 'vitest';
import { presetParams } from '../../src/engine/experiments';
import { configFromParams } from '../../src/store/config';
import { parseHash } from '../../src/store/url';
import { trainIt } from '../../src/panels/gradients/trainIt';

describe('“Train it” carries the experiment’s setting to the Training view', () => {
  it('the default experiment: orthogonal W_hh × s, H and T; the linear RNN is named as dropped', () => {
    const t = trainIt(presetParams('scale'));
    expect(t.href).toBe(
      '#/train?corpus=copy50&cell=rnn&hidden=32&init=orthogonal&scale=0.9&seq=50',
    );
    expect(t.dropped).toEqual([
      'the linear nonlinearity (training’s RNN uses tanh or ReLU)',
      'the input scale (the task’s letters are the input)',
    ]);
  });

  it('every carried value reads back from the link as the same config', () => {
    for (const preset of [
      'scale',
      'gain',
      'cells',
      'carousel',
      'clip',
      'nonnormal',
      'truncation',
    ] as const) {
      const t = trainIt({ ...presetParams(preset), seed: 7 });
      const { route, problems } = parseHash(t.href);
      expect(problems, preset).toEqual([]);
      expect(configFromParams(route.params), preset).toEqual(t.config);
      expect(t.config.seed).toBe(7);
    }
  });

  it('a Gaussian W_hh with gain g, and the nonlinearity when training has it', () => {
    const t = trainIt({ ...presetParams('gain'), g: 2.5, nonlinearity: 'relu', T: 30 });
    expect(t.config).toMatchObject({
      corpus: 'copy20',
      cell: 'rnn',
      nonlinearity: 'relu',
      init: 'normal',
      recurrentScale: 2.5,
      seqLen: 30,
    });
  });

  it('the cell in detail with its gate bias: b_f for an LSTM, b_z for a GRU', () => {
    const lstm = trainIt({ ...presetParams('carousel'), bf: 1.5, bz: 3 });
    expect(lstm.config).toMatchObject({ cell: 'lstm', gateBias: 1.5, init: 'default', seqLen: 30 });
    expect(lstm.href).toBe('#/train?corpus=copy20&hidden=32&bias=1.5&seq=30');
    const gru = trainIt({ ...presetParams('cells'), cell: 'gru', bf: 1.5, bz: 3 });
    expect(gru.config).toMatchObject({ cell: 'gru', gateBias: 3 });
  });

  it('clipping as the clip preset sets it, and truncated BPTT’s K as the sequence length', () => {
    const clip = trainIt({ ...presetParams('clip'), clipMode: 'value', clip: 0.5 });
    expect(clip.config).toMatchObject({
      clipMode: 'value',
      clipThreshold: 0.5,
      init: 'orthogonal',
      recurrentScale: 1.2,
    });
    const trunc = trainIt({ ...presetParams('truncation'), trunc: 15, delay: 25 });
    expect(trunc.config).toMatchObject({ corpus: 'copy20', seqLen: 15, recurrentScale: 1 });
  });

  it('the non-normal W has no counterpart: it says so and keeps PyTorch’s draw', () => {
    const t = trainIt(presetParams('nonnormal'));
    expect(t.config.init).toBe('default');
    expect(t.dropped).toContain('the non-normal W (training starts from PyTorch’s draw)');
  });
});
