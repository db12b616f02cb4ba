// The session computes with the WebAssembly kernel it is given (nothing global): its models use
// it, a ping reports it, and the numbers are those of the plain-JS path, bit for bit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKernel, type Kernel } from '../../src/engine/kernels.ts';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.ts';
import { handleMessage } from '../../src/worker/handler.ts';
import type { FromWorker } from '../../src/worker/protocol.ts';
import { EngineSession } from '../../src/worker/session.ts';

const bytes = readFileSync(new URL('../../build/wasm/kernels.wasm', import.meta.url));
const text = 'so foul and fair a day I have not seen.\n'.repeat(40);
const settings = {
  ...DEFAULT_SETTINGS,
  cell: 'gru' as const,
  hiddenSize: 12,
  seqLen: 8,
  batchSize: 4,
};

/** Products the kernel ran (the kernel, with its project() counted). */
let projected = 0;
function countedKernel(): Kernel {
  const k = createKernel(bytes)!;
  return new Proxy(k, {
    get(target, key) {
      if (key === 'project')
        return (...args: Parameters<Kernel['project']>) => {
          projected++;
          return target.project(...args);
        };
      return Reflect.get(target, key) as unknown;
    },
  });
}

function session(withKernel: boolean): EngineSession {
  const s = new EngineSession({ progress: () => {}, schedule: () => {}, now: () => 0 });
  if (withKernel) s.useKernel(countedKernel());
  return s;
}

function ping(s: EngineSession): FromWorker {
  const replies: FromWorker[] = [];
  handleMessage({ type: 'ping', id: 1 }, (m) => replies.push(m), s);
  return replies[0]!;
}

describe('a session and its kernel', () => {
  it('reports what it computes with', () => {
    expect(ping(session(false))).toMatchObject({ type: 'pong', kernel: 'js' });
    expect(ping(session(true))).toMatchObject({ type: 'pong', kernel: 'wasm-simd' });
  });

  it('trains and evaluates to the same numbers with and without it', () => {
    const run = (withKernel: boolean) => {
      const s = session(withKernel);
      s.setCorpus('t', text);
      s.create(settings);
      const losses = Array.from({ length: 5 }, () => s.step().loss);
      return { losses, val: s.evaluate(500), file: s.exportModel() };
    };
    projected = 0;
    const js = run(false);
    expect(projected).toBe(0);
    const wasm = run(true);
    expect(projected).toBeGreaterThan(100);
    expect(wasm.losses).toEqual(js.losses);
    expect(wasm.val).toBe(js.val);
    expect(wasm.file).toBe(js.file);
  });
});
