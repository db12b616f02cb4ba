// Whether the next training step fits in the time the app allows: the engine's cost estimate
// (engine/stepCost.ts) for the configuration in the form, at the speed the worker measured on
// this machine (a conservative default before it has). Train and Step refuse a step above
// MAX_STEP_SECONDS, since the engine answers nothing, Pause included, until a step ends.
import { STEP_WARN_SECONDS, stepSecondsText } from '../content/training';
import { modelConfigOf } from '../engine/settings';
import { DEFAULT_FLOPS_PER_SECOND, MAX_STEP_SECONDS, stepSeconds } from '../engine/stepCost';
import { settingsOf } from './config';
import { say } from './messages';
import type { AppState } from './store';

/** Seconds one step of the configured model takes; null before the text is known. */
export function selectStepSeconds(state: AppState): number | null {
  const vocabSize = state.training.corpus?.vocabSize ?? state.training.model?.vocab.length;
  if (vocabSize === undefined) return null;
  const settings = settingsOf(state.config);
  return stepSeconds(
    modelConfigOf(settings, vocabSize),
    settings.batchSize,
    settings.seqLen,
    state.training.flopsPerSecond ?? DEFAULT_FLOPS_PER_SECOND,
  );
}

/**
 * What the run bar says about a step's cost, in the language in effect: nothing (null) for a
 * quick step, a warning for a slow one, and why a step above MAX_STEP_SECONDS is refused.
 */
export function selectStepCostText(state: AppState): string | null {
  const estimate = selectStepSeconds(state);
  if (estimate === null || estimate < STEP_WARN_SECONDS) return null;
  const where = say(
    state,
    state.training.flopsPerSecond !== null ? 'training.cost.here' : 'training.cost.typical',
  );
  const seconds = stepSecondsText(estimate);
  return estimate > MAX_STEP_SECONDS
    ? say(state, 'training.cost.refused', { seconds, where, limit: MAX_STEP_SECONDS })
    : say(state, 'training.cost.slow', { seconds, where });
}

/** Why a step would be refused (its cost above the limit), or null when it may run. */
export function stepRefusal(state: AppState): string | null {
  const estimate = selectStepSeconds(state);
  return estimate !== null && estimate > MAX_STEP_SECONDS ? selectStepCostText(state) : null;
}
