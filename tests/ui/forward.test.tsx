// The Forward pass view in jsdom with the real engine behind a fake client: every number it
// shows is compared with the engine's trace at the displayed precision.
import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { num } from '../../src/content/cellEquations';
import { DEFAULT_TEXT, SHAKESPEARE_CHARS } from '../../src/content/forward';
import { formatPercent, formatProbability, formatValue } from '../../src/content/format';
import type { Trace } from '../../src/engine/trace';
import { stopPlayback } from '../../src/store/forwardActions';
import { forgetModelFiles } from '../../src/store/forwardModels';
import { appStore } from '../../src/store/store';
import { saveAutosave } from '../../src/persist/trainingStore';
import { autosaveAt } from '../persist/db';
import { loadKatex } from '../../src/viz/katex';
import { taggerFile } from '../fixtures/forwardModels';
import { forwardEngine, modelFile, serveModels, type ForwardEngine } from './forwardEngine';
import { renderApp } from './renderApp';

beforeAll(async () => {
  await loadKatex();
});

beforeEach(() => {
  forgetModelFiles();
});

afterEach(() => {
  stopPlayback();
  vi.unstubAllGlobals();
});

const forward = () => appStore.getState().forward;

async function openForward(hash = '#/forward', engine: ForwardEngine = forwardEngine()) {
  const view = renderApp(hash, engine);
  await screen.findByRole('heading', { name: 'The unrolled network' }, { timeout: 5000 });
  await waitFor(() => expect(forward().status).toBe('ready'));
  return { view, engine };
}

function lastTrace(engine: ForwardEngine): Trace {
  const reply = engine.traces.at(-1);
  if (reply === undefined) throw new Error('no trace yet');
  return reply.trace;
}

function button(name: string) {
  return screen.getByRole('button', { name });
}

function heatValue(key: string): string {
  const strips = document.querySelector('.heat-strips');
  return strips?.querySelector(`[data-value="${key}"]`)?.textContent ?? '';
}

/** The TeX source of a KaTeX block (its MathML annotation). */
function texOf(testId: string): string {
  return screen.getByTestId(testId).querySelector('annotation')?.textContent ?? '';
}

function openTable(caption: RegExp): HTMLTableElement {
  fireEvent.click(screen.getByRole('button', { name: caption }));
  const table = screen.getByRole('table', { name: caption });
  return table as HTMLTableElement;
}

function rowsOf(table: HTMLTableElement): string[][] {
  return [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((c) => c.textContent ?? ''));
}

