// Why something failed, in the learner's language: a problem the engine reports is translated by
// its code, nested problems included; the engine client's own reasons are mapped; anything else
// is kept as it is.
import { describe, expect, test } from 'vitest';
import { CorpusError } from '../../src/engine/corpus';
import { Problem } from '../../src/engine/problem';
import { EngineError } from '../../src/worker/client';
import { engineReason, reasonIn, replyReason } from '../../src/store/engineWords';

describe('reasonIn', () => {
  test('translates a problem thrown on the page by its code, with its values', () => {
    const error = new CorpusError('text.tooLong', { length: '6,000,000', limit: '5,000,000' });
    expect(reasonIn('en', error)).toBe(error.message);
    expect(reasonIn('zh-CN', error)).toBe('文本太长：6,000,000 个字符；上限是 5,000,000。');
  });

  test('translates a problem the worker sent with its error reply, nested problems first', () => {
    const stopped = new Problem('run.trainingStopped', { reason: new Problem('text.fewWords') });
    const error = new EngineError(stopped.message, { code: stopped.code, vars: stopped.vars });
    expect(reasonIn('en', error)).toBe(
      'Training stopped: The text has too few words to learn where they end.',
    );
    expect(reasonIn('zh-CN', error)).toBe('训练已停止：文本中的词太少，无法学会词在哪里结束。');
  });

  test('maps the client’s own reasons, and keeps an error it does not know as it is', () => {
    expect(reasonIn('zh-CN', new EngineError('stopped answering'))).toBe(
      engineReason('zh-CN', 'stopped answering'),
    );
    expect(reasonIn('zh-CN', new EngineError('stopped answering'))).not.toBe('stopped answering');
    expect(reasonIn('zh-CN', new Error('index out of range'))).toBe('index out of range');
    expect(reasonIn('zh-CN', 'a string')).toBe('a string');
  });
});

describe('replyReason', () => {
  test('trusts a reply’s problem only when it is well formed', () => {
    const reply = {
      type: 'error' as const,
      id: null,
      message: 'Training stopped: boom',
      problem: { code: 'run.trainingStopped' as const, vars: { reason: 'boom' } },
    };
    expect(replyReason('zh-CN', reply)).toBe('训练已停止：boom');
    const forged = {
      ...reply,
      problem: { code: 'text.nope', vars: {} },
    } as unknown as typeof reply;
    expect(replyReason('zh-CN', forged)).toBe('Training stopped: boom');
  });
});
