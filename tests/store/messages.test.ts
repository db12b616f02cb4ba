import { describe, expect, test } from 'vitest';
import { translate } from '../../src/store/messages';

describe('the store’s messages', () => {
  test('are the message trees’ words in the language asked for', () => {
    expect(translate('en', 'views.forward.label')).toBe('Forward pass');
    expect(translate('zh-CN', 'views.forward.label')).toBe('前向传播');
  });

  test('fill placeholders and pick the plural form by count', () => {
    expect(translate('en', 'checkpoints.others', { count: 1 })).toBe(
      '1 more was made from others and shows when those are chosen.',
    );
    expect(translate('en', 'checkpoints.others', { count: 3 })).toBe(
      '3 more were made from others and show when those are chosen.',
    );
    expect(translate('en', 'attention.controls.status', { step: '1,200' })).toBe('Step 1,200');
  });
});
