// The interface's words in both languages: the same keys, no empty message, the same
// placeholders, Chinese where Chinese is promised, and the language chosen for a browser's.
import { describe, expect, it } from 'vitest';
import { LOCALES, localeFor } from '../../src/content/i18n';
import { MESSAGES } from '../../src/content/i18n/all';

/** Every key path of a message tree with its string. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the messages', () => {
  const en = leaves(MESSAGES.en);

  it('have the same keys in every language, none of them empty', () => {
    expect(en.size).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const other = leaves(MESSAGES[locale]);
      expect([...other.keys()].sort(), locale).toEqual([...en.keys()].sort());
      for (const [key, text] of other) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('keep the same placeholders in every language', () => {
    for (const locale of LOCALES)
      for (const [key, text] of leaves(MESSAGES[locale]))
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en.get(key)!));
  });

  it('are Chinese in Chinese: every view name, with the standard terms', () => {
    for (const view of Object.values(MESSAGES['zh-CN'].views))
      expect(view.label).toMatch(/[\u4e00-\u9fff]/);
    expect(MESSAGES['zh-CN'].views.attention.label).toBe('注意力机制');
    expect(MESSAGES['zh-CN'].views.forward.label).toBe('前向传播');
  });
});

describe('localeFor', () => {
  it('reads the first language it knows from the browser’s list', () => {
    expect(localeFor(['zh-CN', 'en'])).toBe('zh-CN');
    expect(localeFor(['zh-TW'])).toBe('zh-CN');
    expect(localeFor(['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(localeFor(['de', 'zh-Hans'])).toBe('zh-CN');
    expect(localeFor(['fr'])).toBe('en');
    expect(localeFor([])).toBe('en');
  });
});
