// The gradients slice in the URL (keys prefixed g), and the latest-only request scheduler.
import { describe, expect, test, vi } from 'vitest';
import { presetParams } from '../../src/engine/experiments';
import { gradientsFromParams, paramsFromGradients } from '../../src/store/gradients';
import { latestOnly } from '../../src/store/gradientsActions';
import { hrefFor, parseHash } from '../../src/store/url';
import { initialState } from '../../src/store/store';

describe('gradients in the URL', () => {
  test('the default experiment writes no keys; others write the preset and what differs', () => {
    expect(paramsFromGradients(initialState().gradients)).toEqual({});
    const params = { ...presetParams('carousel'), bf: 3, T: 42 };
    expect(paramsFromGradients({ params })).toEqual({ gp: 'carousel', gbf: 3, gT: 42 });
  });
  test('a link round-trips every parameter the preset reads', () => {
    const params = {
      ...presetParams('truncation'),
      trunc: 7,
      delay: 9,
      s: 1.05,
      nonlinearity: 'tanh' as const,
      seed: 12,
    };
    const state = { ...initialState(), gradients: { ...initialState().gradients, params } };
    const href = hrefFor('gradients', state);
    expect(href).toBe('#/gradients?gp=truncation&gs=1.05&gn=tanh&gk=7&gd=9&gseed=12');
    const { route, problems } = parseHash(href);
    expect(problems).toEqual([]);
    expect(gradientsFromParams(route.params).params).toEqual(params);
  });
  test('out-of-range or malformed values are dropped with a notice', () => {
    const { route, problems } = parseHash('#/gradients?gp=scale&gs=7&gT=abc&gn=tanh');
    expect(route.params).toEqual({ gp: 'scale', gn: 'tanh' });
    expect(problems).toHaveLength(2);
    expect(gradientsFromParams(route.params).params).toEqual({
      ...presetParams('scale'),
      nonlinearity: 'tanh',
    });
  });
});

describe('latestOnly', () => {
  test('one call in flight; while busy only the newest value waits; replies are delivered in order', async () => {
    const resolvers: ((v: string) => void)[] = [];
    const run = vi.fn(
      (p: number) => new Promise<string>((resolve) => resolvers.push((v) => resolve(`${p}:${v}`))),
    );
    const delivered: string[] = [];
    const busy: boolean[] = [];
    const submit = latestOnly({
      run,
      deliver: (r) => delivered.push(r),
      fail: () => {},
      busy: (b) => busy.push(b),
    });
    submit(1);
    submit(2);
    submit(3); // replaces 2, which is never sent
    expect(run).toHaveBeenCalledTimes(1);
    resolvers[0]!('a');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
    expect(run.mock.calls.map((c) => c[0])).toEqual([1, 3]);
    resolvers[1]!('b');
    await vi.waitFor(() => expect(delivered).toEqual(['1:a', '3:b']));
    expect(busy).toEqual([true, true, false]);
  });
  test('a failure is reported and the next value still goes out', async () => {
    const fail = vi.fn();
    let reject: (e: Error) => void = () => {};
    const run = vi.fn((p: number) =>
      p === 1 ? new Promise<number>((_, r) => (reject = r)) : Promise.resolve(p),
    );
    const delivered: number[] = [];
    const submit = latestOnly({ run, deliver: (r) => delivered.push(r), fail, busy: () => {} });
    submit(1);
    submit(2);
    reject(new Error('boom'));
    await vi.waitFor(() => expect(delivered).toEqual([2]));
    expect(fail).toHaveBeenCalledTimes(1);
  });
});
