// Builds the engine's WebAssembly SIMD kernel: assembly/kernels.ts → build/wasm/kernels.wasm.
// Run by `npm run build:wasm` and by the pre-hooks of dev, start, build, test, bench and engine.
// The output is git-ignored and reproducible (same AssemblyScript version, same bytes). Skips the
// compile when the .wasm is newer than its source and this script; --force rebuilds.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'assembly', 'kernels.ts');
const output = join(root, 'build', 'wasm', 'kernels.wasm');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

const self = fileURLToPath(import.meta.url);
if (!process.argv.includes('--force') && mtime(output) > Math.max(mtime(source), mtime(self))) {
  process.exit(0);
}

mkdirSync(dirname(output), { recursive: true });
// Imported here so that the up-to-date check above stays quick.
const { default: asc } = await import('assemblyscript/asc');
const { error, stderr } = await asc.main([
  source,
  '--outFile',
  output,
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '0',
  '--enable',
  'simd',
  // No garbage collector or allocator: the kernel only reads and writes memory laid out by the engine.
  '--runtime',
  'stub',
  '--noAssert',
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build-wasm: ${error.message}`);
  process.exit(1);
}
console.log(`build-wasm: ${output.slice(root.length + 1)} (${statSync(output).size} bytes)`);
