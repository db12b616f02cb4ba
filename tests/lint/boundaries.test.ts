// ARCHITECTURE.md's import table and the no-cycle rule, checked by running ESLint with the
// project's own config on small sources placed (in memory) under the folders of src/ they test.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids of the errors ESLint reports for `code` as if it were the file `file`. */
async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const ZONE = 'import-x/no-restricted-paths';
const TYPES_ONLY = '@typescript-eslint/no-restricted-imports';

describe('the import table', () => {
  it('allows what the table allows', async () => {
    expect(
      await errors(
        'src/panels/Example.tsx',
        [
          "import { useAppStore } from '../store/store';",
          "import { LineChart } from '../viz/LineChart';",
          "import { CORPUS_TEXT } from '../content/corpora';",
          "import { FLOW_CELLS } from '../engine/experiments';",
          'export const used = [useAppStore, LineChart, CORPUS_TEXT, FLOW_CELLS];',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await errors(
        'src/store/example.ts',
        [
          "import type { EngineClient } from '../worker/client';",
          "import type { ProgressBatch } from '../worker/protocol.ts';",
          "import { loadOwnText } from '../persist/trainingStore';",
          'export type Used = [EngineClient, ProgressBatch];',
          'export const used = loadOwnText;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('keeps charts away from the store, even for types', async () => {
    expect(
      await errors(
        'src/viz/Example.tsx',
        "import { useAppStore } from '../store/store';\nexport const used = useAppStore;",
      ),
    ).toEqual([ZONE]);
    expect(
      await errors(
        'src/viz/Example.tsx',
        "import type { AppState } from '../store/store';\nexport type Used = AppState;",
      ),
    ).toEqual([ZONE]);
    expect(
      await errors('src/viz/Example.tsx', "import 'zustand';\nexport const used = 1;"),
    ).toContain(TYPES_ONLY);
  });

  it('keeps the engine a leaf: no worker, store or UI imports', async () => {
    expect(
      await errors(
        'src/engine/example.ts',
        "import { createEngineClient } from '../worker/client.ts';\nexport const used = createEngineClient;",
      ),
    ).toEqual([ZONE]);
    expect(
      await errors(
        'src/engine/deeper/example.ts',
        "import type { AppState } from '../../store/store';\nexport type Used = AppState;",
      ),
    ).toEqual([ZONE]);
    expect(
      await errors(
        'src/engine/example.ts',
        "import { select } from 'd3';\nexport const used = select;",
      ),
    ).toEqual([TYPES_ONLY]);
  });

  it('lets persistence import store types and the settings table, nothing else of the UI', async () => {
    expect(
      await errors(
        'src/persist/example.ts',
        "import { TrainingPanel } from '../panels/TrainingPanel';\nexport const used = TrainingPanel;",
      ),
    ).toEqual([ZONE]);
    expect(
      await errors(
        'src/persist/example.ts',
        "import { appStore } from '../store/store';\nexport const used = appStore;",
      ),
    ).toEqual([TYPES_ONLY]);
    expect(
      await errors(
        'src/persist/example.ts',
        [
          "import type { TrainingState } from '../store/training';",
          "import type { ConfigState } from '../store/config';",
          "import { SETTING_ROWS } from '../engine/settings';",
          'export type Used = TrainingState | ConfigState;',
          'export const used = SETTING_ROWS;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('lets content import engine types only', async () => {
    expect(
      await errors(
        'src/content/example.ts',
        "import type { CellKind } from '../engine/cell.ts';\nexport type Used = CellKind;",
      ),
    ).toEqual([]);
    expect(
      await errors(
        'src/content/example.ts',
        "import { createModel } from '../engine/model.ts';\nexport const used = createModel;",
      ),
    ).toEqual([TYPES_ONLY]);
    expect(
      await errors(
        'src/content/example.ts',
        "import type { UiState } from '../store/ui';\nexport type Used = UiState;",
      ),
    ).toEqual([ZONE]);
  });

  it('keeps the main thread off the worker’s insides, and each part in its row', async () => {
    const cases: [string, string][] = [
      ['src/store/example.ts', "import { EngineSession } from '../worker/session';"],
      ['src/panels/Example.tsx', "import { createEngineClient } from '../worker/client';"],
      ['src/panels/Example.tsx', "import { App } from '../app/App';"],
      ['src/store/example.ts', "import { TrainingPanel } from '../panels/TrainingPanel';"],
      ['src/worker/example.ts', "import { appStore } from '../store/store';"],
      ['src/cli/example.ts', "import { CORPUS_TEXT } from '../content/corpora';"],
      ['src/app/Example.tsx', "import { LineChart } from '../viz/LineChart';"],
    ];
    for (const [file, line] of cases) {
      const name = /import \{ (\w+) \}/.exec(line)![1]!;
      expect(
        await errors(file, `${line}\nexport const used = ${name};`),
        `${file}: ${line}`,
      ).toEqual([ZONE]);
    }
  });
});

describe('import cycles', () => {
  it('fail lint when two modules import each other', async () => {
    // store.ts imports ui.ts; a ui.ts that imported store.ts back would close a cycle.
    expect(
      await errors(
        'src/store/ui.ts',
        "import { appStore } from './store';\nexport const used = appStore;",
      ),
    ).toEqual(['import-x/no-cycle']);
  });

  it('fail lint when the cycle closes through a type import', async () => {
    // session.ts imports hooks.ts; hooks.ts importing a type from session.ts closes a cycle.
    expect(
      await errors(
        'src/worker/hooks.ts',
        "import type { EngineSession } from './session.ts';\nexport type Used = EngineSession;",
      ),
    ).toEqual(['local/no-type-cycle']);
  });
});
