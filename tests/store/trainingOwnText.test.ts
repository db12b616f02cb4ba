// The learner's own text in the Training view (src/store/trainingData.ts), with the real worker
// handler and engine in process and an in-memory IndexedDB: each text the checks refuse gives its
// message and leaves the text, model, run, settings and the stored own text as they were; a good
// text (pasted or uploaded) becomes the corpus, is stored, and comes back on a reload.
import 'fake-indexeddb/auto';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAutosave, loadOwnText, saveOwnText } from '../../src/persist/trainingStore';
import { autosave } from '../../src/store/trainingController';
import { currentRunId } from '../../src/store/runSlot';
import { getEngine } from '../../src/store/engineAccess';
import { answerConfirm, trainOnOwnText } from '../../src/store/trainingActions';
import { MAX_UPLOAD_BYTES } from '../../src/store/trainingData';
import { config, emptyDb, rawDb, startTraining, stepTo, training, until } from './trainingHarness';

const HASH = '#/train?corpus=counting&hidden=8&seq=16&batch=4';
const PREVIOUS = 'The text stored on an earlier visit.';

beforeEach(emptyDb);
afterEach(() => {
  vi.restoreAllMocks();
});

const engine = () => getEngine()!;
const exportModel = async () => (await engine().request({ type: 'export' })).json;
const valLoss = async () => (await engine().request({ type: 'evaluate', maxChars: 400 })).loss;

const refused = () => training().corpusError !== null;

/**
 * Offers a text as the view does, says yes if asked, and waits until it is refused or in use;
 * returns whether the learner was asked.
 */
async function offer(source: string | Blob): Promise<boolean> {
  const model = training().model;
  const inUse = () =>
    config().corpus === 'own' &&
    training().corpus?.name === 'own' &&
    training().phase === 'ready' &&
    training().model !== model;
  trainOnOwnText(source);
  await until(() => refused() || inUse() || training().confirm !== null, 'an answer');
  const asked = training().confirm !== null;
  if (asked) answerConfirm(true);
  await until(() => refused() || inUse(), 'the text to be refused or used');
  return asked;
}

/** A run trained for two steps on the counting text, with an own text stored earlier. */
async function trainedRun() {
  await saveOwnText(PREVIOUS);
  const app = await startTraining(HASH);
  await stepTo(2);
  await app.idle();
  return {
    app,
    corpus: training().corpus,
    model: training().model,
    config: config(),
    hash: window.location.hash,
    file: await exportModel(),
    loss: await valLoss(),
  };
}

const bytes = (...b: number[]) => new Blob([Uint8Array.from(b)]);
const text = (n: number) => 'the cat sat on the mat. '.repeat(Math.ceil(n / 24)).slice(0, n);

describe('a refused text', { timeout: 30_000 }, () => {
  it.each([
    ['an empty text', '', 'The text is empty. Paste or upload some text to learn from.'],
    ['only whitespace', ' \n\t \n', 'The text is empty. Paste or upload some text to learn from.'],
    [
      'text with a NUL byte',
      `${text(200)}\u0000`,
      'This looks like a binary file (it contains NUL bytes), not text.',
    ],
    [
      'a file with NUL bytes',
      bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42),
      'This looks like a binary file (it contains NUL bytes), not text.',
    ],
    [
      'a file that is not UTF-8',
      bytes(0x68, 0x69, 0xff, 0xfe, 0x80, 0x20, 0x61),
      'The file is not valid UTF-8 text. Save it as UTF-8 (or plain text) and try again.',
    ],
    [
      'text full of replacement characters',
      `${'\ufffd'.repeat(10)}${text(190)}`,
      'This looks like a binary file, not text: 10 of its characters are control codes or undecodable bytes.',
    ],
    [
      'a single repeated character',
      'z'.repeat(500),
      'The text has only one distinct character; a model needs at least two to learn anything.',
    ],
    ['a text too short', 'abcabc', 'The text is too short: 6 characters; give at least 100.'],
    [
      'a text over the limit',
      text(5_000_001),
      'The text is too long: 5,000,001 characters; the limit is 5,000,000.',
    ],
    [
      'a file over 5 MB',
      new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61)]),
      'The file is too big (5.0 MB); the limit is 5 MB.',
    ],
  ])('%s: says why and changes nothing', async (_what, source, message) => {
    const before = await trainedRun();
    const sent = before.app.requests.length;
    // Checked first: the learner is not asked to discard the trained run for a refused text.
    expect(await offer(source)).toBe(false);
    expect(training().corpusError).toBe(message);
    expect(training()).toMatchObject({
      phase: 'ready',
      step: 2,
      error: null,
      corpus: before.corpus,
      model: before.model,
    });
    expect(config()).toEqual(before.config);
    expect(window.location.hash).toBe(before.hash);
    expect(await loadOwnText()).toBe(PREVIOUS);
    // The engine still holds the same model and text: same file, same validation loss.
    expect(await exportModel()).toBe(before.file);
    expect(await valLoss()).toBe(before.loss);
    expect(before.app.requests.slice(sent)).not.toContain('create');
    await stepTo(3);
  });

  it('keeps the own text in use, and stored, when training on one', async () => {
    const app = await startTraining(HASH);
    const mine = text(400);
    await offer(mine);
    await stepTo(1);
    await app.idle();
    const corpus = training().corpus;
    await offer('x'.repeat(300));
    expect(training().corpusError).toBe(
      'The text has only one distinct character; a model needs at least two to learn anything.',
    );
    expect(training()).toMatchObject({ corpus, step: 1, phase: 'ready' });
    expect(config().corpus).toBe('own');
    expect(await loadOwnText()).toBe(mine);
  });

  it('is forgotten when the next text is good', async () => {
    await trainedRun();
    await offer('');
    expect(training().corpusError).not.toBeNull();
    await offer(text(300));
    expect(training().corpusError).toBeNull();
    expect(config().corpus).toBe('own');
  });
});

