// The Gradient flow view's race (a plain RNN against an LSTM on copy10), put in the store.
import { initialRace, raceFromInfo, raceWithProgress } from '../../src/store/race';
import { patchGradients } from '../../src/store/store';
import type { RaceInfo, RaceSettings } from '../../src/worker/protocol';

/** The two racers of the copy10 race, as the worker describes them. */
export const COPY_RACERS: RaceInfo<RaceSettings>['racers'] = [
  { name: 'RNN', cell: 'rnn', hiddenSize: 67, layers: 1, bidirectional: false, parameters: 6243 },
  { name: 'LSTM', cell: 'lstm', hiddenSize: 32, layers: 1, bidirectional: false, parameters: 6284 },
];

/**
 * The race `step` steps in, both racers scored every 50 steps: the RNN's recall `rnn` (loss 0.4),
 * the LSTM's `lstm` (loss 0.3).
 */
export function showRace(step: number, rnn: number[], lstm: number[], running = true): void {
  let race = raceFromInfo(initialRace(), {
    race: 1,
    settings: { task: 'copy10', seed: 1 },
    step: 0,
    maxSteps: 2000,
    running: true,
    racers: [...COPY_RACERS],
    baselines: [],
  });
  race = raceWithProgress(race, {
    race: 1,
    step,
    running,
    finished: false,
    stepsPerSecond: 42,
    valSteps: Float64Array.from(rnn, (_, k) => k * 50),
    racers: [
      { loss: Float64Array.from(rnn, () => 0.4), metrics: { recall: Float64Array.from(rnn) } },
      { loss: Float64Array.from(lstm, () => 0.3), metrics: { recall: Float64Array.from(lstm) } },
    ],
  });
  patchGradients({ race });
}
