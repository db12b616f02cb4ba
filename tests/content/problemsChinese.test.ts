// The engine's problems about series, settings, runs and generation in Chinese: every sentence is
// Chinese, a problem named inside another is written in Chinese too, and a setting out of range
// reads as the settings form says it.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/content/i18n/all';
import { problemText, type ProblemCode, type ProblemInfo } from '../../src/engine/problem';
import { settingsNamed } from '../../src/engine/settings';

const zh = MESSAGES['zh-CN'].problems as unknown as Record<string, Record<string, string>>;
const inChinese = (p: ProblemInfo) =>
  problemText(p, (code: ProblemCode) => {
    const [area, name] = code.split('.') as [string, string];
    return zh[area]![name]!;
  });

describe('the problems in Chinese', () => {
  it('are Chinese sentences, with no English words but code-like names', () => {
    for (const area of ['seriesCsv', 'series', 'run', 'settings', 'generate']) {
      for (const [name, text] of Object.entries(zh[area]!)) {
        if (/^list\d$/.test(name)) continue;
        expect(text, `${area}.${name}`).toMatch(/[\u4e00-\u9fff]/);
        const words = text.replace(/\{\{\w+\}\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
        for (const w of words)
          expect(['CSV', 'RNN', 'date', 'value', 'NUL'], `${area}.${name}`).toContain(w);
      }
    }
  });

  it('write the user’s values and the problems they name in place', () => {
    expect(inChinese({ code: 'seriesCsv.gap', vars: { line: 11, column: 'value' } })).toBe(
      '第 11 行的“value”列没有值：序列在这里有一个缺口。请补上这个值，或在缺口处截断文件。',
    );
    const settings = settingsNamed(['hiddenSize', 'numLayers']);
    expect(inChinese({ code: 'run.needNewModel', vars: { settings } })).toBe(
      '隐藏层大小、层数：修改这些需要新建模型。',
    );
    expect(
      inChinese({
        code: 'run.trainingStopped',
        vars: { reason: { code: 'run.stepTooLong', vars: { seconds: '3.0', limit: 1 } } },
      }),
    ).toMatch(/^训练已停止：有一步用了 3\.0 秒，而超过 1 秒的步会被拒绝/);
  });

  it('say a setting out of range as the settings form does', () => {
    const form = MESSAGES['zh-CN'].training;
    expect(zh.settings!.hiddenSizeWhole).toBe(
      form.refused.sentence
        .replace('{{noun}}', form.settings.hiddenSize.noun)
        .replace('{{problem}}', form.refused.whole),
    );
    expect(inChinese({ code: 'settings.lrRange', vars: { min: 0.00001, max: 10, got: '0' } })).toBe(
      '学习率必须在 0.00001 到 10 之间（收到的是 0）。',
    );
  });
});