describe('a good text', { timeout: 30_000 }, () => {
  const POEM = '床前明月光，疑是地上霜。\n舉頭望明月，低頭思故鄉。\n'.repeat(10); // 260 characters

  it('pasted: asks first, then trains a fresh model on it and stores it', async () => {
    const before = await trainedRun();
    trainOnOwnText(POEM);
    await until(() => training().confirm !== null, 'the question');
    expect(training().confirm?.message).toBe(
      'Training on your own text starts a new model. The current one (trained for 2 steps) will be discarded unless you save a checkpoint first.',
    );
    answerConfirm(true);
    await until(() => config().corpus === 'own' && training().step === 0, 'the new model');
    await until(() => training().phase === 'ready', 'the model');
    const chars = [...new Set(POEM)].sort();
    expect(training().corpus).toMatchObject({ name: 'own', length: 260, vocabSize: chars.length });
    expect(training().model).toMatchObject({ vocab: chars, trainable: true, step: 0 });
    expect(training().model).not.toBe(before.model);
    expect(training()).toMatchObject({ corpusError: null, error: null });
    expect(window.location.hash).toMatch(/corpus=own/);
    expect(await loadOwnText()).toBe(POEM);
    await stepTo(1);
  });

  it('declined: nothing changes and nothing is stored', async () => {
    const before = await trainedRun();
    trainOnOwnText(POEM);
    await until(() => training().confirm !== null, 'the question');
    answerConfirm(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(training()).toMatchObject({ step: 2, model: before.model, corpus: before.corpus });
    expect(config().corpus).toBe('counting');
    expect(await loadOwnText()).toBe(PREVIOUS);
  });

  it('uploaded as UTF-8: decoded (byte-order mark dropped) and stored as text', async () => {
    await startTraining(HASH);
    const content = `Ünïcödé — “quoted” 😀 ${text(150)}`;
    const file = new File([new Uint8Array([0xef, 0xbb, 0xbf]), content], 'mine.txt');
    await offer(file); // a fresh model at step 0: nothing to ask
    expect(training().corpusError).toBeNull();
    expect(training().corpus).toMatchObject({ name: 'own', length: Array.from(content).length });
    expect(await loadOwnText()).toBe(content);
  });

  it('comes back from storage on a reload', async () => {
    const app = await startTraining(HASH);
    await offer(POEM);
    await app.idle();
    await until(() => training().savedAt !== null, 'the autosave');
    const model = training().model;
    const hash = window.location.hash;
    app.close();

    await startTraining(hash);
    expect(training().message).toBe('Restored your run at step 0.');
    expect(training().corpus).toMatchObject({ name: 'own', length: 260 });
    expect(training().model).toEqual(model);
  });
});

describe('no own text stored', { timeout: 30_000 }, () => {
  // A saved run on the own text whose text is gone left the view 'loading' (every control
  // disabled) on every visit. Now it says why, offers the save for download, and the learner
  // can choose another text or upload again.
  it('for a saved run: says so, keeps the save downloadable, and leaves the view usable', async () => {
    const app = await startTraining(HASH);
    await offer(text(300));
    await stepTo(1);
    await app.idle();
    await autosave();
    const hash = window.location.hash;
    const run = currentRunId();
    app.close();
    await rawDb.set('own-text', 42); // damaged: read as missing

    await startTraining(hash);
    expect(training()).toMatchObject({
      phase: 'idle',
      busy: null,
      model: null,
      error: 'Could not start: your own text is no longer stored; upload it again',
    });
    expect(training().damagedSave?.message).toMatch(
      /^Your last run \(step 1\) could not be restored/,
    );
    expect((await loadAutosave(run))?.step).toBe(1); // not overwritten
    expect(currentRunId()).not.toBe(run); // the tab goes on in a slot of its own
    await offer(text(200));
    expect(training()).toMatchObject({ phase: 'ready', step: 0 });
  });

  it('says so on start, and a new upload recovers', async () => {
    await startTraining('#/train?corpus=own&hidden=8');
    expect(training().error).toBe(
      'Could not start: your own text is no longer stored; upload it again',
    );
    expect(training().model).toBeNull();
    await offer(new File([text(300)], 'again.txt'));
    expect(training()).toMatchObject({ phase: 'ready', corpusError: null });
    expect(training().corpus?.name).toBe('own');
    expect(training().model).not.toBeNull();
    expect(await loadOwnText()).toBe(text(300));
  });

  // trainOnOwnText ignored saveOwnText's result: when the browser would not store the text, the
  // next visit failed with "your own text is no longer stored" without warning.
  it('says so when the browser will not store the text', async () => {
    await startTraining(HASH);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await offer(text(300));
    expect(await loadOwnText()).toBeNull();
    expect(`${training().error ?? ''} ${training().message ?? ''}`).toMatch(
      /not (be )?(stored|saved|kept)/i,
    );
  });
});

describe('in Chinese', { timeout: 30_000 }, () => {
  it('says why a text is refused in Chinese, from the engine’s own check', async () => {
    await startTraining(`${HASH}&lang=zh-CN`);
    expect(await offer('abcabc')).toBe(false);
    expect(training().corpusError).toBe('文本太短：6 个字符；至少需要 100 个。');
  });
});
