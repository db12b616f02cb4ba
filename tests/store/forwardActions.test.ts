// The Forward pass view's stepping and playback actions, on the store alone (no React, no
// engine): a trace computed here is installed as the view's result.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SHAKESPEARE_CHARS } from '../../src/content/forward';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import { traceSequence } from '../../src/engine/trace';
import { encode, vocabFromChars } from '../../src/engine/vocab';
import type { ForwardResult } from '../../src/store/forward';
import {
  goToStep,
  jumpToEnd,
  jumpToStart,
  moveRow,
  pickCell,
  setDirection,
  setSpeed,
  setText,
  setUnit,
  stepBy,
  stopPlayback,
  togglePlay,
} from '../../src/store/forwardActions';
import { setPass } from '../../src/store/backwardActions';
import { appStore, patchForward } from '../../src/store/store';

const forward = () => appStore.getState().forward;

function install(text: string, hiddenSize = 4): ForwardResult {
  const vocab = vocabFromChars([...SHAKESPEARE_CHARS]);
  const V = vocab.chars.length;
  const model = createModel(
    {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize,
      numLayers: 1,
      bidirectional: false,
      input: 'onehot',
      inputSize: V,
      outputSize: V,
      head: 'softmax',
    },
    createRng(1),
  );
  const ids = encode(text, vocab);
  const trace = traceSequence(model, ids.slice(0, -1), ids.slice(1));
  const result: ForwardResult = {
    text,
    chars: Array.from(text),
    tagged: null,
    trace,
    model: {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize,
      numLayers: 1,
      vocab: [...vocab.chars],
      parameters: 0,
      step: 0,
      trainable: false,
    },
    unknown: [],
    source: 'fresh',
  };
  patchForward({ text, result, status: 'ready', t: 0, pass: 'forward' });
  return result;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  stopPlayback();
  vi.useRealTimers();
});

describe('stepping', () => {
  test('steps, jumps and clamps to the trace', () => {
    install('hello'); // T = 4
    stepBy(1);
    expect(forward().t).toBe(1);
    stepBy(10);
    expect(forward().t).toBe(3);
    stepBy(-10);
    expect(forward().t).toBe(0);
    jumpToEnd();
    expect(forward().t).toBe(3);
    jumpToStart();
    expect(forward().t).toBe(0);
    goToStep(2.4);
    expect(forward().t).toBe(2);
  });

  test('the unit is clamped to the hidden size', () => {
    install('hello', 4);
    setUnit(9);
    expect(forward().unit).toBe(3);
    setUnit(-2);
    expect(forward().unit).toBe(0);
    setUnit(Number.NaN);
    expect(forward().unit).toBe(0);
  });
});

describe('playback', () => {
  test('plays at the chosen speed and stops at the end', () => {
    install('hello');
    setSpeed(4);
    togglePlay();
    expect(forward().playing).toBe(true);
    vi.advanceTimersByTime(250);
    expect(forward().t).toBe(1);
    vi.advanceTimersByTime(500);
    expect(forward().t).toBe(3);
    expect(forward().playing).toBe(false);
  });

  test('play at the end starts again from the first step', () => {
    install('hello');
    jumpToEnd();
    togglePlay();
    expect(forward().t).toBe(0);
    expect(forward().playing).toBe(true);
  });

  test('the backward pass starts at the last step and plays down to the first', () => {
    install('hello'); // T = 4
    setPass('backward');
    expect(forward()).toMatchObject({ pass: 'backward', t: 3 });
    setSpeed(4);
    togglePlay();
    vi.advanceTimersByTime(250);
    expect(forward().t).toBe(2);
    vi.advanceTimersByTime(500);
    expect(forward().t).toBe(0);
    expect(forward().playing).toBe(false);
    // Play at the first step starts again from the last; the forward pass keeps its step.
    togglePlay();
    expect(forward().t).toBe(3);
    stopPlayback();
    setPass('forward');
    expect(forward()).toMatchObject({ pass: 'forward', t: 3 });
  });

  test('a step by hand pauses', () => {
    install('hello');
    togglePlay();
    stepBy(1);
    expect(forward().playing).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(forward().t).toBe(1);
  });

  test('without a trace there is nothing to play', () => {
    togglePlay();
    expect(forward().playing).toBe(false);
  });

  test('a new text starts at the first step; the same text keeps the step', () => {
    install('hello there');
    goToStep(7);
    setText('hello there');
    expect(forward().t).toBe(7);
    setText('hello world');
    expect(forward().t).toBe(0);
  });
});

/** A trace of a fresh GRU with L layers, forward only or both ways, installed as the result. */
function installGrid(numLayers: number, bidirectional: boolean): void {
  const vocab = vocabFromChars([...SHAKESPEARE_CHARS]);
  const V = vocab.chars.length;
  const model = createModel(
    {
      cell: 'gru',
      nonlinearity: 'tanh',
      hiddenSize: 3,
      numLayers,
      bidirectional,
      input: 'onehot',
      inputSize: V,
      outputSize: 2,
      head: 'softmax',
    },
    createRng(2),
  );
  const ids = encode('abcdef', vocab);
  const trace = traceSequence(model, ids, Int32Array.of(0, 1, 0, 0, 1, 1));
  patchForward({
    result: {
      text: 'abc def',
      chars: Array.from('abcdef'),
      tagged: { classes: ['inside', 'word end'], tags: [0, 0, 1, 0, 0, 1] },
      trace,
      model: {
        cell: 'gru',
        nonlinearity: 'tanh',
        hiddenSize: 3,
        numLayers,
        vocab: [...vocab.chars],
        parameters: 0,
        step: 0,
        trainable: false,
        ...(bidirectional ? { bidirectional: true } : {}),
      },
      unknown: [],
      source: 'file',
    },
    status: 'ready',
    t: 0,
    layer: 0,
    direction: 0,
  });
}

describe('picking a cell of the grid', () => {
  test('a pick sets the layer, the direction and the step, clamped to the model', () => {
    installGrid(2, true);
    pickCell(1, 1, 4);
    expect(forward()).toMatchObject({ layer: 1, direction: 1, t: 4 });
    pickCell(7, 0, 99);
    expect(forward()).toMatchObject({ layer: 1, direction: 0, t: 5 });
    setDirection(1);
    expect(forward().direction).toBe(1);
  });

  test('↑ and ↓ walk the rows: layer 1 forward, backward, layer 2 forward, backward', () => {
    installGrid(2, true);
    const rows: [number, number][] = [];
    for (let k = 0; k < 5; k++) {
      rows.push([forward().layer, forward().direction]);
      moveRow(1);
    }
    expect(rows).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 1],
    ]);
    moveRow(-3);
    expect(forward()).toMatchObject({ layer: 0, direction: 0 });
    moveRow(-1);
    expect(forward()).toMatchObject({ layer: 0, direction: 0 });
  });

  test('a forward-only model has no backward direction to pick', () => {
    installGrid(2, false);
    pickCell(1, 1, 2);
    expect(forward()).toMatchObject({ layer: 1, direction: 0, t: 2 });
    setDirection(1);
    expect(forward().direction).toBe(0);
    moveRow(-1);
    expect(forward()).toMatchObject({ layer: 0, direction: 0 });
  });

  test('a pick pauses playback', () => {
    installGrid(1, true);
    togglePlay();
    pickCell(0, 1, 3);
    expect(forward().playing).toBe(false);
    expect(forward()).toMatchObject({ layer: 0, direction: 1, t: 3 });
  });
});
