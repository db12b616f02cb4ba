// The Tagging view's messages' payloads (types only), re-exported by protocol.ts: which race, the
// reply that describes it, and the sample of the validation text tagged by both racers.
import type { TagRaceSettings } from '../engine/tagRaceSpec';
import type { TagSample } from '../engine/tagRace';
import type { RaceInfo } from './raceProtocol';

export type { TagRaceSettings } from '../engine/tagRaceSpec';
export type { TagSample } from '../engine/tagRace';

/** The tagging race the worker holds, and what its task's tags are. */
export interface TagRaceInfo {
  readonly info: RaceInfo<TagRaceSettings>;
  /** The task's tags, by class id ('inside', 'word end'; or the letters). */
  readonly classes: readonly string[];
  /** Accuracy of always answering the most frequent tag, on the positions scored. */
  readonly chance: number;
}

/** The sample of the race held at its current step (null: no race yet). */
export interface TagSampleAt {
  readonly race: number;
  readonly step: number;
  readonly sample: TagSample | null;
}