describe('the Forward pass view with a pretrained LSTM', () => {
  beforeEach(() => {
    serveModels({ lstm: modelFile('lstm'), gru: modelFile('gru'), rnn: modelFile('rnn') });
  });

  test('reads the default text and shows the trace’s numbers in every chart', async () => {
    const { engine } = await openForward();
    const trace = lastTrace(engine);
    expect(engine.traceRequests[0]).toEqual({ text: DEFAULT_TEXT, model: 'file', json: true });
    expect(trace.T).toBe(Array.from(DEFAULT_TEXT).length - 1);

    // Heat strips: unit 0 at step 1.
    const named = trace.named[0]![0]!;
    for (const key of ['i', 'f', 'g', 'o', 'c', 'h'] as const) {
      expect(heatValue(key), key).toBe(formatValue(named[key]![0]));
    }
    expect(heatValue('hprev')).toBe(formatValue(0));

    // Output: the loss at this step and the mean loss.
    expect(document.querySelector('[data-value="loss"]')?.textContent).toBe(
      formatValue(trace.stepLoss[0]),
    );
    expect(
      screen.getByText(new RegExp(`Mean over the text: ${formatValue(trace.loss)}`)),
    ).toBeTruthy();

    // Equations: the plugged lines carry the same numbers.
    const tex = texOf('plugged-equations');
    for (const key of ['i', 'f', 'g', 'o', 'c', 'h'] as const) {
      expect(tex, key).toContain(num(named[key]![0]));
    }
    expect(tex).toContain(`\\sigma(${num(named['f_pre']![0])})`);
    expect(texOf('plugged-loss')).toContain(num(trace.stepLoss[0]));
  });

  test('the Show data tables equal the trace', async () => {
    const { engine } = await openForward('#/forward?t=3&unit=2');
    const trace = lastTrace(engine);
    const t = 2;
    const named = trace.named[0]![t]!;

    const gates = openTable(/Gates and states of every hidden unit at step 3/);
    const heads = [...gates.tHead!.rows[0]!.cells].map((c) => c.textContent);
    expect(heads).toEqual(['Unit j', 'h_{t-1}', 'i_t', 'f_t', 'g_t', 'o_t', 'c_t', 'h_t']);
    rowsOf(gates).forEach((row, j) => {
      expect(row).toEqual([
        String(j),
        formatValue(trace.named[0]![t - 1]!['h']![j]),
        ...(['i', 'f', 'g', 'o', 'c', 'h'] as const).map((k) => formatValue(named[k]![j])),
      ]);
    });

    const belt = openTable(/The cell-state belt at step 3/);
    rowsOf(belt).forEach((row, j) => {
      const cPrev = trace.named[0]![t - 1]!['c']![j]!;
      expect(row[1]).toBe(formatValue(cPrev));
      expect(row[2]).toBe(formatValue(named['f']![j]));
      expect(row[5]).toBe(formatValue(named['c']![j]));
      // The two terms the belt shows add up to the engine's c_t.
      expect(named['f']![j]! * cPrev + named['i']![j]! * named['g']![j]!).toBeCloseTo(
        named['c']![j]!,
        12,
      );
    });

    const probs = trace.probs![t]!;
    const guesses = openTable(/Top 10 guesses after step 3/);
    const sorted = [...probs].map((p, id) => ({ p, id })).sort((a, b) => b.p - a.p || a.id - b.id);
    rowsOf(guesses)
      .slice(0, 10)
      .forEach((row, k) => {
        const { p, id } = sorted[k]!;
        expect(row[2]).toBe(formatProbability(p));
        expect(row[3]).toBe(formatPercent(p));
        expect(row[4]).toBe(formatValue(trace.outputs[t]![id]));
      });

    const steps = openTable(/The unrolled network: each step’s input/);
    const rows = rowsOf(steps);
    expect(rows).toHaveLength(trace.T);
    rows.forEach((row, s) => {
      expect(row[0]).toBe(String(s + 1));
      expect(row[2]).toBe(formatValue(trace.named[0]![s]!['h']![2]));
      expect(row[3]).toBe(formatValue(trace.named[0]![s]!['c']![2]));
      expect(row[8]).toBe(formatValue(trace.stepLoss[s]));
    });
    expect(steps.querySelector('tr[aria-current="true"] th')?.textContent).toBe('3');
  });

  test('buttons and keys step, play, and jump; the URL follows', async () => {
    const { engine } = await openForward();
    const trace = lastTrace(engine);
    const at = (t: number) => formatValue(trace.named[0]![t]!['f']![0]);
    const live = () =>
      document.querySelector('[aria-live="polite"][aria-atomic="true"]')?.textContent;

    fireEvent.click(button('Step forward'));
    expect(forward().t).toBe(1);
    expect(heatValue('f')).toBe(at(1));
    await waitFor(() => expect(window.location.hash).toBe('#/forward?t=2'));
    expect(live()).toMatch(/^Step 2 of \d+: read “e”, top guess .+ \d+\.\d %\.$/);
    expect(document.querySelector('.unrolled__col.is-current')?.getAttribute('data-step')).toBe(
      '1',
    );

    fireEvent.click(button('Step back'));
    expect(forward().t).toBe(0);

    const region = screen.getByRole('group', { name: /Unrolled network over/ });
    region.focus();
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(forward().t).toBe(2);
    expect(heatValue('f')).toBe(at(2));
    fireEvent.keyDown(region, { key: 'ArrowLeft' });
    expect(forward().t).toBe(1);
    fireEvent.keyDown(region, { key: 'End' });
    expect(forward().t).toBe(trace.T - 1);
    expect(heatValue('f')).toBe(at(trace.T - 1));
    fireEvent.keyDown(region, { key: 'Home' });
    expect(forward().t).toBe(0);
    await waitFor(() => expect(window.location.hash).toBe('#/forward'));

    // Typing in the text box keeps its keys.
    const box = screen.getByRole('textbox', { name: /Text/ });
    fireEvent.keyDown(box, { key: 'ArrowRight' });
    expect(forward().t).toBe(0);

    // Space plays and pauses; play advances on its own.
    vi.useFakeTimers();
    try {
      fireEvent.keyDown(region, { key: ' ' });
      expect(forward().playing).toBe(true);
      expect(button('Pause')).toBeTruthy();
      act(() => vi.advanceTimersByTime(1100));
      expect(forward().t).toBe(2);
      fireEvent.keyDown(region, { key: ' ' });
      expect(forward().playing).toBe(false);
      expect(button('Play')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }

    // A click on a column jumps there.
    const column = document.querySelector('.unrolled__col[data-step="5"]');
    fireEvent.click(column!);
    expect(forward().t).toBe(5);
    expect(heatValue('f')).toBe(at(5));
  });

  test('picking a unit updates the strips, the diagram and the equations', async () => {
    const { engine } = await openForward('#/forward?t=4');
    const trace = lastTrace(engine);
    const named = trace.named[0]![3]!;
    fireEvent.change(screen.getByRole('spinbutton', { name: /Hidden unit/ }), {
      target: { value: '4' },
    });
    expect(forward().unit).toBe(4);
    expect(window.location.hash).toBe('#/forward?t=4&unit=4');
    expect(heatValue('o')).toBe(formatValue(named['o']![4]));
    expect(texOf('plugged-equations')).toContain(`${num(named['c']![4])}`);
    const current = document.querySelector('.unrolled__col.is-current .unrolled__value');
    expect(current?.textContent).toBe(formatValue(named['h']![4]));
  });

  test('hovering an equation term highlights the chart, and the other way round', async () => {
    await openForward();
    const root = document.querySelector('.fwd') as HTMLElement;
    const term = document.querySelector('[data-testid="plugged-equations"] .sym-f');
    expect(term).not.toBeNull();
    fireEvent.mouseOver(term!);
    expect(root.dataset['hover']).toBe('f');
    expect(document.querySelector('.heat-row[data-sym="f"]')).not.toBeNull();
    fireEvent.mouseOut(term!, { relatedTarget: document.body });
    expect(root.dataset['hover']).toBeUndefined();

    fireEvent.mouseOver(document.querySelector('.heat-row[data-sym="c"] .heat-row__label')!);
    expect(root.dataset['hover']).toBe('c');
    expect(document.querySelectorAll('.fwd-equations .sym-c').length).toBeGreaterThan(0);
  });

  test('a reload restores the view from the URL', async () => {
    const { engine } = await openForward('#/forward?model=gru&text=To+be%2C+or+not&t=6&unit=3');
    expect(forward()).toMatchObject({ model: 'gru', text: 'To be, or not', t: 5, unit: 3 });
    const trace = lastTrace(engine);
    expect(engine.traceRequests.at(-1)).toMatchObject({ text: 'To be, or not', model: 'file' });
    expect(heatValue('z')).toBe(formatValue(trace.named[0]![5]!['z']![3]));
    expect(screen.getByRole('heading', { name: 'Inside the GRU cell at step 6' })).toBeTruthy();
    expect(screen.getByTestId('gru-note').textContent).toMatch(/swap the role of z/);
    const variants = screen.getByRole('table', { name: 'Three GRUs you will meet' });
    const rows = within(variants).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.lastElementChild?.textContent)).toEqual([
      'yes',
      'z: yes; reset: no',
      'z: swapped; reset: no',
    ]);
    expect(texOf('plugged-equations')).toContain(num(trace.named[0]![5]!['n']![3]));
  });

  test('an out-of-range step in the URL is clamped, with a notice', async () => {
    await openForward('#/forward?text=abcd&t=40');
    expect(forward().t).toBe(2);
    expect(appStore.getState().ui.notice).toMatch(/Step 40 is past the end/);
    await waitFor(() => expect(window.location.hash).toBe('#/forward?text=abcd&t=3'));
  });

  test('characters outside the vocabulary are marked and explained', async () => {
    const { engine } = await openForward('#/forward?text=caf%C3%A9+%E2%82%AC5');
    const reply = engine.traces.at(-1)!;
    expect(reply.unknown.map((u) => u.char)).toEqual(['é', '€', '5']);
    const note = document.querySelector('.fwd-unknown')!;
    expect(note.textContent).toMatch(/3 characters are not in this model’s vocabulary of 65/);
    expect(note.textContent).toMatch(/position 4/);
    expect(note.textContent).toMatch(/all-zero vector/);
    expect(document.querySelectorAll('.unrolled__input.is-unknown')).toHaveLength(2); // é and € (5 is only a target)
    // The step whose next character is unknown has no loss.
    act(() => appStore.setState((s) => ({ forward: { ...s.forward, t: 2 } })));
    expect(screen.getByText(/No loss at this step/)).toBeTruthy();
  });

  test('typing retraces after a pause, and stale replies are dropped', async () => {
    const { engine } = await openForward();
    const box = screen.getByRole('textbox', { name: /Text/ });
    engine.hold();
    fireEvent.change(box, { target: { value: 'Hello' } });
    await waitFor(() => expect(engine.traceRequests.at(-1)?.text).toBe('Hello'));
    fireEvent.change(box, { target: { value: 'Hello there' } });
    await waitFor(() => expect(engine.traceRequests.at(-1)?.text).toBe('Hello there'));
    engine.release();
    await waitFor(() => expect(forward().result?.text).toBe('Hello there'));
    expect(engine.traces.map((r) => r.trace.T)).toContain(4); // the stale reply did arrive…
    expect(forward().result?.trace.T).toBe(10); // …but was not shown
  });

  test('text is cut at 64 characters; fewer than 2 is explained', async () => {
    await openForward();
    const box = screen.getByRole('textbox', { name: /Text/ });
    fireEvent.change(box, { target: { value: 'x'.repeat(70) } });
    expect(forward().text).toHaveLength(64);
    expect(screen.getByText(/the rest was cut off/)).toBeTruthy();
    fireEvent.change(box, { target: { value: 'x' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/at least two/));
  });

  test('the keys work wherever focus is, except while typing in a field', async () => {
    const { engine } = await openForward();
    const trace = lastTrace(engine);
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(forward().t).toBe(1);
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(forward().t).toBe(0);
    fireEvent.keyDown(document.body, { key: 'End' });
    expect(forward().t).toBe(trace.T - 1);
    fireEvent.keyDown(document.body, { key: 'Home' });
    expect(forward().t).toBe(0);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(forward().playing).toBe(true);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(forward().playing).toBe(false);
    const box = screen.getByRole('textbox', { name: /Text/ });
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowRight' });
    fireEvent.keyDown(box, { key: 'End' });
    expect(forward().t).toBe(0);
  });

  test('a new text starts again at the first step', async () => {
    await openForward();
    fireEvent.keyDown(document.body, { key: 'End' });
    expect(forward().t).toBeGreaterThan(5);
    fireEvent.change(screen.getByRole('textbox', { name: /Text/ }), {
      target: { value: 'Hello there, world' },
    });
    expect(forward().t).toBe(0);
    await waitFor(() => expect(forward().result?.text).toBe('Hello there, world'));
    expect(forward().t).toBe(0);
  });

  test('a layer picker appears for a stacked model and shows that layer', async () => {
    serveModels({ lstm: modelFile('lstm', { numLayers: 2, hiddenSize: 5 }) });
    const { engine } = await openForward('#/forward?t=2');
    const trace = lastTrace(engine);
    expect(heatValue('f')).toBe(formatValue(trace.named[0]![1]!['f']![0]));
    fireEvent.change(screen.getByRole('combobox', { name: 'Layer shown' }), {
      target: { value: '1' },
    });
    expect(forward().layer).toBe(1);
    expect(window.location.hash).toBe('#/forward?t=2&layer=2');
    expect(heatValue('f')).toBe(formatValue(trace.named[1]![1]!['f']![0]));
    expect(texOf('plugged-equations')).toContain(num(trace.named[1]![1]!['c']![0]));
  });
});

