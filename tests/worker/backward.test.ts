// The backward pass as the worker serves it to a view (handler 'backward' and 'gradCheck'): on a
// shipped model and a text, the step's two arrivals add up, the running sums at the last step are
// the training gradient, and the central difference of a weight agrees with the backward pass to
// 1e-6 relative, for every shipped character model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/worker/handler.ts';
import type { FromWorker, ModelSource, ToWorker } from '../../src/worker/protocol.ts';
import { EngineSession } from '../../src/worker/session.ts';

const TEXT = 'To be, or not to be, that is the question.';

function send(session: EngineSession, msg: ToWorker): Promise<FromWorker> {
  return new Promise((resolve) => handleMessage(msg, resolve, session));
}

const shipped = (name: string): ModelSource => ({
  kind: 'file',
  key: name,
  json: readFileSync(`public/models/${name}.json`, 'utf8'),
});

describe('the backward pass for a view', () => {
  it('stops at a step: arrivals add up, and the sums at t = 0 are the gradient', async () => {
    const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    const model = shipped('lstm2');
    const T = TEXT.length - 1;
    const at = async (t: number) => {
      const reply = await send(session, { type: 'backward', id: t, text: TEXT, t, model });
      if (reply.type !== 'backwardAt') throw new Error(JSON.stringify(reply));
      return reply.at;
    };
    const last = await at(T - 1);
    expect(last.T).toBe(T);
    expect(last.layers).toHaveLength(2);
    // Nothing arrives from after the last step.
    expect(last.layers[0]!.fromNext.every((v) => v === 0)).toBe(true);
    const first = await at(0);
    for (const layer of first.layers)
      layer.dh.forEach((v, j) => expect(v).toBe(layer.fromOutput[j]! + layer.fromNext[j]!));
    // At t = 0 the sums are the whole gradient: check two weights against central differences.
    for (const [tensor, index] of [
      ['rnn.weight_hh_l0', 7],
      ['rnn.bias_ih_l1', 3],
    ] as const) {
      const reply = await send(session, {
        type: 'gradCheck',
        id: 99,
        text: TEXT,
        tensor,
        index,
        model,
      });
      if (reply.type !== 'gradChecked') throw new Error(JSON.stringify(reply));
      const key = tensor.includes('weight_hh') ? 'Whh' : 'bih';
      const l = tensor.endsWith('l0') ? 0 : 1;
      expect(first.layers[l]!.sum[key][index]).toBeCloseTo(reply.engine, 12);
    }
  });

  it.each(['lstm', 'gru', 'rnn', 'lstm2'])(
    'checks a weight of the shipped %s model by central differences within 1e-6 of the engine',
    async (name) => {
      const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
      const model = shipped(name);
      // The recurrent weight with the largest gradient in the first layer.
      const first = await send(session, { type: 'backward', id: 1, text: TEXT, t: 0, model });
      if (first.type !== 'backwardAt') throw new Error(JSON.stringify(first));
      const whh = first.at.layers[0]!.sum.Whh;
      let index = 0;
      whh.forEach((v, j) => {
        if (Math.abs(v) > Math.abs(whh[index]!)) index = j;
      });
      const reply = await send(session, {
        type: 'gradCheck',
        id: 2,
        text: TEXT,
        tensor: 'rnn.weight_hh_l0',
        index,
        model,
      });
      if (reply.type !== 'gradChecked') throw new Error(JSON.stringify(reply));
      expect(reply.engine).toBeCloseTo(whh[index]!, 12);
      expect(Math.abs(reply.check.estimate - reply.engine)).toBeLessThan(
        1e-6 * Math.abs(reply.engine),
      );
    },
  );

  it('says why for a weight that is not there', async () => {
    const session = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
    const reply = await send(session, {
      type: 'gradCheck',
      id: 3,
      text: TEXT,
      tensor: 'rnn.weight_hh_l9',
      index: 0,
      model: shipped('gru'),
    });
    expect(reply).toMatchObject({
      type: 'error',
      id: 3,
      message: expect.stringMatching(/no tensor/),
    });
  });
});
