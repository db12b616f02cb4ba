// The worker's message switch: one case per request type, each replying through `post`.
// It is a plain function so tests run it in Node without a Worker. Anything that throws
// becomes a typed `error` reply carrying the request's id.
import type { FromWorker, ModelSource, ProgressBatch, RaceProgress, ToWorker } from './protocol';
import { EngineSession } from './session';
import { autosaveRun, restoreRun } from './autosave';
import {
  autosaveSeries,
  checkpointSeries,
  loadCheckpointInto,
  resumeSeries,
} from './seriesAutosave';
import { handleAttention } from './attentionHandler';
import type { Trace } from '../engine/trace';
import { Problem, problemOf } from '../engine/problem';
import { resultBuffers, runGradientExperiment } from '../engine/experiments';

/** Sends a message back to the app; large arrays go in `transfer`. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** The name and protocol version the engine reports in `pong`. */
export const ENGINE_NAME = 'unrolled-engine 1';

/**
 * The engine session a worker hosts, posting training progress through `post`. Training slices
 * run from timers; a slice that throws is reported as an error with id null and stops training,
 * so a failed step never kills the worker silently.
 */
export function createSession(
  post: Post,
  now: () => number = () => performance.now(),
): EngineSession {
  const session: EngineSession = new EngineSession({
    progress: (batch) => post({ type: 'progress', id: null, batch }, progressTransfer(batch)),
    seriesProgress: (batch) =>
      post({ type: 'seriesProgress', id: null, batch }, progressTransfer(batch)),
    attentionProgress: (batch, run) =>
      post({ type: 'attentionProgress', id: null, run, batch }, progressTransfer(batch)),
    raceProgress: (progress) =>
      post({ type: 'raceProgress', id: null, progress }, raceTransfer(progress)),
    tagRaceProgress: (progress) =>
      post({ type: 'tagRaceProgress', id: null, progress }, raceTransfer(progress)),
    schedule: (fn) => setTimeout(() => runSlice(fn, session, post), 0),
    now,
  });
  return session;
}

/**
 * Runs one training slice; if it throws, training pauses and the reason is posted as an error
 * with id null and source 'training' (as a problem the page can translate).
 */
export function runSlice(fn: () => void, session: { pause(): unknown }, post: Post): void {
  try {
    fn();
  } catch (error) {
    session.pause();
    const stopped = new Problem('run.trainingStopped', {
      reason: problemOf(error) ?? errorMessage(error),
    });
    post({
      type: 'error',
      id: null,
      source: 'training',
      message: stopped.message,
      problem: problemOf(stopped)!,
    });
  }
}

