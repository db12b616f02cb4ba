// Every data file the app ships is credited on the About page, with its licence.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_CREDITS } from '../../src/content/credits';

const publicDir = join(import.meta.dirname, '..', '..', 'public');
const shipped = ['corpora', join('data', 'series')].flatMap((dir) =>
  readdirSync(join(publicDir, dir)).filter((f) => !f.endsWith('.md')),
);

describe('the About page’s data credits', () => {
  it('name every shipped data file, and only those', () => {
    expect(shipped).toContain('co2-concentration.csv');
    expect(DATA_CREDITS.map((c) => c.name).sort()).toEqual([...shipped].sort());
    for (const c of DATA_CREDITS) {
      expect(c.licence.en.length).toBeGreaterThan(10);
      // Both languages, the Chinese one in Chinese.
      expect(c.licence['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(c.description['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