describe('a two-layer model as a grid', () => {
  beforeEach(() => {
    serveModels({ lstm: modelFile('lstm', { numLayers: 2, hiddenSize: 5 }) });
  });

  /** The y of a grid cell's box, by layer, in a step's column. */
  function cellTop(t: number, layer: number): number {
    const cell = document.querySelector(
      `.unrolled__col[data-step="${String(t)}"] .unrolled__grid-cell[data-layer="${String(layer)}"]`,
    );
    return Number(cell?.querySelector('.unrolled__cell')?.getAttribute('y'));
  }

  test('draws layers × time, the guesses above the top layer', async () => {
    const { engine } = await openForward('#/forward?t=3');
    const trace = lastTrace(engine);
    expect(trace.L).toBe(2);
    const columns = document.querySelectorAll('.unrolled__col');
    expect(columns).toHaveLength(trace.T);
    for (const column of columns) {
      const cells = column.querySelectorAll('.unrolled__grid-cell');
      expect([...cells].map((c) => c.getAttribute('data-layer'))).toEqual(['0', '1']);
    }
    // Layer 2 is drawn above layer 1, and the guesses above layer 2 (y grows downwards).
    const guess = document.querySelector('.unrolled__col[data-step="1"] .unrolled__guess.is-top');
    expect(cellTop(1, 1)).toBeLessThan(cellTop(1, 0));
    expect(Number(guess?.getAttribute('y'))).toBeLessThan(cellTop(1, 1));
    // The guesses are the head's, which reads the top layer: p_t's most probable character.
    const probs = trace.probs![1]!;
    const best = probs.indexOf(Math.max(...probs));
    expect(guess?.textContent).toBe(
      `${SHAKESPEARE_CHARS[best] === ' ' ? '␣' : SHAKESPEARE_CHARS[best]!} ${formatPercent(probs[best]).replace(' %', '%')}`,
    );
    // Every computed cell shows its own layer's h_t[unit]; cells after the step wait.
    for (const layer of [0, 1]) {
      for (let t = 0; t <= 2; t++) {
        const cell = screen.getByRole('button', {
          name: new RegExp(`^Layer ${String(layer + 1)}, step ${String(t + 1)}: `),
        });
        expect(cell.querySelector('.unrolled__value')?.textContent).toBe(
          formatValue(trace.named[layer]![t]!['h']![0]),
        );
      }
    }
    expect(screen.getByRole('button', { name: 'Layer 2, step 4: not computed yet' })).toBeTruthy();
  });

  test('clicking a cell, or ↑ ↓ with the diagram focused, picks its layer and step', async () => {
    const { engine } = await openForward('#/forward?t=2');
    const trace = lastTrace(engine);
    expect(forward().layer).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: /^Layer 2, step 2: / }));
    expect(forward()).toMatchObject({ layer: 1, t: 1 });
    await waitFor(() => expect(heatValue('f')).toBe(formatValue(trace.named[1]![1]!['f']![0])));
    expect(
      screen.getByRole('heading', { name: 'Inside the LSTM cell at step 2, layer 2' }),
    ).toBeTruthy();
    expect(texOf('plugged-equations')).toContain(num(trace.named[1]![1]!['c']![0]));
    expect(
      screen.getByRole('button', { name: /^Layer 2, step 2: / }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(window.location.hash).toBe('#/forward?t=2&layer=2');

    // A click on a cell of a step not reached yet jumps there.
    fireEvent.click(screen.getByRole('button', { name: /^Layer 1, step 5: / }));
    expect(forward()).toMatchObject({ layer: 0, t: 4 });

    const diagram = document.querySelector<HTMLElement>('.diagram-scroll')!;
    diagram.focus();
    fireEvent.keyDown(diagram, { key: 'ArrowUp' });
    expect(forward()).toMatchObject({ layer: 1, t: 4 });
    fireEvent.keyDown(diagram, { key: 'ArrowUp' }); // already the top layer
    expect(forward().layer).toBe(1);
    fireEvent.keyDown(diagram, { key: 'ArrowRight' });
    expect(forward()).toMatchObject({ layer: 1, t: 5 });
    fireEvent.keyDown(diagram, { key: 'ArrowDown' });
    expect(forward()).toMatchObject({ layer: 0, t: 5 });
    await waitFor(() => expect(heatValue('f')).toBe(formatValue(trace.named[0]![5]!['f']![0])));
    expect(diagram.getAttribute('aria-activedescendant')).toMatch(/-cell-0-5$/);
  });
});

