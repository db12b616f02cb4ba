// The Tagging view with a scripted engine: Start sends the race the controls name (and the text
// for the spaces task), progress draws both racers' curves, the sample that follows shows the
// restored spaces with each mistake marked, a changed setting is written to the address and
// pauses the race, and leaving the view pauses it.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TaggingPanel } from '../../src/panels/TaggingPanel';
import { futurePieces, spacesPieces } from '../../src/panels/tagging/segments';
import { bindApp } from '../../src/store/engineAccess';
import { appStore, resetStore } from '../../src/store/store';
import { loadKatex } from '../../src/viz/katex';
import type { TagSample } from '../../src/worker/protocol';
import { progress, SAMPLE, scriptedEngine } from './tagEngine';

describe('the Tagging view', () => {
  let unbind = () => {};
  beforeEach(async () => {
    // KaTeX up front, so the equations render without suspending.
    await loadKatex();
    window.history.replaceState(null, '', '#/tagging');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('To be, or not to be: that is the question.'))),
    );
  });
  afterEach(() => {
    unbind();
    resetStore();
    vi.unstubAllGlobals();
  });

  test('a race from Start to a marked sample', async () => {
    const { engine, sent, push } = scriptedEngine(1, [
      { key: 'unigram', label: 'current character only', value: 0.38 },
    ]);
    unbind = bindApp(window, engine);
    appStore.setState((s) => ({ ui: { ...s.ui, view: 'tagging' } }));
    const { unmount } = render(<TaggingPanel />);
    expect(screen.getByTestId('tag-status').textContent).toBe('Ready: press Start.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      type: 'tagRaceStart',
      race: { task: 'spaces', lookahead: 3, cell: 'gru', layers: 1, seed: 1 },
      text: 'To be, or not to be: that is the question.',
    });
    expect((await screen.findByRole('list', { name: 'The two models' })).textContent).toContain(
      'bidirectional GRU, H = 24 per direction, 12,914 parameters',
    );
    await act(async () => {
      push(progress(0, [0.1, 0.3]));
      await vi.waitFor(() => expect(appStore.getState().tagging.race.sample).not.toBeNull());
    });
    act(() => push(progress(50, [0.6, 0.9])));
    expect(appStore.getState().tagging.race.curves[1]!.f1).toEqual([0.3, 0.9]);
    expect(screen.getByTestId('tag-status').textContent).toBe(
      'Racing: step 50 of 3,000, 25 steps/s.',
    );
    const fwd = screen.getByTestId('tag-sample-forward');
    expect(
      within(fwd).getByText(/1 word ends missed, 1 spaces put where none belongs/),
    ).toBeTruthy();
    expect(fwd.querySelector('p')!.textContent).toBe('to be or n ot ');
    expect(fwd.querySelectorAll('mark.tg-missed')).toHaveLength(1);
    expect(fwd.querySelectorAll('mark.tg-extra')).toHaveLength(1);
    const both = screen.getByTestId('tag-sample-bidirectional');
    expect(both.querySelectorAll('mark')).toHaveLength(0);
    expect(within(both).getByText(/100.0 % of the characters tagged right/)).toBeTruthy();

    // Another cell: written to the address, and the race pauses.
    fireEvent.change(screen.getByRole('combobox', { name: 'Cell' }), { target: { value: 'lstm' } });
    expect(window.location.hash).toBe('#/tagging?tcell=lstm');
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'tagRacePause' }));
    // The race held is another: Start, not Resume.
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy();

    // The future task shows its lookahead slider.
    fireEvent.click(screen.getByRole('radio', { name: 'Tag with the future' }));
    expect(screen.getByRole('slider', { name: /Lookahead k/ })).toBeTruthy();
    expect(window.location.hash).toBe('#/tagging?ttask=future&tcell=lstm');
    const count = sent.length;
    unmount();
    expect(sent).toHaveLength(count); // paused already: nothing more to send
  });
});

describe('how a sample reads', () => {
  test('the spaces task: restored spaces, missed and extra word ends, counts', () => {
    const { pieces, counts } = spacesPieces(SAMPLE, 0);
    expect(pieces).toEqual([
      { kind: 'text', text: 'to be' },
      { kind: 'missed', text: ' ' },
      { kind: 'text', text: 'or n' },
      { kind: 'extra', text: ' ' },
      { kind: 'text', text: 'ot ' },
    ]);
    expect(counts).toEqual({ right: 7, scored: 9, missed: 1, extra: 1 });
  });

  test('the future task: right, wrong and unscored letters', () => {
    const sample: TagSample = {
      chars: [...'abcd'],
      truth: Int32Array.from([2, 3, -1, -1]),
      predicted: [Int32Array.from([2, 0, 1, 1])],
    };
    const { pieces, counts } = futurePieces(sample, 0, ['a', 'b', 'c', 'd'], 3);
    expect(pieces).toEqual([
      { kind: 'right', text: 'c' },
      { kind: 'wrong', text: 'a' },
      { kind: 'unscored', text: 'b' },
    ]);
    expect(counts).toMatchObject({ right: 1, scored: 2 });
  });
});
