// The series model's exported script in real PyTorch, where it is installed (UNROLLED_TORCH_PYTHON
// names a Python with torch, else python3): from the model file and the CSV alone it predicts the
// values the view draws, in the series' units; it trains further, and the file it writes loads
// back with the same preparation. Skipped, saying why, where Python or torch is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCompute } from '../../src/engine/kernels.ts';
import { parseModelFile } from '../../src/engine/modelfile.ts';
import { DEFAULT_SETTINGS, type TrainSettings } from '../../src/engine/settings.ts';
import { SeriesRun } from '../../src/worker/seriesRun.ts';
import { CO2_CSV, co2 } from './seriesFixtures.ts';

const python = process.env['UNROLLED_TORCH_PYTHON'] ?? 'python3';
const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
  encoding: 'utf8',
});
const torchVersion = probe.status === 0 ? probe.stdout.trim().split('\n').pop()! : null;
if (torchVersion === null) {
  console.log(
    `Series script check skipped: "${python}" cannot import torch (set UNROLLED_TORCH_PYTHON to a Python with torch).`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'unrolled-series-torch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: TrainSettings = {
  ...DEFAULT_SETTINGS,
  cell: 'lstm',
  hiddenSize: 6,
  seqLen: 24,
  batchSize: 8,
};

const RUN = `import importlib.util, json, sys, torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
model = mod.load_model(sys.argv[2])
model.eval()
values = mod.read_csv(sys.argv[3])
predicted = mod.predict(model, values)
loss = mod.train_more(model, values, steps=3, generator=torch.Generator().manual_seed(1))
mod.save_model(model, sys.argv[4])
print(json.dumps({
    "predicted": [None if p != p else p for p in predicted.tolist()],
    "loss": loss,
    "next": mod.forecast_next(model, values),
}))
`;

describe.skipIf(torchVersion === null)(`the series script in PyTorch ${torchVersion}`, () => {
  it.each([
    { what: 'values, 3 steps ahead', prep: { horizon: 3, difference: false } },
    { what: 'changes', prep: { horizon: 1, difference: true } },
  ])('$what: predicts what the view draws, trains on, saves back', ({ prep }) => {
    const run = new SeriesRun(
      { progress: () => undefined, schedule: () => undefined, now: () => 0 },
      () => createCompute(),
    );
    run.load({ spec: co2, prep: { ...prep, season: 12, valFraction: 0.2 }, settings });
    for (let k = 0; k < 5; k++) run.step();
    const script = join(dir, 'series.py');
    const model = join(dir, 'series.json');
    const saved = join(dir, 'continued.json');
    writeFileSync(script, run.exportScript());
    writeFileSync(model, run.exportModel());
    const r = spawnSync(python, ['-c', RUN, script, model, CO2_CSV, saved], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      predicted: (number | null)[];
      loss: number;
      next: number;
    };
    const { predicted } = run.predict();
    expect(out.predicted.length).toBe(predicted.length);
    predicted.forEach((v, t) => {
      if (Number.isNaN(v)) expect(out.predicted[t], `t = ${t}`).toBeNull();
      // float32 in PyTorch against float64 here, in ppm.
      else expect(Math.abs(out.predicted[t]! - v), `t = ${t}`).toBeLessThan(1e-3);
    });
    expect(Number.isFinite(out.loss)).toBe(true);
    expect(Number.isFinite(out.next)).toBe(true);
    const back = parseModelFile(readFileSync(saved, 'utf8'));
    expect(back.series).toEqual(parseModelFile(run.exportModel()).series);
  });
});
