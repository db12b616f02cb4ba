// A scripted engine for the Tagging view's tests, with its racers, sample and race progress.
import type { EngineClient } from '../../src/worker/client';
import type {
  FromWorker,
  RaceProgress,
  TagRaceInfo,
  TagRaceSettings,
  TagSample,
} from '../../src/worker/protocol';

/** The two racers, each `layers` deep. */
export const racers = (layers: number) => [
  {
    name: 'forward',
    cell: 'gru' as const,
    hiddenSize: 41,
    layers,
    bidirectional: false,
    parameters: 13122,
  },
  {
    name: 'bidirectional',
    cell: 'gru' as const,
    hiddenSize: 24,
    layers,
    bidirectional: true,
    parameters: 12914,
  },
];

// "tobeornot": word ends after "to", "be", "or", "not".
export const SAMPLE: TagSample = {
  chars: [...'tobeornot'],
  truth: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 0, 1]),
  predicted: [
    // forward: misses the end of "be", puts one after the "n" of "not"
    Int32Array.from([0, 1, 0, 0, 0, 1, 1, 0, 1]),
    // bidirectional: all right
    Int32Array.from([0, 1, 0, 1, 0, 1, 0, 0, 1]),
  ],
};

/**
 * An engine that answers the race's requests with `racers(layers)` and `baselines`, and SAMPLE
 * for a sample; `sent` holds the requests in order, `push` sends progress.
 */
export function scriptedEngine(layers: number, baselines: TagRaceInfo['info']['baselines']) {
  const sent: Record<string, unknown>[] = [];
  const listeners = new Set<(m: FromWorker) => void>();
  let running = false;
  let settings: TagRaceSettings | null = null;
  let step = 0;
  const reply = (): TagRaceInfo => ({
    info: {
      race: 1,
      settings,
      step,
      maxSteps: 3000,
      running,
      racers: racers(layers),
      baselines,
    },
    classes: ['inside', 'word end'],
    chance: 0.78,
  });
  const engine = {
    request(body: Record<string, unknown> & { type: string }) {
      sent.push(body);
      if (body.type === 'tagRaceStart') {
        running = true;
        settings = body['race'] as TagRaceSettings;
      }
      if (body.type === 'tagRacePause') running = false;
      if (body.type === 'tagRaceSample')
        return Promise.resolve({ type: 'tagSample', id: 1, race: 1, step, sample: SAMPLE });
      return Promise.resolve({ type: 'tagRace', id: 1, ...reply() });
    },
    subscribe(listener: (m: FromWorker) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {},
  } as unknown as EngineClient;
  const push = (p: RaceProgress) => {
    step = p.step;
    for (const l of listeners) l({ type: 'tagRaceProgress', id: null, progress: p });
  };
  return { engine, sent, push };
}

/** Progress at `step`: both racers' F1 (and accuracy) `f1`, loss 1 − F1. */
export const progress = (step: number, f1: [number, number]): RaceProgress => ({
  race: 1,
  step,
  running: true,
  finished: false,
  stepsPerSecond: 25,
  valSteps: Float64Array.from([step]),
  racers: f1.map((v) => ({
    loss: Float64Array.from([1 - v]),
    metrics: { accuracy: Float64Array.from([v]), f1: Float64Array.from([v]) },
  })),
});