describe('the two-layer models of the menu', () => {
  test('the two-layer LSTM is read from lstm2.json; both new models are in the menu', async () => {
    const fetched = serveModels({ lstm2: modelFile('lstm', { numLayers: 2, hiddenSize: 4 }) });
    await openForward('#/forward?model=lstm2');
    expect(fetched.some((url) => url.endsWith('models/lstm2.json'))).toBe(true);
    expect(forward().result).toMatchObject({
      source: 'file',
      model: { numLayers: 2, hiddenSize: 4 },
    });
    expect(
      screen.getByRole('option', { name: 'Two-layer LSTM trained on Shakespeare' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('option', {
        name: 'Bidirectional GRU that puts the spaces back (two layers)',
      }),
    ).toBeTruthy();
  });

  test('a missing lstm2.json falls back to a fresh two-layer LSTM, with a note', async () => {
    serveModels({ lstm2: null });
    await openForward('#/forward?model=lstm2');
    expect(forward().result).toMatchObject({
      source: 'fresh',
      model: { cell: 'lstm', numLayers: 2 },
    });
    expect(forward().modelNote).toMatch(/could not be loaded/);
    expect(
      document.querySelectorAll('.unrolled__col[data-step="0"] .unrolled__grid-cell'),
    ).toHaveLength(2);
  });
});

describe('a bidirectional spaces tagger', () => {
  beforeEach(() => {
    serveModels({ tagger: taggerFile({ cell: 'gru', hiddenSize: 5, numLayers: 2 }) });
  });

  const text = 'to be or not to be';
  const href = `#/forward?model=tagger&text=${encodeURIComponent(text)}`;

  /** The grid cell of a layer and direction at step t. */
  function gridCell(t: number, layer: number, direction: number): Element {
    const cell = document.querySelector(
      `.unrolled__col[data-step="${String(t)}"] .unrolled__grid-cell[data-layer="${String(layer)}"][data-direction="${String(direction)}"]`,
    );
    if (cell === null)
      throw new Error(`no cell ${String(t)} ${String(layer)} ${String(direction)}`);
    return cell;
  }

  test('reads the text without spaces; two rows per layer hold the trace’s two directions', async () => {
    const { engine } = await openForward(`${href}&t=4`);
    const trace = lastTrace(engine);
    const result = forward().result!;
    expect(result.chars.join('')).toBe('tobeornottobe');
    expect(result.tagged?.tags).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    expect(trace.T).toBe(13);
    expect(trace.named).toHaveLength(4);
    expect(screen.getByText('tobeornottobe')).toBeTruthy();
    const steps = screen.getByTestId('bidirectional-steps');
    expect(steps.textContent).toMatch(/whole text first/);
    expect(steps.textContent).toContain('h←t = cell(xt, h←t+1)');
    expect([...steps.querySelectorAll('sub')].map((s) => s.textContent)).toContain('t+1');
    const cells = document.querySelectorAll('.unrolled__col[data-step="0"] .unrolled__grid-cell');
    expect(
      [...cells].map((c) => `${c.getAttribute('data-layer')!}${c.getAttribute('data-direction')!}`),
    ).toEqual(['00', '01', '10', '11']);
    for (let t = 0; t < trace.T; t++) {
      for (const layer of [0, 1]) {
        // The backward row ran over the whole text first: every step shows its state.
        expect(gridCell(t, layer, 1).querySelector('.unrolled__value')?.textContent).toBe(
          formatValue(trace.named[layer * 2 + 1]![t]!['h']![0]),
        );
        // The forward row fills up to the current step (index 3).
        const value = gridCell(t, layer, 0).querySelector('.unrolled__value')?.textContent;
        expect(value).toBe(t <= 3 ? formatValue(trace.named[layer * 2]![t]!['h']![0]) : undefined);
      }
    }
    // Layer 2's rows sit above layer 1's, the backward row above the forward one.
    const top = (c: Element) => Number(c.querySelector('.unrolled__cell')?.getAttribute('y'));
    expect(top(gridCell(0, 0, 1))).toBeLessThan(top(gridCell(0, 0, 0)));
    expect(top(gridCell(0, 1, 0))).toBeLessThan(top(gridCell(0, 0, 1)));
    expect(top(gridCell(0, 1, 1))).toBeLessThan(top(gridCell(0, 1, 0)));
  });

  test('the tags shown are the argmax of the trace’s outputs, mistakes marked', async () => {
    const { engine } = await openForward(href);
    fireEvent.keyDown(document.body, { key: 'End' });
    const trace = lastTrace(engine);
    const classes = ['inside', 'word end'];
    const truth = forward().result!.tagged!.tags;
    await waitFor(() => expect(forward().t).toBe(trace.T - 1));
    let wrong = 0;
    for (let t = 0; t < trace.T; t++) {
      const y = trace.outputs[t]!;
      const best = y[1]! > y[0]! ? 1 : 0;
      const tag = document.querySelector(`.unrolled__col[data-step="${String(t)}"] .unrolled__tag`);
      expect(tag?.querySelector('.is-top')?.textContent).toBe(classes[best]);
      const right = best === truth[t];
      if (!right) wrong += 1;
      expect(tag?.classList.contains(right ? 'is-right' : 'is-wrong')).toBe(true);
      expect(tag?.querySelector('.unrolled__tag-truth')?.textContent).toBe(
        right ? '✓' : `✗ ${classes[truth[t]!]!}`,
      );
    }
    expect(document.querySelectorAll('.unrolled__tag.is-wrong')).toHaveLength(wrong);
    // The tag's softmax over [h→; h←] with the live numbers, at the last step.
    const t = trace.T - 1;
    const p = trace.probs![t]!;
    const plugged = texOf('plugged-tag');
    expect(plugged).toContain(`(${num(p[0])},\\ ${num(p[1])})`);
    expect(plugged).toContain(num(trace.named[3]![t]!['h']![0]));
    expect(plugged).toContain(num(trace.named[2]![t]!['h']![0]));
    expect(plugged).toContain(classes[p[1]! > p[0]! ? 1 : 0]!);
    // The output section: the true tag is scored.
    expect(screen.getByRole('heading', { name: 'The tag of x_t' })).toBeTruthy();
    expect(trace.stepLoss[t]).toBeCloseTo(-Math.log(p[truth[t]!]!), 12);
  });

  test('picking a backward cell shows that direction’s gates and h←_{t+1}', async () => {
    const { engine } = await openForward(`${href}&t=2`);
    const trace = lastTrace(engine);
    fireEvent.click(screen.getByRole('button', { name: /^Layer 2, backward, step 3: / }));
    expect(forward()).toMatchObject({ layer: 1, direction: 1, t: 2 });
    expect(window.location.hash).toContain('dir=backward');
    await waitFor(() => expect(heatValue('z')).toBe(formatValue(trace.named[3]![2]!['z']![0])));
    expect(heatValue('hprev')).toBe(formatValue(trace.named[3]![3]!['h']![0]));
    expect(
      screen.getByRole('heading', { name: 'Inside the GRU cell at step 3, layer 2, backward' }),
    ).toBeTruthy();
    expect(texOf('plugged-equations')).toContain(num(trace.named[3]![2]!['n']![0]));
    // ↓ goes to layer 2's forward row, then layer 1's backward one.
    const diagram = document.querySelector<HTMLElement>('.diagram-scroll')!;
    fireEvent.keyDown(diagram, { key: 'ArrowDown' });
    expect(forward()).toMatchObject({ layer: 1, direction: 0 });
    fireEvent.keyDown(diagram, { key: 'ArrowDown' });
    expect(forward()).toMatchObject({ layer: 0, direction: 1 });
    await waitFor(() => expect(heatValue('z')).toBe(formatValue(trace.named[1]![2]!['z']![0])));
  });

  test('a missing tagger file is explained, not replaced by a character model', async () => {
    serveModels({ tagger: null });
    renderApp(href, forwardEngine());
    await waitFor(() => expect(forward().status).toBe('error'));
    expect(screen.getByRole('alert').textContent).toMatch(/spaces tagger could not be loaded/);
  });
});

describe('words', () => {
  test('“an LSTM”, “an RNN”, “a GRU”; −ln in every loss; σ only where a cell uses it', async () => {
    serveModels({ lstm: modelFile('lstm'), gru: modelFile('gru'), rnn: modelFile('rnn') });
    const summary = () => document.querySelector('.fwd-model__summary')?.textContent ?? '';
    const lede = () => document.querySelector('.fwd-equations .fwd-lede')?.textContent ?? '';
    await openForward();
    expect(summary()).toMatch(/^Reading with an LSTM:/);
    expect(texOf('plugged-loss')).toContain('-\\ln');
    expect(texOf('plugged-loss')).not.toContain('\\log');
    expect(lede()).toMatch(/σ is the logistic sigmoid/);
    for (const [model, text] of [
      ['rnn', /^Reading with an RNN/],
      ['gru', /^Reading with a GRU/],
      ['fresh-rnn', /^Reading with a freshly initialised RNN/],
    ] as const) {
      fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), {
        target: { value: model },
      });
      await waitFor(() => expect(summary()).toMatch(text));
    }
    expect(lede()).not.toMatch(/σ/);
  });
});

