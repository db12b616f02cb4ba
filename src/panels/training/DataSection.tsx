// Choosing the text: built-in and generated texts, or the learner's own (paste or upload), with
// the reason a text was rejected and the train/validation split of the one in use.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CORPORA, type CorpusId } from '../../content/corpora';
import { useAppStore } from '../../store/store';
import { chooseCorpus, trainOnOwnText } from '../../store/trainingActions';
import { formatCount } from '../../content/format';
import { FileChooser } from '../shared/FileChooser';

export function DataSection() {
  const { t } = useTranslation();
  const corpusId = useAppStore((s) => s.config.corpus);
  const info = useAppStore((s) => s.training.corpus);
  const error = useAppStore((s) => s.training.corpusError);
  const busy = useAppStore((s) => s.training.phase === 'loading');
  const [paste, setPaste] = useState('');
  return (
    <section className="train-section" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('training.data.heading')}</h2>
      <div className="field" data-control="text">
        <label htmlFor="corpus">{t('training.data.trainOn')}</label>
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
              {t(`training.corpora.${id}.label`)}
            </option>
          ))}
        </select>
        <p className="field__help">
          {/* An example sentence of a text stays in the text's language. */}
          <Trans
            i18nKey={`training.corpora.${corpusId}.description`}
            components={{ en: <span lang="en" /> }}
          />
        </p>
      </div>
      <details className="own-text" data-control="own-text">
        <summary>{t('training.data.own')}</summary>
        <div className="field">
          <label htmlFor="upload">{t('training.data.upload')}</label>
          <FileChooser id="upload" accept=".txt,text/plain" onFile={trainOnOwnText} />
        </div>
        <div className="field">
          <label htmlFor="paste">{t('training.data.paste')}</label>
          <textarea
            id="paste"
            rows={4}
            value={paste}
            translate="no"
            onChange={(e) => setPaste(e.target.value)}
          />
          <button type="button" onClick={() => trainOnOwnText(paste)}>
            {t('training.data.trainOnThis')}
          </button>
        </div>
      </details>
      {error && (
        <p className="callout callout--error" role="alert">
          {t('training.data.unchanged', { error })}
        </p>
      )}
      {info && (
        <p className="split" data-testid="split">
          {t('training.data.split', {
            length: formatCount(info.length),
            distinct: formatCount(info.vocabSize),
            train: formatCount(info.trainChars),
            val: formatCount(info.valChars),
          })}
        </p>
      )}
    </section>
  );
}
