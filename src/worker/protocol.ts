// The wire protocol between the app and the engine worker: types only, no runtime code.
// Every request carries a numeric `id`; the reply to it echoes that id. Messages the worker
// sends on its own (progress, snapshots) belong in `FromWorker` too and go to subscribers.

/** Messages the app posts to the worker. */
export type ToWorker = { type: 'ping'; id: number };

/** The worker's reply to `ping`: which engine is running. */
export type Pong = { type: 'pong'; id: number; engine: string };

/** A failure. `id` is the request that failed, or null when no request can be blamed. */
export type WorkerError = { type: 'error'; id: number | null; message: string };

/** Messages the worker posts to the app. */
export type FromWorker = Pong | WorkerError;

/** The successful reply to each request type. The client uses it to type its promises. */
export interface Replies {
  ping: Pong;
}

export type RequestType = ToWorker['type'];

/** A request as the caller writes it: the client assigns the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<ToWorker, { type: K }>, 'id'>;

// ---- Engine payloads (the request and reply messages that carry them are below) ----

/** A training text the worker accepted. */
export interface CorpusInfo {
  name: string;
  /** Length in characters (code points). */
  length: number;
  vocabSize: number;
  trainChars: number;
  valChars: number;
}

/** The model the worker holds. */
export interface ModelInfo {
  cell: 'rnn' | 'lstm' | 'gru';
  nonlinearity: 'tanh' | 'relu' | 'linear' | 'sigmoid';
  hiddenSize: number;
  numLayers: number;
  vocab: string[];
  parameters: number;
  step: number;
  /** Whether the model can train on the current text (same characters). */
  trainable: boolean;
}

/** Step reports since the last batch, as transferable arrays (index k is step firstStep + k). */
export interface ProgressBatch {
  firstStep: number;
  loss: Float64Array;
  gradNormBefore: Float64Array;
  gradNormAfter: Float64Array;
  clipped: Uint8Array;
  charsPerSecond: number;
  stepsPerSecond: number;
  epoch: number;
  /** ‖dL/dh_t‖ of the latest batch, per layer and step. */
  dLdhNorm: number[][];
  /** The latest step diverged (non-finite, or loss above 4·ln V); training stopped. */
  diverged: boolean;
  /** The step of the last good checkpoint (0: the model as created or loaded). */
  lastGoodStep: number;
  running: boolean;
}

export interface SampleRequest {
  prime: string;
  length: number;
  temperature: number;
  topK?: number;
  greedy?: boolean;
  seed: number;
}