describe('other models', () => {
  test('a missing model file falls back to a fresh model, with a note', async () => {
    const fetched = serveModels({});
    const { engine } = await openForward();
    expect(fetched).toEqual([expect.stringMatching(/\/models\/lstm\.json$/)]);
    expect(engine.traceRequests[0]?.model).toBe('fresh');
    expect(screen.getByText(/pretrained LSTM could not be loaded \(HTTP 404\)/)).toBeTruthy();
    expect(
      screen.getByText(/freshly initialised/, { selector: '.fwd-model__summary' }),
    ).toBeTruthy();
    expect(lastTrace(engine).H).toBe(48);
  });

  test('a bad model file shows the engine’s message', async () => {
    serveModels({ lstm: '{"format":"nope"}' });
    renderApp('#/forward', forwardEngine());
    await waitFor(() => expect(forward().status).toBe('error'));
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });

  test('switching to a fresh RNN shows its equations and values', async () => {
    serveModels({ lstm: modelFile('lstm') });
    const { engine } = await openForward();
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), {
      target: { value: 'fresh-rnn' },
    });
    await waitFor(() => expect(forward().result?.model.cell).toBe('rnn'));
    expect(window.location.hash).toBe('#/forward?model=fresh-rnn');
    const trace = lastTrace(engine);
    expect(trace.O).toBe(SHAKESPEARE_CHARS.length);
    expect(heatValue('a')).toBe(formatValue(trace.named[0]![0]!['a']![0]));
    expect(heatValue('h')).toBe(formatValue(trace.named[0]![0]!['h']![0]));
    const tex = texOf('plugged-equations');
    expect(tex).toContain(`\\tanh(`);
    const named = trace.named[0]![0]!;
    // a = (W_ih x + b_ih) + (W_hh h + b_hh), each term from the trace.
    expect(tex).toContain(`${num(named['a_ih']![0])} + ${num(named['ah']![0])}`);
  });

  test('after a reload, the training model is the autosaved run', async () => {
    serveModels({});
    await saveAutosave({ ...autosaveAt(12), model: modelFile('gru') }, 'earlier-visit');
    const engine = forwardEngine();
    renderApp('#/forward?model=training', engine);
    await waitFor(() => expect(forward().status).toBe('ready'));
    // The worker reads the run's model itself: the page sends only which run it is.
    expect(engine.traceRequests.at(-1)).toMatchObject({ model: 'autosave', json: false });
    expect(forward().result?.model.cell).toBe('gru');
    const box = document.querySelector('.fwd-model')!;
    expect(box.textContent).toMatch(/autosaved run, at step 12/);
    expect(within(box as HTMLElement).getByRole('link', { name: /Training view/ })).toBeTruthy();
    await saveAutosave({ ...autosaveAt(12), model: '{}' }, 'earlier-visit'); // leave no usable run behind
  });

  test('the training model, when there is none, explains why', async () => {
    serveModels({});
    renderApp('#/forward?model=training', forwardEngine());
    await waitFor(() => expect(forward().status).toBe('error'));
    expect(screen.getByRole('alert').textContent).toMatch(/no model/i);
    const link = within(document.querySelector('.fwd-model')!).getByRole('link', {
      name: /Training view/,
    });
    expect(link.getAttribute('href')).toBe('#/train');
    expect(
      within(document.querySelector('.fwd-model')!).getByRole('button', { name: 'Read again' }),
    ).toBeTruthy();
  });
});
