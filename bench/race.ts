// The Gradient flow view's race in Node: a plain RNN against an LSTM on copy10 or copy20 with the
// view's settings (engine/copyRaceSpec.ts), scored every 50 steps. Prints each score, the steps
// per second (training alone and with the scoring), and the first score at which the LSTM's recall
// leads the RNN's by 0.3 or more and keeps leading to the end. Options:
//   --task copy20  --seed 2  --steps 2000  --js (plain JS instead of the WebAssembly kernel)
//   npx tsx bench/race.ts --task copy10

import { readFileSync } from 'node:fs';
import { createCopyRace, scoreRace } from '../src/engine/copyRace.ts';
import { COPY_RACE } from '../src/engine/copyRaceSpec.ts';
import { createCompute, createKernel } from '../src/engine/kernels.ts';

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
}

const task = arg('task', 'copy10');
const seed = Number(arg('seed', '1'));
const steps = Number(arg('steps', String(COPY_RACE.maxSteps)));
const kernel = process.argv.includes('--js')
  ? null
  : createKernel(readFileSync(new URL('../build/wasm/kernels.wasm', import.meta.url)));
const race = createCopyRace(task, seed, createCompute(kernel));
console.log(
  `${task}, seed ${seed}, ${kernel ? 'wasm kernel' : 'plain JS'}: ${race.racers
    .map((r) => `${r.name} H = ${r.arch.hiddenSize}, ${r.parameters} parameters`)
    .join(' against ')}`,
);

const rows: { step: number; recall: number[] }[] = [];
let trainMs = 0;
const t0 = performance.now();
const score = (step: number) => {
  const s = scoreRace(race);
  rows.push({ step, recall: s.recall });
  const cells = race.racers.map(
    (r, k) => `${r.name} loss ${s.loss[k]!.toFixed(3)} recall ${s.recall[k]!.toFixed(2)}`,
  );
  console.log(`step ${String(step).padStart(5)}  ${cells.join('  |  ')}`);
};
score(0);
for (let step = 1; step <= steps; step++) {
  const t = performance.now();
  race.race.step();
  trainMs += performance.now() - t;
  if (step % COPY_RACE.evalEvery === 0) score(step);
}
const wall = (performance.now() - t0) / 1000;
console.log(
  `${(steps / (trainMs / 1000)).toFixed(1)} race steps/s training alone, ` +
    `${(steps / wall).toFixed(1)} with the scoring; ${wall.toFixed(1)} s for ${steps} steps`,
);
// The first score from which the LSTM leads by at least 0.3 at every later score.
const lead = (r: { recall: number[] }) => r.recall[1]! - r.recall[0]!;
const k = rows.findIndex((_, i) => rows.slice(i).every((r) => lead(r) >= 0.3));
console.log(
  k >= 0
    ? `The LSTM leads by 0.3 or more from step ${rows[k]!.step} on.`
    : 'The LSTM does not keep a lead of 0.3 to the end.',
);