/** Handles one request. Never throws: failures are posted as `error` messages. */
export function handleMessage(msg: ToWorker, post: Post, session?: EngineSession): void {
  try {
    const s = (): EngineSession => {
      if (session === undefined) throw new Error('The engine has no session.');
      return session;
    };
    // Runs a request on a view's model: an autosaved run's is read from IndexedDB first.
    const withModel = (source: ModelSource | undefined, run: () => void): void => {
      if (source?.kind !== 'autosave') {
        run();
        return;
      }
      s()
        .prepare(source)
        .then(run)
        .catch((error: unknown) => postError(post, msg, error));
    };
    switch (msg.type) {
      case 'ping':
        post({
          type: 'pong',
          id: msg.id,
          engine: ENGINE_NAME,
          kernel: session?.kernel ? 'wasm-simd' : 'js',
        });
        return;
      case 'setCorpus':
        post({ type: 'corpus', id: msg.id, info: s().setCorpus(msg.name, msg.text) });
        return;
      case 'create':
        post({ type: 'model', id: msg.id, info: s().create(msg.settings) });
        return;
      case 'setHyper':
        s().setHyper(msg.settings);
        post({ type: 'ack', id: msg.id, step: s().info().step });
        return;
      case 'train':
        s().train();
        post({ type: 'ack', id: msg.id, step: s().info().step });
        return;
      case 'pause':
        post({ type: 'ack', id: msg.id, step: s().pause() });
        return;
      case 'step':
        post({ type: 'ack', id: msg.id, step: s().step().step });
        return;
      case 'evaluate':
        post({ type: 'evaluation', id: msg.id, loss: s().evaluate(msg.maxChars) });
        return;
      case 'trace':
        withModel(msg.model, () => {
          const { trace, ...about } = s().trace(msg.text, msg.jacobians ?? false, msg.model);
          post({ type: 'trace', id: msg.id, trace, ...about }, traceTransfer(trace));
        });
        return;
      case 'backward':
        withModel(msg.model, () =>
          post({ type: 'backwardAt', id: msg.id, at: s().backwardAt(msg.text, msg.t, msg.model) }),
        );
        return;
      case 'gradCheck':
        withModel(msg.model, () =>
          post({
            type: 'gradChecked',
            id: msg.id,
            ...s().gradCheck(msg.text, msg.tensor, msg.index, msg.model),
          }),
        );
        return;
      case 'sample':
        post({ type: 'sample', id: msg.id, text: s().sample(msg.request) });
        return;
      case 'checkFile': {
        // The one request answered later: the file is read asynchronously. Its failure is
        // posted as the reply, as a thrown error would be.
        const start = performance.now();
        s()
          .checkModelFile(msg.file)
          .then(
            (key) => post({ type: 'fileChecked', id: msg.id, key, ms: performance.now() - start }),
            (error: unknown) => postError(post, msg, error),
          );
        return;
      }
      case 'export':
        post({ type: 'exported', id: msg.id, json: s().exportModel() });
        return;
      case 'import':
        post({
          type: 'model',
          id: msg.id,
          info: s().importModel(msg.json, msg.settings, msg.step ?? 0, msg.optimizer ?? null),
        });
        return;
      case 'restore':
        post({ type: 'model', id: msg.id, info: s().restoreLastGood() });
        return;
      case 'setTask':
        post({ type: 'corpus', id: msg.id, info: s().setTask(msg.name) });
        return;
      case 'weights': {
        const weights = s().weights();
        const buffers = weights.layers.flatMap((l) => [l.Wih.buffer, l.Whh.buffer]);
        post({ type: 'weights', id: msg.id, weights }, buffers as Transferable[]);
        return;
      }
      case 'neurons': {
        const neurons = s().neurons(msg.layer, msg.chars);
        const buffers = neurons.c ? [neurons.h.buffer, neurons.c.buffer] : [neurons.h.buffer];
        post({ type: 'neurons', id: msg.id, neurons }, buffers as Transferable[]);
        return;
      }
      case 'snapshot':
        post({ type: 'snapshot', id: msg.id, ...s().snapshot() });
        return;
      case 'autosave':
        // Answered later, as checkFile: IndexedDB writes asynchronously.
        autosaveRun(s(), msg.runId, msg.live, msg.page).then(
          ({ ok, step }) => post({ type: 'autosaved', id: msg.id, ok, step }),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      case 'restoreRun': {
        const started = performance.now();
        restoreRun(s(), msg.runId, msg.settings).then(
          (restored) =>
            post({ type: 'restoredRun', id: msg.id, restored, ms: performance.now() - started }),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      }
      case 'gradientExperiment': {
        // Stateless: no session needed. The figures' arrays travel in the transfer list.
        const start = performance.now();
        const result = runGradientExperiment(msg.params, session?.computeWith);
        const ms = performance.now() - start;
        post(
          { type: 'gradientResult', id: msg.id, result, ms },
          resultBuffers(result) as Transferable[],
        );
        return;
      }
      case 'raceStart':
        post({ type: 'race', id: msg.id, info: s().race.start(msg.race) });
        return;
      case 'racePause':
        post({ type: 'race', id: msg.id, info: s().race.pause() });
        return;
      case 'raceReset':
        post({ type: 'race', id: msg.id, info: s().race.reset(msg.race) });
        return;
      case 'tagRaceStart':
        post({ type: 'tagRace', id: msg.id, ...s().tagRace.start(msg.race, msg.text) });
        return;
      case 'tagRacePause':
        post({ type: 'tagRace', id: msg.id, ...s().tagRace.pause() });
        return;
      case 'tagRaceReset':
        post({ type: 'tagRace', id: msg.id, ...s().tagRace.reset(msg.race, msg.text) });
        return;
      case 'tagRaceSample': {
        const at = s().tagRace.sample();
        const buffers = at.sample
          ? [at.sample.truth.buffer, ...at.sample.predicted.map((p) => p.buffer)]
          : [];
        post({ type: 'tagSample', id: msg.id, ...at }, buffers as Transferable[]);
        return;
      }
      case 'attentionLoad':
      case 'attentionTrain':
      case 'attentionPause':
      case 'attentionStep':
      case 'attentionDecode':
      case 'attentionScore':
      case 'attentionRestoreLastGood':
      case 'attentionExport':
      case 'attentionAutosave':
      case 'attentionResume':
      case 'attentionCheckpoint':
      case 'attentionCheckpointLoad':
        handleAttention(msg, post, s().attention, (error) => postError(post, msg, error));
        break;
      case 'seriesLoad': {
        const info = s().series.load(msg);
        post({ type: 'series', id: msg.id, info }, [info.values.buffer] as Transferable[]);
        return;
      }
      case 'seriesTrain':
        s().series.train();
        post({ type: 'ack', id: msg.id, step: s().series.info().step });
        return;
      case 'seriesPause':
        post({ type: 'ack', id: msg.id, step: s().series.pause() });
        return;
      case 'seriesStep':
        post({ type: 'ack', id: msg.id, step: s().series.step() });
        return;
      case 'seriesPredict': {
        const p = s().series.predict();
        post({ type: 'seriesPrediction', id: msg.id, ...p }, [
          p.predicted.buffer,
          p.hidden.data.buffer,
        ] as Transferable[]);
        return;
      }
      case 'seriesTrace': {
        const traced = s().series.traceWindow();
        post(
          { type: 'seriesTrace', id: msg.id, traced },
          traced === null ? [] : traceTransfer(traced.trace),
        );
        return;
      }
      case 'seriesAutosave':
        // Answered later, as autosave: IndexedDB writes asynchronously.
        autosaveSeries(s().series, msg.page).then(
          ({ ok, step }) => post({ type: 'autosaved', id: msg.id, ok, step }),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      case 'seriesCheckpoint':
        checkpointSeries(s().series, msg.checkpoint, msg.name, msg.page).then(
          (list) => post({ type: 'seriesCheckpoints', id: msg.id, list }),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      case 'seriesCheckpointLoad':
        loadCheckpointInto(s().series, msg.checkpoint, msg.choice).then(
          (resumed) =>
            post({ type: 'seriesResumed', id: msg.id, resumed }, [
              resumed.info.values.buffer,
            ] as Transferable[]),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      case 'seriesResume':
        resumeSeries(s().series, msg.choice).then(
          (resumed) =>
            post(
              { type: 'seriesResumed', id: msg.id, resumed },
              resumed === null ? [] : ([resumed.info.values.buffer] as Transferable[]),
            ),
          (error: unknown) => postError(post, msg, error),
        );
        return;
      case 'seriesSetHyper': {
        const info = s().series.setHyper(msg.settings);
        post({ type: 'series', id: msg.id, info }, [info.values.buffer] as Transferable[]);
        return;
      }
      case 'seriesRestoreLastGood': {
        const info = s().series.restoreLastGood();
        post({ type: 'series', id: msg.id, info }, [info.values.buffer] as Transferable[]);
        return;
      }
      case 'seriesRestoreBest': {
        const info = s().series.restoreBest();
        post({ type: 'series', id: msg.id, info }, [info.values.buffer] as Transferable[]);
        return;
      }
      case 'seriesExport': {
        const run = s().series;
        const { name, step } = run.info();
        const json = run.exportModel();
        post({ type: 'seriesExported', id: msg.id, json, script: run.exportScript(), name, step });
        return;
      }
      default:
        unknownMessage(msg);
    }
  } catch (error) {
    postError(post, msg, error);
  }
}

/** Posts a failure as the request's `error` reply; never throws. */
function postError(post: Post, msg: ToWorker, error: unknown): void {
  try {
    const problem = problemOf(error);
    post({
      type: 'error',
      id: requestId(msg),
      message: errorMessage(error),
      ...(problem === null ? {} : { problem }),
    });
  } catch (postError) {
    // Posting failed too (the channel is gone); there is no one left to tell.
    console.error('engine: could not post an error reply', postError);
  }
}

/**
 * Entry point for raw data from `onmessage`: checks that it looks like a request (an object
 * with a string `type` and a numeric `id`) before handing it to `handleMessage`.
 */
export function receive(data: unknown, post: Post, session?: EngineSession): void {
  if (!isRequestShaped(data)) {
    post({ type: 'error', id: requestId(data), message: 'Malformed request' });
    return;
  }
  // The switch in handleMessage rejects types it does not know, so this narrowing is safe.
  handleMessage(data as ToWorker, post, session);
}

/** Every distinct buffer of a trace, to transfer rather than copy. */
function traceTransfer(trace: Trace): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  const add = (a: Float64Array) => buffers.add(a.buffer);
  trace.named.forEach((layer) => layer.forEach((rec) => Object.values(rec).forEach(add)));
  trace.outputs.forEach(add);
  trace.probs?.forEach(add);
  trace.dLdh.forEach((layer) => layer.forEach(add));
  trace.dLdc?.forEach((layer) => layer.forEach(add));
  Object.values(trace.grads).forEach((g) => add(g.data));
  return [...buffers] as Transferable[];
}

function progressTransfer(b: ProgressBatch): Transferable[] {
  return [
    b.loss.buffer,
    b.gradNormBefore.buffer,
    b.gradNormAfter.buffer,
    b.clipped.buffer,
  ] as Transferable[];
}

function raceTransfer(p: RaceProgress): Transferable[] {
  return [
    p.valSteps.buffer,
    ...p.racers.flatMap((r) => [r.loss.buffer, ...Object.values(r.metrics).map((m) => m.buffer)]),
  ] as Transferable[];
}

/** Compile-time: every request type has a case. Run-time: a type we do not know. */
function unknownMessage(msg: never): never {
  const type: unknown = (msg as { type?: unknown }).type;
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
