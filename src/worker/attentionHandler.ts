// The Attention view's requests as the worker answers them: its run (attentionRun.ts), and its
// autosave and checkpoints (savedRunIo.ts over the view's own records). handler.ts hands every
// `attention…` request here; failures go to `fail`, which posts them as the request's error.
import { ATTENTION_RUNS } from '../persist/seriesStore';
import type { AttentionRun } from './attentionRun';
import type { FromWorker, ToWorker } from './protocol';
import { autosaveRunTo, checkpointRunTo, loadCheckpointFrom, resumeRunFrom } from './savedRunIo';

export type AttentionMessage = Extract<ToWorker, { type: `attention${string}` }>;

export function handleAttention(
  msg: AttentionMessage,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
  run: AttentionRun,
  fail: (error: unknown) => void,
): void {
  switch (msg.type) {
    case 'attentionLoad':
      post({ type: 'attention', id: msg.id, info: run.load(msg.settings, msg.fresh) });
      return;
    case 'attentionTrain':
      run.train();
      post({ type: 'ack', id: msg.id, step: run.info().step });
      return;
    case 'attentionPause':
      post({ type: 'ack', id: msg.id, step: run.pause() });
      return;
    case 'attentionStep':
      post({ type: 'ack', id: msg.id, step: run.step() });
      return;
    case 'attentionDecode': {
      const decoded = run.decode(msg.input);
      const { alpha, e, ctx, probs } = decoded;
      post({ type: 'attentionDecoded', id: msg.id, decoded }, [
        alpha.buffer,
        e.buffer,
        ctx.buffer,
        probs.buffer,
      ] as Transferable[]);
      return;
    }
    case 'attentionScore':
      post({ type: 'attentionScores', id: msg.id, scores: run.scores() });
      return;
    case 'attentionRestoreLastGood':
      post({ type: 'attention', id: msg.id, info: run.restoreLastGood() });
      return;
    case 'attentionExport':
      post({ type: 'attentionExported', id: msg.id, ...run.exportFiles() });
      return;
    // Answered later: IndexedDB reads and writes asynchronously.
    case 'attentionAutosave':
      autosaveRunTo(ATTENTION_RUNS, run, msg.page).then(
        ({ ok, step }) => post({ type: 'autosaved', id: msg.id, ok, step }),
        fail,
      );
      return;
    case 'attentionResume':
      resumeRunFrom(ATTENTION_RUNS, run, msg.choice).then(
        (resumed) => post({ type: 'attentionResumed', id: msg.id, resumed }),
        fail,
      );
      return;
    case 'attentionCheckpoint':
      checkpointRunTo(ATTENTION_RUNS, run, msg.checkpoint, msg.name, msg.page).then(
        (list) => post({ type: 'attentionCheckpoints', id: msg.id, list }),
        fail,
      );
      return;
    case 'attentionCheckpointLoad':
      loadCheckpointFrom(ATTENTION_RUNS, run, msg.checkpoint, msg.choice, 'task or model').then(
        (resumed) => post({ type: 'attentionResumed', id: msg.id, resumed }),
        fail,
      );
      return;
  }
}
