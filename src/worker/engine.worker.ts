// The worker entry: binds `onmessage` to the handler and nothing else.
import { createSession, receive, type Post } from './handler';
import type { FromWorker } from './protocol';

/** The part of a worker's global scope we use (the app's tsconfig has the DOM lib only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const post: Post = (message, transfer = []) => scope.postMessage(message, transfer);
const session = createSession(post);

scope.onmessage = (event) => {
  receive(event.data, post, session);
};
