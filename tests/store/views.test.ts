import { describe, expect, test } from 'vitest';
import { MESSAGES } from '../../src/content/i18n/all';
import { initialState } from '../../src/store/store';
import { addressFor, hrefFor, parseHash, slicesFromParams } from '../../src/store/url';
import { sliceOfView, URL_SLICE_KEYS, URL_SLICES, VIEWS } from '../../src/store/views';

describe('the view registry', () => {
  test('lists the views in the navigation’s order, each with its words', () => {
    expect(VIEWS).toEqual([
      'lesson',
      'forward',
      'train',
      'gradients',
      'series',
      'tagging',
      'attention',
      'about',
    ]);
    for (const view of VIEWS) expect(MESSAGES.en.views[view].label.length).toBeGreaterThan(0);
    expect(VIEWS.map(sliceOfView)).toEqual([
      null,
      'forward',
      'config',
      'gradients',
      'series',
      'tagging',
      'attention',
      null,
    ]);
  });

  test('no two slices claim the same URL key', () => {
    const owners = new Map<string, string>();
    for (const key of URL_SLICE_KEYS) {
      for (const param of Object.keys(URL_SLICES[key].params)) {
        expect(owners.get(param), `${param} is claimed twice`).toBeUndefined();
        owners.set(param, key);
      }
    }
    expect(owners.get('cell')).toBe('config');
    expect(owners.get('text')).toBe('forward');
    expect(owners.get('gp')).toBe('gradients');
    expect(owners.get('series')).toBe('series');
  });

  test('every slice’s initial state writes no keys, and reads back as itself', () => {
    const state = initialState();
    for (const key of URL_SLICE_KEYS) {
      const slice = URL_SLICES[key] as unknown as {
        toParams: (s: unknown) => object;
        fromParams: (p: object) => object;
      };
      expect(slice.toParams(state[key])).toEqual({});
      expect({ ...state[key], ...slice.fromParams({}) }).toEqual(state[key]);
    }
  });

  test('a view’s link carries its own slice’s keys and nothing else, and parses back', () => {
    const state = initialState();
    state.config = { ...state.config, cell: 'gru', seed: 7 };
    state.forward = { ...state.forward, text: 'hello there', t: 3 };
    state.gradients = { ...state.gradients, params: { ...state.gradients.params, T: 40 } };
    state.series = {
      ...state.series,
      source: 'sines',
      difference: false,
      horizon: 5,
      hidden: 64,
      // The sines read period 1; r belongs to the logistic map and stays out of this link.
      synth: { ...state.series.synth, period1: 50, noise: 0.25 },
    };
    state.tagging = { ...state.tagging, task: 'future', lookahead: 5, cell: 'lstm', layers: 2 };
    state.attention = {
      ...state.attention,
      task: 'reverse',
      minLength: 4,
      maxLength: 9,
      attention: 'general',
      cell: 'lstm',
      hidden: 32,
      bidirectional: true,
      example: 2,
      row: 3,
    };
    state.lesson = { ...state.lesson, chapter: 'gates' };
    state.teach = { embed: true, hide: ['cell'] };
    const expected = {
      lesson: '#/lesson',
      forward: '#/forward?text=hello+there&t=4',
      train: '#/train?cell=gru&seed=7',
      gradients: '#/gradients?gT=40',
      series: '#/series?series=sines&sh=5&shidden=64&speriod1=50&snoise=0.25',
      tagging: '#/tagging?ttask=future&tk=5&tcell=lstm&tlayers=2',
      attention:
        '#/attention?atask=reverse&amin=4&amax=9&aatt=general&acell=lstm&ahidden=32&abi=1&aex=3&arow=4',
      about: '#/about',
    };
    // Links to views leave out the page's own keys (the chapter, embed, hidden controls).
    for (const view of VIEWS) {
      const href = hrefFor(view, state);
      expect(href).toBe(expected[view]);
      const { route, problems } = parseHash(href);
      expect(problems).toEqual([]);
      expect(route.view).toBe(view);
      const slice = sliceOfView(view);
      if (slice === null) continue;
      expect({ ...state[slice], ...slicesFromParams(route.params)[slice] }).toEqual(state[slice]);
    }
    // The page's own address keeps them.
    state.ui = { ...state.ui, view: 'gradients' };
    expect(addressFor(state)).toBe('#/gradients?gT=40&ch=gates&embed=1&hide=cell');
    const { route } = parseHash(addressFor(state));
    expect(slicesFromParams(route.params).teach).toEqual({ embed: true, hide: ['cell'] });
    expect(slicesFromParams(route.params).lesson).toEqual({ chapter: 'gates' });
  });
});
