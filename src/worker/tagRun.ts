// The Tagging view's race as the worker hosts it: the race loop (raceLoop.ts) over tagging races
// (engine/tagRace.ts), and the text whose spaces are put back, which the page sends with a start
// or reset and which is kept for the races that follow.

import type { Compute } from '../engine/kernels.ts';
import { createTagRace, type TagRace } from '../engine/tagRace.ts';
import { TAG_RACE, sameTagRace, type TagRaceSettings } from '../engine/tagRaceSpec.ts';
import type { TagRaceInfo, TagSampleAt } from './protocol.ts';
import { RaceLoop, type RaceHooks, type RaceLimits } from './raceLoop.ts';

export class TagRun {
  private text: string | null = null;
  private readonly loop: RaceLoop<TagRaceSettings, TagRace>;

  constructor(hooks: RaceHooks, limits?: RaceLimits) {
    this.loop = new RaceLoop(
      hooks,
      {
        limits: TAG_RACE,
        same: sameTagRace,
        create: (settings, compute: Compute) => createTagRace(settings, this.text, compute),
      },
      limits,
    );
  }

  get isRunning(): boolean {
    return this.loop.isRunning;
  }

  /** Runs the race for `settings` (the one held if it is for them). */
  start(settings: TagRaceSettings, text?: string): TagRaceInfo {
    this.keep(text);
    return this.describe(this.loop.start(settings));
  }

  pause(): TagRaceInfo {
    return this.describe(this.loop.pause());
  }

  /** A new race for `settings` at step 0, paused. */
  reset(settings: TagRaceSettings, text?: string): TagRaceInfo {
    this.keep(text);
    return this.describe(this.loop.reset(settings));
  }

  /** The validation text's start, tagged by both racers as they are now. */
  sample(): TagSampleAt {
    const held = this.loop.held;
    const info = this.loop.info();
    return { race: info.race, step: info.step, sample: held ? held.run.sample() : null };
  }

  private keep(text: string | undefined): void {
    if (text !== undefined) this.text = text;
  }

  private describe(info: TagRaceInfo['info']): TagRaceInfo {
    const run = this.loop.held?.run;
    return { info, classes: run ? [...run.task.classes] : [], chance: run?.chance ?? NaN };
  }
}
