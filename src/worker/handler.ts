// The worker's message switch: one case per request type, each replying through `post`.
// It is a plain function so tests run it in Node without a Worker. Anything that throws
// becomes a typed `error` reply carrying the request's id.
import type { FromWorker, ToWorker } from './protocol';

/** Sends a message back to the app; large arrays go in `transfer`. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** The name and protocol version the engine reports in `pong`. */
export const ENGINE_NAME = 'unrolled-engine 1';

/** Handles one request. Never throws: failures are posted as `error` messages. */
export function handleMessage(msg: ToWorker, post: Post): void {
  try {
    switch (msg.type) {
      case 'ping':
        post({ type: 'pong', id: msg.id, engine: ENGINE_NAME });
        return;
      default:
        unknownMessage(msg.type);
    }
  } catch (error) {
    try {
      post({ type: 'error', id: requestId(msg), message: errorMessage(error) });
    } catch (postError) {
      // Posting failed too (the channel is gone); there is no one left to tell.
      console.error('engine: could not post an error reply', postError);
    }
  }
}

/**
 * Entry point for raw data from `onmessage`: checks that it looks like a request (an object
 * with a string `type` and a numeric `id`) before handing it to `handleMessage`.
 */
export function receive(data: unknown, post: Post): void {
  if (!isRequestShaped(data)) {
    post({ type: 'error', id: requestId(data), message: 'Malformed request' });
    return;
  }
  // The switch in handleMessage rejects types it does not know, so this narrowing is safe.
  handleMessage(data as ToWorker, post);
}

/** Compile-time: every request type has a case. Run-time: a type we do not know. */
function unknownMessage(type: never): never {
  throw new Error(`Unknown message type: ${String(type).slice(0, 40)}`);
}

function isRequestShaped(data: unknown): data is { type: string; id: number } {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof type === 'string' && typeof id === 'number';
}

/** The id of a request if it can be read, else null (reading may itself throw). */
function requestId(data: unknown): number | null {
  try {
    const id: unknown = (data as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
