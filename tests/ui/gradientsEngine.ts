// An engine double for the Gradient flow view's tests: it runs the real experiments in-process.
import { runGradientExperiment } from '../../src/engine/experiments';
import type { EngineClient } from '../../src/worker/client';
import type { FromWorker, GradientReply } from '../../src/worker/protocol';

/** Answers each experiment with the engine's result (the race stays idle); `types`: requests. */
export function experimentEngine(): EngineClient & { types: string[] } {
  const types: string[] = [];
  return {
    types,
    request(body: { type: string; params?: unknown }) {
      types.push(body.type);
      if (body.type === 'gradientExperiment') {
        const result = runGradientExperiment(
          body.params as Parameters<typeof runGradientExperiment>[0],
        );
        const reply: GradientReply = { type: 'gradientResult', id: 1, result, ms: 1 };
        return Promise.resolve(reply);
      }
      return Promise.resolve({ type: 'pong', id: 1, engine: 'test' } as FromWorker);
    },
    subscribe: () => () => {},
    onEvent: () => () => {},
    dispose() {},
  } as unknown as EngineClient & { types: string[] };
}
