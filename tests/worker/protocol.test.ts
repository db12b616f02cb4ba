// Round trips of the engine messages through the worker's handler, as the app sends them,
// including the error replies; plus a real module boundary: messages survive structured cloning.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { createSession, handleMessage, receive } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

const text = 'one two three four five six seven eight nine ten. '.repeat(20);
const settings = { ...DEFAULT_SETTINGS, hiddenSize: 8, seqLen: 8, batchSize: 2 };

function harness() {
  const out: { message: FromWorker; transfer: Transferable[] }[] = [];
  const post = (message: FromWorker, transfer: Transferable[] = []) => {
    // What postMessage does: clone (and move the transferred buffers).
    out.push({ message: structuredClone(message, { transfer }), transfer });
  };
  const session = createSession(post);
  let id = 0;
  const send = (body: Record<string, unknown> & { type: ToWorker['type'] }): FromWorker => {
    const before = out.length;
    handleMessage({ ...body, id: ++id } as ToWorker, post, session);
    const replies = out.slice(before).filter((o) => o.message.id === id);
    expect(replies).toHaveLength(1);
    return replies[0]!.message;
  };
  return { send, out, session };
}

describe('engine messages', () => {
  test('corpus, create, step, evaluate, trace, sample, export and import round trip', () => {
    const { send, out } = harness();
    const corpus = send({ type: 'setCorpus', name: 'numbers', text });
    expect(corpus).toMatchObject({
      type: 'corpus',
      info: { name: 'numbers', vocabSize: new Set(text).size },
    });
    const model = send({ type: 'create', settings });
    expect(model).toMatchObject({
      type: 'model',
      info: { cell: 'lstm', hiddenSize: 8, step: 0, trainable: true },
    });
    expect(send({ type: 'step' })).toMatchObject({ type: 'ack', step: 1 });
    // The step also posted its progress batch, with id null.
    const progress = out.find((o) => o.message.type === 'progress')!;
    expect(progress.message.id).toBeNull();
    expect(progress.transfer).toHaveLength(4);
    const evaluation = send({ type: 'evaluate', maxChars: 200 });
    expect(evaluation.type === 'evaluation' && evaluation.loss).toBeGreaterThan(0);
    const trace = send({ type: 'trace', text: 'one two' });
    if (trace.type !== 'trace') throw new Error(trace.type);
    expect(trace.trace.T).toBe(6);
    expect(trace.trace.named[0]![5]!['f']).toBeInstanceOf(Float64Array);
    expect(out.find((o) => o.message.type === 'trace')!.transfer.length).toBeGreaterThan(10);
    const sample = send({
      type: 'sample',
      request: { prime: 'one', length: 10, temperature: 1, seed: 2 },
    });
    expect(sample.type === 'sample' && Array.from(sample.text)).toHaveLength(10);
    const exported = send({ type: 'export' });
    if (exported.type !== 'exported') throw new Error(exported.type);
    expect(JSON.parse(exported.json)).toMatchObject({ format: 'unrolled-model', version: 2 });
    expect(send({ type: 'import', json: exported.json, settings })).toMatchObject({
      type: 'model',
    });
  });

  test('errors come back as typed replies carrying the request id, and the worker goes on', () => {
    const { send } = harness();
    expect(send({ type: 'create', settings })).toMatchObject({
      type: 'error',
      message: /Choose a text/,
    });
    expect(send({ type: 'setCorpus', name: 'empty', text: '' })).toMatchObject({
      type: 'error',
      message: /empty/,
    });
    send({ type: 'setCorpus', name: 'numbers', text });
    expect(send({ type: 'create', settings: { ...settings, hiddenSize: 0 } })).toMatchObject({
      type: 'error',
      message: /hidden size/,
    });
    send({ type: 'create', settings });
    expect(send({ type: 'import', json: '{', settings })).toMatchObject({
      type: 'error',
      message: /not valid JSON/,
    });
    expect(
      send({ type: 'sample', request: { prime: 'Ω', length: 3, temperature: 1, seed: 1 } }),
    ).toMatchObject({
      type: 'error',
      message: /not in the model's vocabulary/,
    });
    expect(send({ type: 'step' })).toMatchObject({ type: 'ack', step: 1 });
  });

  test('training runs from timers, posts progress and stops on pause', async () => {
    const { send, out } = harness();
    send({ type: 'setCorpus', name: 'numbers', text });
    send({ type: 'create', settings });
    send({ type: 'train' });
    await new Promise((r) => setTimeout(r, 250));
    const paused = send({ type: 'pause' });
    const batches = out.filter((o) => o.message.type === 'progress').map((o) => o.message);
    expect(batches.length).toBeGreaterThan(0);
    const steps = batches.reduce(
      (n, b) => n + (b.type === 'progress' ? b.batch.loss.length : 0),
      0,
    );
    expect(paused).toMatchObject({ type: 'ack', step: steps });
    const count = out.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(out.length).toBe(count); // nothing more after pause
  });

  test('traces a model file by key and a fresh model, apart from the training model', () => {
    const { send } = harness();
    send({ type: 'setCorpus', name: 'numbers', text });
    send({ type: 'create', settings });
    const exported = send({ type: 'export' });
    if (exported.type !== 'exported') throw new Error(exported.type);
    const missing = send({ type: 'trace', text: 'one', model: { kind: 'file', key: 'm' } });
    expect(missing).toMatchObject({ type: 'error', message: /not loaded/ });
    const first = send({
      type: 'trace',
      text: 'one',
      model: { kind: 'file', key: 'm', json: exported.json },
    });
    const again = send({ type: 'trace', text: 'one', model: { kind: 'file', key: 'm' } });
    if (first.type !== 'trace' || again.type !== 'trace') throw new Error('no trace');
    expect(again.trace.loss).toBe(first.trace.loss);
    const fresh = {
      kind: 'fresh' as const,
      cell: 'gru' as const,
      nonlinearity: 'tanh' as const,
      hiddenSize: 5,
      numLayers: 2,
      seed: 4,
      vocab: ['a', 'b', 'c'],
    };
    const f = send({ type: 'trace', text: 'abcab', model: fresh });
    if (f.type !== 'trace') throw new Error(f.type);
    expect(f.model).toMatchObject({
      cell: 'gru',
      hiddenSize: 5,
      numLayers: 2,
      vocab: ['a', 'b', 'c'],
    });
    expect(f.trace.L).toBe(2);
    expect(f.trace.named[1]![3]!['z']).toHaveLength(5);
  });

  test('malformed data is answered, not thrown', () => {
    const posted: FromWorker[] = [];
    receive({ hello: 1 }, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'error', id: null, message: 'Malformed request' }]);
  });
});
