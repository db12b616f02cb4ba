// Choosing the text: built-in and generated texts, or the learner's own (paste or upload), with
// the reason a text was rejected and the train/validation split of the one in use.
import { useState } from 'react';
import { CORPORA, CORPUS_TEXT, type CorpusId } from '../../content/corpora';
import { useAppStore } from '../../store/store';
import { chooseCorpus, trainOnOwnText } from '../../store/trainingActions';
import { formatCount } from '../../content/format';

export function DataSection() {
  const corpusId = useAppStore((s) => s.config.corpus);
  const info = useAppStore((s) => s.training.corpus);
  const error = useAppStore((s) => s.training.corpusError);
  const busy = useAppStore((s) => s.training.phase === 'loading');
  const [paste, setPaste] = useState('');
  return (
    <section className="train-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Text</h2>
      <div className="field">
        <label htmlFor="corpus">Train on</label>
        <select
          id="corpus"
          value={corpusId}
          disabled={busy}
          onChange={(e) => {
            const id = e.target.value as CorpusId;
            if (id !== 'own') chooseCorpus(id);
          }}
        >
          {CORPORA.map((id) => (
            <option key={id} value={id} disabled={id === 'own' && corpusId !== 'own'}>
              {CORPUS_TEXT[id].label}
            </option>
          ))}
        </select>
        <p className="field__help">{CORPUS_TEXT[corpusId].description}</p>
      </div>
      <details className="own-text">
        <summary>Use your own text</summary>
        <div className="field">
          <label htmlFor="upload">Upload a .txt file (UTF-8, up to 5 MB)</label>
          <input
            id="upload"
            type="file"
            accept=".txt,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) trainOnOwnText(file);
              e.target.value = '';
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="paste">Or paste text</label>
          <textarea id="paste" rows={4} value={paste} onChange={(e) => setPaste(e.target.value)} />
          <button type="button" onClick={() => trainOnOwnText(paste)}>
            Train on this text
          </button>
        </div>
      </details>
      {error && (
        <p className="callout callout--error" role="alert">
          {error} The current model and run are unchanged.
        </p>
      )}
      {info && (
        <p className="split" data-testid="split">
          {formatCount(info.length)} characters, {formatCount(info.vocabSize)} distinct. Split:
          first {formatCount(info.trainChars)} for training (90 %), last{' '}
          {formatCount(info.valChars)} for validation (10 %).
        </p>
      )}
    </section>
  );
}
