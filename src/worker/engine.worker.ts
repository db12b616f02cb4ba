// The worker entry: compiles the WebAssembly matrix kernel for the session and binds `onmessage`
// to the handler.
import kernelsUrl from '../../build/wasm/kernels.wasm?url';
import { createKernel } from '../engine/kernels';
import { createSession, receive, type Post } from './handler';
import type { FromWorker } from './protocol';

/** The kernel's bytes: Vite inlines the small file as a data: URL (decoded here, not fetched). */
async function kernelBytes(url: string): Promise<Uint8Array | ArrayBuffer> {
  if (url.startsWith('data:')) {
    return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  }
  return (await fetch(url)).arrayBuffer();
}

// Where WebAssembly SIMD is missing the engine runs its plain-JS path (same numbers, bit for
// bit). Messages that arrive while the kernel compiles (a few milliseconds) wait for it.
const kernelReady = kernelBytes(kernelsUrl)
  .then((bytes) => createKernel(bytes))
  .catch(() => null);

/** The part of a worker's global scope we use (the app's tsconfig has the DOM lib only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const post: Post = (message, transfer = []) => scope.postMessage(message, transfer);
const session = createSession(post);

let ready = false;
void kernelReady.then((kernel) => {
  session.useKernel(kernel);
  ready = true;
});

scope.onmessage = (event) => {
  if (ready) receive(event.data, post, session);
  else void kernelReady.then(() => receive(event.data, post, session));
};
