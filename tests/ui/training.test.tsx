// The Training view in jsdom, driven by the real worker handler and engine session running in
// process (replies arrive asynchronously, as from a worker): a generated text, one step, live
// training and pause, a live learning-rate change, a rejected upload that leaves the model alone.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { appStore } from '../../src/store/store';
import { openTraining } from './trainingApp';

const stepShown = () => Number(screen.getByTestId('step').textContent!.replace(/,/g, ''));
const button = (name: string) => screen.getByRole('button', { name });

describe('the Training view', () => {
  test('steps, trains, pauses and changes the learning rate live on a generated text', async () => {
    openTraining('#/train?corpus=counting&hidden=8&seq=16&batch=4&lr=0.01');
    await waitFor(() => expect((button('Step') as HTMLButtonElement).disabled).toBe(false), {
      timeout: 15_000,
    });
    expect(screen.getByTestId('split').textContent).toMatch(/distinct/);
    const model = appStore.getState().training.model!;
    expect(model).toMatchObject({ cell: 'lstm', hiddenSize: 8, numLayers: 1 });

    fireEvent.click(button('Step'));
    // One step on a busy machine can take longer than waitFor’s default second.
    await waitFor(() => expect(stepShown()).toBe(1), { timeout: 10_000 });
    const first = appStore.getState().training.history.loss[0]!;
    // One step of a fresh model: about ln V nats per character.
    expect(first).toBeGreaterThan(0.5 * Math.log(model.vocab.length));
    // The last step's loss alone, traced back through the chunk, beside the total dL/dh_t.
    await waitFor(() => expect(appStore.getState().training.lastStepNorm[0]?.length).toBe(16));
    const dldh = screen.getByRole('figure', { name: /dL\/dh_t/ });
    expect(await within(dldh).findByText('‖∂ℓ_T/∂h_t‖, layer 0')).toBeTruthy();
    expect(within(dldh).getByText('‖dL/dh_t‖, layer 0')).toBeTruthy();
    expect(dldh.textContent).not.toMatch(/falling curve towards t = 0 is a vanishing gradient/);

    fireEvent.click(button('Train'));
    await waitFor(() => expect(stepShown()).toBeGreaterThan(5), { timeout: 15_000 });
    await act(async () => {
      fireEvent.click(button('Pause'));
    });
    await waitFor(() => expect((button('Train') as HTMLButtonElement).disabled).toBe(false));
    const paused = appStore.getState().training.step;
    await new Promise((r) => setTimeout(r, 200));
    expect(appStore.getState().training.step).toBe(paused);
    expect(stepShown()).toBe(paused);
    // Every step is on the curve.
    expect(appStore.getState().training.history.steps).toHaveLength(paused);

    // The learning rate changes live: same model, same step, no question asked, URL updated.
    const modelBefore = appStore.getState().training.model;
    fireEvent.change(screen.getByRole('slider', { name: /learning rate/i }), {
      target: { value: '-3' },
    });
    expect(appStore.getState().config.lr).toBe(0.001);
    expect(window.location.hash).toMatch(/lr=0\.001/);
    fireEvent.click(button('Step'));
    await waitFor(() => expect(stepShown()).toBe(paused + 1));
    expect(appStore.getState().training.model).toBe(modelBefore);
  }, 30_000);

  test('a rejected upload leaves the model and its step untouched', async () => {
    openTraining('#/train?corpus=counting&hidden=8&seq=16&batch=4');
    await waitFor(() => expect((button('Step') as HTMLButtonElement).disabled).toBe(false), {
      timeout: 15_000,
    });
    fireEvent.click(button('Step'));
    // One step on a busy machine can take longer than waitFor’s default second.
    await waitFor(() => expect(stepShown()).toBe(1), { timeout: 10_000 });
    const before = appStore.getState().training.model;
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const bad = new File([new Uint8Array([0x66, 0x6f, 0xff, 0xfe, 0x00, 0x01])], 'bad.txt');
    fireEvent.change(input, { target: { files: [bad] } });
    const confirm = screen.queryByRole('button', { name: 'Discard and continue' });
    if (confirm) fireEvent.click(confirm);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(within(alert).getByText(/UTF-8|binary/)).toBeTruthy();
    expect(appStore.getState().training.model).toBe(before);
    expect(stepShown()).toBe(1);
  }, 30_000);
});
