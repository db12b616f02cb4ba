// Side-effecting actions of the Training view that read the model besides its curves (a sample at
// the chosen temperature, the weight matrices, unit activations) and its display settings.
// Failures land in `training.error`.
import { patchTraining } from './store';
import { engine, guarded, training } from './trainingController';

const SAMPLE_CHARS = 240;

export function setTemperature(temperature: number): void {
  patchTraining({ temperature });
}

/** A fresh sample at the chosen temperature. */
export async function refreshSample(): Promise<void> {
  const t = training();
  if (t.model === null) return;
  const vocab = t.model.vocab;
  await guarded('training.fail.sample', async () => {
    const reply = await engine().request({
      type: 'sample',
      request: {
        prime: vocab.includes('\n') ? '\n' : '',
        length: SAMPLE_CHARS,
        temperature: t.temperature,
        seed: (Date.now() >>> 0) % 1_000_000,
      },
    });
    patchTraining({
      sample: { step: training().step, text: reply.text, temperature: t.temperature },
    });
  });
}

export async function refreshWeights(): Promise<void> {
  if (training().model === null) return;
  await guarded('training.fail.weights', async () => {
    const reply = await engine().request({ type: 'weights' });
    patchTraining({ weights: reply.weights });
  });
}

export async function refreshNeurons(layer: number): Promise<void> {
  if (training().model === null) return;
  await guarded('training.fail.neurons', async () => {
    const reply = await engine().request({ type: 'neurons', layer, chars: 600 });
    patchTraining({ neurons: reply.neurons });
  });
}

export function setUnits(units: 'nats' | 'bits'): void {
  patchTraining({ units });
}

export function setLogSteps(logSteps: boolean): void {
  patchTraining({ logSteps });
}

export function dismissTrainingMessage(): void {
  patchTraining({ error: null, message: null, corpusError: null });
}
