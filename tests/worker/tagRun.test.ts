// The Tagging view's race in the worker, through the message handler: a start replies with the
// race, its tags and what guessing scores; progress carries loss, accuracy and F1 per racer with
// every array transferred; a sample tags the validation text; the text is kept for later races;
// bad settings are refused with a message.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createSession, handleMessage } from '../../src/worker/handler';
import type { FromWorker, TagRaceSettings, ToWorker } from '../../src/worker/protocol';

const TEXT = readFileSync(
  new URL('../../public/corpora/tinyshakespeare.txt', import.meta.url),
  'utf8',
).slice(0, 40_000);
const SPACES: TagRaceSettings = { task: 'spaces', lookahead: 3, cell: 'rnn', layers: 1, seed: 1 };

function harness() {
  const out: { message: FromWorker; transfer: Transferable[] }[] = [];
  const post = (message: FromWorker, transfer: Transferable[] = []) => {
    out.push({ message: structuredClone(message, { transfer }), transfer });
  };
  const session = createSession(post);
  let id = 0;
  const send = (body: Record<string, unknown> & { type: ToWorker['type'] }) => {
    handleMessage({ ...body, id: ++id } as ToWorker, post, session);
    return out.find((o) => o.message.id === id)!.message;
  };
  return { out, send };
}

describe('the tagging race through the handler', () => {
  test('start, progress, sample, pause and reset', async () => {
    const { out, send } = harness();
    const started = send({ type: 'tagRaceStart', race: SPACES, text: TEXT });
    expect(started).toMatchObject({
      type: 'tagRace',
      classes: ['inside', 'word end'],
      info: { race: 1, step: 0, running: true, settings: SPACES, maxSteps: 3000 },
    });
    if (started.type !== 'tagRace') throw new Error(started.type);
    expect(started.info.racers.map((r) => [r.name, r.bidirectional])).toEqual([
      ['forward', false],
      ['bidirectional', true],
    ]);
    expect(started.info.baselines.map((b) => b.key)).toEqual(['prior', 'unigram']);
    expect(started.chance).toBeGreaterThan(0.7);
    await expect
      .poll(() => out.some((o) => o.message.type === 'tagRaceProgress'), { timeout: 20_000 })
      .toBe(true);
    const paused = send({ type: 'tagRacePause' });
    expect(paused).toMatchObject({ type: 'tagRace', info: { running: false } });
    const first = out.find((o) => o.message.type === 'tagRaceProgress')!;
    if (first.message.type !== 'tagRaceProgress') throw new Error(first.message.type);
    const p = first.message.progress;
    expect(p.valSteps[0]).toBe(0);
    expect(Object.keys(p.racers[0]!.metrics)).toEqual(['accuracy', 'f1']);
    // Untrained: about ln 2 nats per character.
    for (const r of p.racers) expect(r.loss[0]).toBeGreaterThan(0.3);
    // valSteps, and per racer loss, accuracy and F1.
    expect(first.transfer).toHaveLength(7);

    const sampled = send({ type: 'tagRaceSample' });
    if (sampled.type !== 'tagSample') throw new Error(sampled.type);
    expect(sampled.race).toBe(1);
    expect(sampled.sample!.chars.length).toBe(480);
    expect(sampled.sample!.chars.join('')).not.toMatch(/\s/);
    expect(sampled.sample!.predicted).toHaveLength(2);

    // The text was kept: a reset needs none.
    const reset = send({ type: 'tagRaceReset', race: { ...SPACES, cell: 'gru' } });
    expect(reset).toMatchObject({ type: 'tagRace', info: { race: 2, step: 0, running: false } });
    const bad = send({ type: 'tagRaceStart', race: { ...SPACES, layers: 5 } });
    expect(bad).toMatchObject({ type: 'error', message: /Layers must be 1 or 2/ });
  });

  test('the spaces task without a text is refused; the future task needs none', () => {
    const { send } = harness();
    expect(send({ type: 'tagRaceReset', race: SPACES })).toMatchObject({
      type: 'error',
      message: /needs a text/,
    });
    const future = send({ type: 'tagRaceReset', race: { ...SPACES, task: 'future' } });
    expect(future).toMatchObject({ type: 'tagRace', classes: ['a', 'b', 'c', 'd'] });
    expect(send({ type: 'tagRaceSample' })).toMatchObject({ type: 'tagSample', race: 1, step: 0 });
  });
});
