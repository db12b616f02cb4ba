// The Forward pass view's URL keys: round trips, defaults, garbage, and no clash with the keys of
// other views. Store logic only, no React.
import { describe, expect, test } from 'vitest';
import { DEFAULT_TEXT, FORWARD_MODELS } from '../../src/content/forward';
import { applyHash } from '../../src/store/actions';
import { CONFIG_PARAMS } from '../../src/store/config';
import {
  FORWARD_PARAMS,
  forwardFromParams,
  initialForward,
  paramsFromForward,
  type ForwardState,
} from '../../src/store/forward';
import { GRADIENTS_PARAMS } from '../../src/store/gradients';
import { appStore, initialState } from '../../src/store/store';
import { hrefFor, parseHash } from '../../src/store/url';

const forward = () => appStore.getState().forward;

function stateWith(patch: Partial<ForwardState>): ForwardState {
  return { ...initialForward(), ...patch };
}

describe('the forward URL keys', () => {
  test('do not clash with the keys of other views', () => {
    const mine = Object.keys(FORWARD_PARAMS);
    expect(mine).toEqual(['model', 'text', 't', 'layer', 'dir', 'unit', 'pass', 'k']);
    for (const other of [CONFIG_PARAMS, GRADIENTS_PARAMS]) {
      for (const key of mine) expect(Object.keys(other)).not.toContain(key);
    }
  });

  test('the defaults write no keys', () => {
    expect(hrefFor('forward', initialState())).toBe('#/forward');
    expect(forwardFromParams({})).toEqual({
      model: 'lstm',
      text: DEFAULT_TEXT,
      t: 0,
      layer: 0,
      direction: 0 as const,
      unit: 0,
      pass: 'forward',
      trunc: 0,
    });
  });

  test.each([
    {
      model: 'gru' as const,
      text: 'To be, or not to be',
      t: 4,
      layer: 0,
      direction: 0 as const,
      unit: 7,
      pass: 'backward' as const,
      trunc: 8,
    },
    {
      model: 'fresh-rnn' as const,
      text: 'a&b=c?d#e+f %',
      t: 0,
      layer: 1,
      direction: 1 as const,
      unit: 0,
      pass: 'forward' as const,
      trunc: 0,
    },
    {
      model: 'training' as const,
      text: 'héllo wörld 你好 😀',
      t: 12,
      layer: 3,
      direction: 0 as const,
      unit: 2047,
      pass: 'backward' as const,
      trunc: 200,
    },
  ])('round-trips $model, $text', (patch) => {
    const state = { ...initialState(), forward: stateWith(patch) };
    const href = hrefFor('forward', state);
    const { route, problems } = parseHash(href);
    expect(problems).toEqual([]);
    expect(route.view).toBe('forward');
    expect(forwardFromParams(route.params)).toEqual(patch);
  });

  test('steps and layers are 1-based in the URL, units 0-based', () => {
    const params = paramsFromForward(stateWith({ t: 2, layer: 1, unit: 0 }));
    expect(params).toEqual({ t: 3, layer: 2 });
    expect(parseHash('#/forward?t=3&layer=2&unit=5').route.params).toEqual({
      t: 3,
      layer: 2,
      unit: 5,
    });
  });

  test('every model in the menu is a valid value', () => {
    for (const model of FORWARD_MODELS) {
      expect(parseHash(`#/forward?model=${model}`).problems).toEqual([]);
    }
  });

  test.each([
    ['model=banana', 'model'],
    ['t=0', 't'],
    ['t=-1', 't'],
    ['t=abc', 't'],
    ['t=99999', 't'],
    ['layer=0', 'layer'],
    ['layer=9', 'layer'],
    ['unit=-3', 'unit'],
    ['unit=1.5', 'unit'],
    ['text=a', 'text'],
    [`text=${'x'.repeat(65)}`, 'text'],
    ['pass=sideways', 'pass'],
    ['pass=forward', 'pass'],
    ['k=0', 'k'],
    ['k=201', 'k'],
  ])('%s is dropped with a notice and the rest kept', (query, key) => {
    const good = key === 'unit' ? 'layer=2' : 'unit=4';
    const { route, problems } = parseHash(`#/forward?${query}&${good}`);
    expect(route.params).toEqual(key === 'unit' ? { layer: 2 } : { unit: 4 });
    expect(problems).toEqual([expect.stringContaining(`Ignored ${key}=`)]);
  });

  test('applying a garbage address falls back to the defaults and says so', () => {
    window.history.replaceState(null, '', '/#/forward?model=banana&t=abc&text=hello');
    applyHash(window);
    expect(forward()).toMatchObject({ model: 'lstm', t: 0, text: 'hello' });
    expect(appStore.getState().ui.notice).toMatch(/Ignored model=“banana”.*Ignored t=“abc”/);
    expect(window.location.hash).toBe('#/forward?text=hello');
  });
});
