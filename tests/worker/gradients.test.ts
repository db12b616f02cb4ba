// The gradientExperiment message through the worker's handler: figures come back with their
// arrays in the transfer list and survive structured cloning; bad parameters get a typed error.
import { describe, expect, test } from 'vitest';
import { presetParams } from '../../src/engine/experiments';
import { handleMessage } from '../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

function send(msg: ToWorker) {
  const out: { message: FromWorker; transfer: Transferable[] }[] = [];
  handleMessage(msg, (message, transfer = []) => {
    out.push({ message: structuredClone(message, { transfer }), transfer });
  });
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('gradientExperiment', () => {
  test('answers with the figures, arrays transferred, no session needed', () => {
    const { message, transfer } = send({
      type: 'gradientExperiment',
      id: 7,
      params: { ...presetParams('scale'), s: 1.1, T: 30 },
    });
    if (message.type !== 'gradientResult') throw new Error(message.type);
    expect(message.id).toBe(7);
    expect(message.ms).toBeGreaterThanOrEqual(0);
    const h = message.result.series.find((s) => s.id === 'h')!.values;
    expect(h).toBeInstanceOf(Float64Array);
    expect(h[0]! / 1.1 ** 30).toBeCloseTo(1, 10);
    expect(transfer.length).toBeGreaterThan(4);
  });
  test('a bad parameter is a typed error with the request id', () => {
    const { message } = send({
      type: 'gradientExperiment',
      id: 8,
      params: { ...presetParams('scale'), preset: 'bogus' as never },
    });
    expect(message).toMatchObject({ type: 'error', id: 8, message: /Unknown experiment/ });
  });
});
