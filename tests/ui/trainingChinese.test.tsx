// The Training view in 简体中文: its headings, buttons, settings, charts' words, status and notices,
// through the states a learner reaches (loaded, a step, training, paused, the notices that need an
// answer), with no English sentence left outside the text the model reads and writes. English
// stays the engine's settings table word for word.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { MESSAGES } from '../../src/content/i18n/all';
import { nounOf, SETTING_ROWS } from '../../src/engine/settings';
import { appStore, patchConfig, patchTraining } from '../../src/store/store';
import { changeConfig } from '../../src/store/trainingActions';
import { englishLeft } from './englishLeft';
import { inChinese } from './inChinese';
import { openTraining } from './trainingApp';

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const stepShown = () => Number(screen.getByTestId('step').textContent!.replace(/,/g, ''));
const panel = (container: HTMLElement) => container.querySelector<HTMLElement>('.training')!;

describe('the Training view in Chinese', () => {
  test('loaded, stepped, training and paused: Chinese words only', async () => {
    await inChinese(async () => {
      const container = openTraining(
        '#/train?corpus=counting&hidden=8&seq=16&batch=4&lr=0.01&lang=zh-CN',
      );
      await waitFor(() => expect(button('单步').disabled).toBe(false), { timeout: 15_000 });
      for (const name of ['文本', '设置', '损失', '采样', '梯度健康状况', '神经元', '权重'])
        expect(screen.getByRole('heading', { name })).toBeTruthy();
      for (const name of ['训练', '单步', '重置', '重新采样', '保存检查点'])
        expect(screen.getByRole('button', { name })).toBeTruthy();
      expect(screen.getByRole('group', { name: '模型' })).toBeTruthy();
      expect(screen.getByRole('group', { name: '训练（实时生效）' })).toBeTruthy();
      expect(screen.getByRole('slider', { name: '学习率' })).toBeTruthy();
      expect(screen.getByRole('spinbutton', { name: '隐藏层大小（个单元）' })).toBeTruthy();
      expect(screen.getByRole('combobox', { name: '训练文本' })).toBeTruthy();
      expect(screen.getByTestId('split').textContent).toMatch(
        /^共 [\d,]+ 个字符，其中 \d+ 个不同字符。/,
      );
      expect(englishLeft(panel(container))).toEqual([]);

      fireEvent.click(button('单步'));
      await waitFor(() => expect(stepShown()).toBe(1), { timeout: 10_000 });
      await waitFor(() => expect(appStore.getState().training.weights).not.toBeNull());
      await waitFor(() => expect(appStore.getState().training.neurons).not.toBeNull());
      const dldh = screen.getByRole('figure', { name: '最近片段上的 dL/dh_t 与 ∂ℓ_T/∂h_t' });
      expect(await within(dldh).findByText('‖∂ℓ_T/∂h_t‖，第 0 层')).toBeTruthy();
      expect(screen.getByTestId('val-loss').textContent).toMatch(
        /^第 1 步的验证损失为 [\d.]+ 奈特\/字符。$/,
      );
      fireEvent.click(button('重新采样'));
      await screen.findByTestId('sample', {}, { timeout: 10_000 });
      expect(screen.getByTestId('sample').getAttribute('translate')).toBe('no');
      expect(screen.getByRole('heading', { name: /^第 1 步，τ = / })).toBeTruthy();
      expect(englishLeft(panel(container))).toEqual([]);

      fireEvent.click(button('训练'));
      await waitFor(() => expect(stepShown()).toBeGreaterThan(3), { timeout: 15_000 });
      expect(screen.getByText('训练中…')).toBeTruthy();
      expect(englishLeft(panel(container))).toEqual([]);
      await act(async () => {
        fireEvent.click(button('暂停'));
      });
      await waitFor(() => expect(button('训练').disabled).toBe(false));
      expect(screen.getByText('就绪')).toBeTruthy();
      expect(englishLeft(panel(container))).toEqual([]);

      // A refused setting says why in Chinese (the engine says it in English).
      act(() => changeConfig({ clipThreshold: 1e-7 }));
      expect(appStore.getState().training.error).toBe(
        '无法更改设置：裁剪阈值必须在 0.01 到 1000000 之间（收到的是 1e-7）。',
      );
    });
  }, 60_000);

  test('the notices that need an answer, the step cost and the saves, in Chinese', async () => {
    await inChinese(async () => {
      const container = openTraining('#/train?corpus=counting&hidden=8&seq=16&batch=4&lang=zh-CN');
      await waitFor(() => expect(button('单步').disabled).toBe(false), { timeout: 15_000 });
      const config = appStore.getState().config;
      act(() => {
        patchTraining({
          phase: 'diverged',
          step: 12,
          divergence: {
            step: 12,
            loss: Infinity,
            gradNorm: 1e9,
            lr: 10,
            clipMode: 'none',
            lastGoodStep: 10,
          },
          confirm: {
            message:
              '重置会新建一个模型。当前模型（已训练 12 步）将被丢弃，除非你先保存一个检查点。',
            confirmLabel: '丢弃并继续',
            run: () => {},
          },
          damagedSave: { message: '你上次的运行（第 3 步）无法恢复：它缺失或已损坏。', file: '{}' },
          earlierRun: {
            id: 'r1',
            step: 1131,
            savedAt: 0,
            config: { ...config, cell: 'gru', hiddenSize: 128, corpus: 'brackets' },
          },
          corpusError: '文本是空的。请粘贴或上传一些文本来学习。',
          saveFailed: true,
          savedAt: Date.now(),
          savedStep: 10,
          checkpoints: [
            {
              id: 'c1',
              name: 'After two steps',
              step: 2,
              savedAt: 0,
              corpus: 'counting',
              cell: 'lstm',
              hiddenSize: 8,
              numLayers: 1,
            },
          ],
        });
      });
      expect(screen.getByText('已停止：训练发散')).toBeTruthy();
      expect(screen.getByText('训练在第 12 步发散')).toBeTruthy();
      expect(screen.getByText(/^可能的原因：学习率（10）太大，而且没有梯度裁剪/)).toBeTruthy();
      for (const name of [
        '恢复到第 10 步',
        '恢复，并把学习率除以 10',
        '丢弃并继续',
        '保留当前模型',
        '下载损坏的存档',
        '回到之前的运行',
      ])
        expect(screen.getByRole('button', { name })).toBeTruthy();
      expect(screen.getByTestId('earlier-run').textContent).toMatch(
        /^你之前的运行仍然保存着：第 1,131 步，其中文本为 嵌套括号（现在是 计数），单元类型为 GRU（现在是 LSTM），隐藏层大小为 128 个单元（现在是 8 个单元）。/,
      );
      expect(screen.getByRole('button', { name: /^加载\s?After two steps$/ })).toBeTruthy();
      expect(screen.getByTestId('autosave').textContent).toMatch(/^这个浏览器拒绝自动保存/);
      expect(englishLeft(panel(container))).toEqual([]);

      // A step too long for the engine to answer Pause in time: refused, and why. The copy
      // task's recall on validation; the grammar text, whose example stays in English; an error.
      const history = appStore.getState().training.history;
      act(() => {
        patchTraining({
          phase: 'ready',
          divergence: null,
          confirm: null,
          error: '无法训练：引擎没有在运行。',
          history: {
            ...history,
            val: [
              {
                step: 1,
                loss: 1.5,
                metrics: [
                  { key: 'recall', label: 'recall after 20 steps', value: 0.5, chance: 0.04 },
                ],
              },
            ],
          },
        });
        patchConfig({ hiddenSize: 64, seqLen: 400, batchSize: 256, corpus: 'grammar' });
      });
      expect(screen.getByTestId('val-recall').textContent).toBe(
        '间隔 20 步后的召回率：在验证集上为 50.0 %（随机猜测：4.0 %）。',
      );
      expect(screen.getByText('the dogs that the cat sees run').getAttribute('lang')).toBe('en');
      expect(screen.getByTestId('step-cost').textContent).toMatch(
        /^这个模型的一步约需 [\d.,]+ 秒（在一台普通机器上；这台机器还没有测速）；超过 1 秒的步会被拒绝/,
      );
      expect(englishLeft(panel(container))).toEqual([]);
    });
  }, 60_000);
});

describe('the settings’ words', () => {
  test('in English are the engine’s settings table, word for word', () => {
    const words = MESSAGES.en.training.settings;
    for (const [name, row] of SETTING_ROWS) {
      const w: { label: string; noun: string; help: string; unit?: string; options?: object } =
        words[name];
      expect(w.label, name).toBe(row.label);
      expect(w.help, name).toBe(row.help);
      expect(w.noun, name).toBe(nounOf(row));
      expect(w.unit, name).toBe(row.unit);
      if (row.kind === 'choice') expect(w.options, name).toEqual(row.labels);
      else expect(w.options, name).toBeUndefined();
    }
  });

  test('in Chinese are Chinese, with the standard terms', () => {
    const words = MESSAGES['zh-CN'].training.settings;
    expect(words.lr.label).toBe('学习率');
    expect(words.batchSize.label).toBe('批大小');
    expect(words.optimizer.label).toBe('优化器');
    expect(words.clipMode.label).toBe('梯度裁剪');
    for (const [name] of SETTING_ROWS) expect(words[name].help, name).toMatch(/[\u4e00-\u9fff]/);
  });
});
