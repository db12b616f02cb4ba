import { describe, expect, test } from 'vitest';
import {
  createSession,
  ENGINE_NAME,
  handleMessage,
  receive,
  runSlice,
} from '../../src/worker/handler';
import { Problem } from '../../src/engine/problem';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** Runs `fn` with a `post` that records what it is given. */
function posted(fn: (post: (message: FromWorker) => void) => void): FromWorker[] {
  const messages: FromWorker[] = [];
  fn((message) => messages.push(message));
  return messages;
}

describe('handleMessage', () => {
  test('answers ping with pong, echoing the id', () => {
    expect(posted((post) => handleMessage({ type: 'ping', id: 41 }, post))).toEqual([
      { type: 'pong', id: 41, engine: ENGINE_NAME, kernel: 'js' },
    ]);
    expect(ENGINE_NAME).toBe('unrolled-engine 1');
  });

  test('an unknown message type gets an error reply with its id', () => {
    // A message from a newer app, say: the type system cannot rule it out at run time.
    const bogus = { type: 'teleport', id: 7 } as unknown as ToWorker;
    expect(posted((post) => handleMessage(bogus, post))).toEqual([
      { type: 'error', id: 7, message: 'Unknown message type: teleport' },
    ]);
  });

  test('a throw while handling becomes an error reply', () => {
    // Posting the pong throws, as postMessage does on data it cannot clone.
    const messages: FromWorker[] = [];
    let calls = 0;
    handleMessage({ type: 'ping', id: 3 }, (message) => {
      calls += 1;
      if (calls === 1) throw new DOMException('could not be cloned', 'DataCloneError');
      messages.push(message);
    });
    expect(messages).toEqual([{ type: 'error', id: 3, message: 'could not be cloned' }]);
  });

  test('a problem the learner can act on travels with its code and values', () => {
    const session = createSession(() => {});
    const messages = posted((post) =>
      handleMessage(
        { type: 'setCorpus', id: 5, name: 'own', text: 'ab'.repeat(10) },
        post,
        session,
      ),
    );
    expect(messages).toEqual([
      {
        type: 'error',
        id: 5,
        message: 'The text is too short: 20 characters; give at least 100.',
        problem: { code: 'text.tooShort', vars: { length: 20, min: 100 } },
      },
    ]);
  });

  test('a training slice that throws pauses the run and says why, as a problem', () => {
    let paused = 0;
    const messages = posted((post) =>
      runSlice(
        () => {
          throw new Problem('text.fewWords');
        },
        { pause: () => (paused += 1) },
        post,
      ),
    );
    expect(paused).toBe(1);
    expect(messages).toEqual([
      {
        type: 'error',
        id: null,
        source: 'training',
        message: 'Training stopped: The text has too few words to learn where they end.',
        problem: {
          code: 'run.trainingStopped',
          vars: { reason: { code: 'text.fewWords', vars: {} } },
        },
      },
    ]);
    // A fault that is not a problem is still reported, in its own words.
    const plain = posted((post) =>
      runSlice(
        () => {
          throw new Error('NaN in the kernel');
        },
        { pause: () => 0 },
        post,
      ),
    );
    expect(plain[0]).toMatchObject({
      message: 'Training stopped: NaN in the kernel',
      problem: { code: 'run.trainingStopped', vars: { reason: 'NaN in the kernel' } },
    });
    // A slice that runs through posts nothing.
    expect(posted((post) => runSlice(() => {}, { pause: () => 0 }, post))).toEqual([]);
  });

  test('never throws, even when the error reply cannot be posted either', () => {
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      expect(() =>
        handleMessage({ type: 'ping', id: 1 }, () => {
          throw new Error('channel closed');
        }),
      ).not.toThrow();
    } finally {
      console.error = original;
    }
    expect(logged).toEqual(['engine: could not post an error reply']);
  });
});

describe('receive', () => {
  test('passes a well-formed request on', () => {
    expect(posted((post) => receive({ type: 'ping', id: 2 }, post))).toEqual([
      { type: 'pong', id: 2, engine: ENGINE_NAME, kernel: 'js' },
    ]);
  });

  test.each([
    [null, null],
    ['ping', null],
    [{ type: 'ping' }, null],
    [{ type: 'ping', id: '5' }, null],
    [{ id: 5 }, 5],
    [{ type: 42, id: 6 }, 6],
  ])('rejects %j as malformed (id %j)', (data, id) => {
    expect(posted((post) => receive(data, post))).toEqual([
      { type: 'error', id, message: 'Malformed request' },
    ]);
  });
});
