// Side-effecting actions of the Training view that choose its text: a built-in or generated
// text, or the learner's own (pasted or uploaded, checked for size and UTF-8 first). A rejected
// own text lands in `training.corpusError` and changes nothing; other failures in `training.error`.
import { CORPUS_FILES, type CorpusId } from '../content/corpora';
import { checkCorpus } from '../engine/corpus';
import { loadOwnText, saveOwnText } from '../persist/trainingStore';
import { updateConfig } from './engineAccess';
import { patchTraining } from './store';
import {
  SLOW,
  config,
  confirmDiscard,
  createModel,
  engine,
  guarded,
  messageOf,
  pause,
  training,
  word,
} from './trainingController';

/** Largest file accepted for upload, in bytes. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Installs a built-in or generated text (or the stored own text) in the engine. */
export async function loadCorpus(id: CorpusId): Promise<void> {
  patchTraining({
    phase: 'loading',
    busy: word('training.busy.loading', { text: word(`training.corpora.${id}.label`) }),
    corpusError: null,
  });
  let info;
  const file = CORPUS_FILES[id as keyof typeof CORPUS_FILES] as string | undefined;
  if (file !== undefined) {
    const response = await fetch(`./corpora/${file}`);
    if (!response.ok)
      throw new Error(word('training.reason.fetch', { file, status: response.status }));
    const text = await response.text();
    info = (await engine().request({ type: 'setCorpus', name: id, text }, SLOW)).info;
  } else if (id === 'own') {
    const text = await loadOwnText();
    if (text === null) throw new Error(word('training.reason.ownGone'));
    info = (await engine().request({ type: 'setCorpus', name: 'own', text }, SLOW)).info;
  } else {
    info = (await engine().request({ type: 'setTask', name: id }, SLOW)).info;
  }
  patchTraining({ corpus: info, busy: null });
}

/** Switches to another text (asking before a trained model is discarded). */
export function chooseCorpus(id: CorpusId): void {
  if (id === config().corpus && training().corpus !== null) return;
  confirmDiscard('training.confirm.otherText', () => {
    void guarded('training.fail.loadText', async () => {
      await pause();
      await loadCorpus(id);
      updateConfig({ corpus: id });
      await createModel();
    });
  });
}

/**
 * Reads an uploaded file as UTF-8 text; throws with a message a learner can act on for a file
 * that is too big or not valid UTF-8.
 */
async function readTextFile(file: Blob & { name?: string }): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new Error(word('training.corpusProblem.tooBig', { mb }));
  }
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(word('training.corpusProblem.notUtf8'));
  }
}

/**
 * Trains on the learner's own text (pasted, or read from a file). A rejected text changes nothing,
 * and is refused before the learner is asked to discard a trained model for it.
 */
export function trainOnOwnText(source: string | Blob): void {
  patchTraining({ corpusError: null });
  void (async () => {
    let text: string;
    try {
      text = typeof source === 'string' ? source : await readTextFile(source);
      checkCorpus(text); // the engine's own checks, before the question
    } catch (error) {
      patchTraining({ corpusError: messageOf(error) });
      return;
    }
    confirmDiscard('training.confirm.ownText', () => {
      void (async () => {
        try {
          const info = (await engine().request({ type: 'setCorpus', name: 'own', text }, SLOW))
            .info;
          patchTraining({ corpus: info, corpusError: null });
        } catch (error) {
          // The engine rejected the text before touching anything: the model and run go on.
          patchTraining({ corpusError: messageOf(error) });
          return;
        }
        await guarded('training.fail.startOnText', async () => {
          await pause();
          const stored = await saveOwnText(text);
          updateConfig({ corpus: 'own' });
          await createModel();
          if (!stored) patchTraining({ message: word('training.message.ownNotStored') });
        });
      })();
    });
  })();
}
