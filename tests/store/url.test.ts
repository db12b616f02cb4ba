import { initialState } from '../../src/store/store';
import { describe, expect, test } from 'vitest';
import { hrefFor, MAX_HASH_LENGTH, parseHash, serialiseHash } from '../../src/store/url';
import { initialConfig } from '../../src/store/config';

const forward = { view: 'forward', params: {} };

describe('parseHash', () => {
  test.each(['', '#', '#/'])('%j is the default view, with no complaint', (hash) => {
    expect(parseHash(hash)).toEqual({ route: forward, problems: [] });
  });

  test.each([
    ['#/forward', 'forward'],
    ['#/train', 'train'],
    ['#/gradients', 'gradients'],
    ['#/about', 'about'],
    ['#/about/', 'about'],
  ])('%s is the %s view', (hash, view) => {
    expect(parseHash(hash)).toEqual({ route: { view, params: {} }, problems: [] });
  });

  test('reads the settings', () => {
    expect(parseHash('#/train?cell=gru&corpus=tang&seed=42')).toEqual({
      route: { view: 'train', params: { cell: 'gru', corpus: 'tang', seed: 42 } },
      problems: [],
    });
  });

  test.each([
    ['#/nonsense', /“nonsense” is not a page/],
    ['#%%%', /“%%%” is not a page/],
    ['#main', /“main” is not a page/],
    ['#/Forward', /“Forward” is not a page/],
    ['#/nope?x=%%%', /“nope” is not a page/],
    [`#/${'a'.repeat(MAX_HASH_LENGTH)}`, /too long/],
  ])('%s falls back to the default view', (hash, problem) => {
    const { route, problems } = parseHash(hash);
    expect(route).toEqual(forward);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  test('clips long garbage before it reaches the notice', () => {
    const { problems } = parseHash(`#/${'z'.repeat(500)}`);
    expect(problems[0]?.length).toBeLessThan(80);
  });

  test('drops bad values and unknown keys but keeps the view and the good values', () => {
    const { route, problems } = parseHash('#/gradients?cell=banana&seed=7&colour=red');
    expect(route).toEqual({ view: 'gradients', params: { seed: 7 } });
    expect(problems).toEqual([
      'Ignored the unknown setting “colour”.',
      'Ignored cell=“banana”, which is not a valid value.',
    ]);
  });

  test.each(['-1', '1.5', 'abc', '1234567890', '', '%%'])('seed=%s is invalid', (seed) => {
    const { route, problems } = parseHash(`#/train?seed=${seed}`);
    expect(route).toEqual({ view: 'train', params: {} });
    expect(problems).toHaveLength(1);
  });
});

describe('serialiseHash', () => {
  test('writes the view, then the settings in a fixed order', () => {
    expect(serialiseHash({ view: 'about', params: {} })).toBe('#/about');
    expect(serialiseHash({ view: 'train', params: { seed: 3, cell: 'rnn' } })).toBe(
      '#/train?cell=rnn&seed=3',
    );
  });

  test.each(['#/forward', '#/gradients?cell=gru', '#/train?corpus=tang&cell=rnn&seed=0'])(
    'round-trips %s',
    (hash) => {
      expect(serialiseHash(parseHash(hash).route)).toBe(hash);
    },
  );
});

describe('hrefFor', () => {
  test('writes only the settings that differ from the defaults', () => {
    const state = initialState();
    expect(hrefFor('train', state)).toBe('#/train');
    const changed = { ...state, config: { ...initialConfig(), cell: 'gru' as const, seed: 9 } };
    expect(hrefFor('train', changed)).toBe('#/train?cell=gru&seed=9');
    // Each view's link carries only its own settings.
    expect(hrefFor('about', changed)).toBe('#/about');
  });
});
