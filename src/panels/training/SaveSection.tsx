// Saving and moving runs: autosave status, named checkpoints, export (model file, PyTorch
// script, loss CSV) and import of a model file.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store';
import {
  deleteNamedCheckpoint,
  exportLossCsv,
  exportModelFile,
  exportPytorchScript,
  importModelFile,
  loadNamedCheckpoint,
  renameNamedCheckpoint,
  saveNamedCheckpoint,
} from '../../store/trainingActions';
import { formatCount, formatClock } from '../../content/format';
import { FileChooser } from '../shared/FileChooser';

export function SaveSection() {
  const { t } = useTranslation();
  const savedAt = useAppStore((s) => s.training.savedAt);
  const savedStep = useAppStore((s) => s.training.savedStep);
  const saveFailed = useAppStore((s) => s.training.saveFailed);
  const checkpoints = useAppStore((s) => s.training.checkpoints);
  const hasModel = useAppStore((s) => s.training.model !== null);
  const step = useAppStore((s) => s.training.step);
  const [name, setName] = useState('');
  const defaultName = t('training.save.defaultName', { step });
  return (
    <section className="train-section" aria-labelledby="save-heading">
      <h2 id="save-heading">{t('training.save.heading')}</h2>
      <p
        className={saveFailed ? 'callout callout--warn' : 'muted'}
        role={saveFailed ? 'status' : undefined}
        data-testid="autosave"
      >
        {saveFailed
          ? t('training.save.failed', {
              past: savedAt ? t('training.save.past', { step: formatCount(savedStep ?? 0) }) : '',
            })
          : savedAt
            ? t('training.save.saved', {
                time: formatClock(savedAt),
                step: formatCount(savedStep ?? 0),
              })
            : t('training.save.notYet')}
      </p>
      <h3>{t('training.save.checkpoints')}</h3>
      <div className="inline-fields">
        <label>
          {t('training.save.name')}{' '}
          <input value={name} placeholder={defaultName} onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!hasModel}
          onClick={() => {
            saveNamedCheckpoint(name || defaultName);
            setName('');
          }}
        >
          {t('training.save.saveCheckpoint')}
        </button>
      </div>
      {checkpoints.length > 0 && (
        <ul className="checkpoints">
          {checkpoints.map((c) => (
            <li key={c.id}>
              <span>
                {/* The learner's own name for it, as typed. */}
                <strong translate="no">{c.name}</strong> —{' '}
                {t('training.save.checkpoint', {
                  model: `${c.cell.toUpperCase()} ${c.hiddenSize}×${c.numLayers}`,
                  corpus: c.corpus,
                  step: formatCount(c.step),
                })}
              </span>
              <button type="button" onClick={() => loadNamedCheckpoint(c.id)}>
                {t('training.save.load')}
                <span className="visually-hidden" translate="no">
                  {' '}
                  {c.name}
                </span>
              </button>
              <button
                type="button"
                onClick={() => {
                  const next = window.prompt(t('training.save.newName'), c.name);
                  if (next) renameNamedCheckpoint(c.id, next);
                }}
              >
                {t('training.save.rename')}
                <span className="visually-hidden" translate="no">
                  {' '}
                  {c.name}
                </span>
              </button>
              <button type="button" onClick={() => deleteNamedCheckpoint(c.id)}>
                {t('training.save.delete')}
                <span className="visually-hidden" translate="no">
                  {' '}
                  {c.name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('training.save.export')}</h3>
      <div className="button-row">
        <button type="button" disabled={!hasModel} onClick={exportModelFile}>
          {t('training.save.modelFile')}
        </button>
        <button type="button" disabled={!hasModel} onClick={exportPytorchScript}>
          {t('training.save.script')}
        </button>
        <button type="button" onClick={exportLossCsv}>
          {t('training.save.lossCsv')}
        </button>
      </div>
      <p className="field__help">
        <Trans i18nKey="training.save.note" components={{ code: <code translate="no" /> }} />
      </p>
      <h3>{t('training.save.import')}</h3>
      <div className="field">
        <label htmlFor="import-model">{t('training.save.loadFile')}</label>
        <FileChooser id="import-model" accept=".json,application/json" onFile={importModelFile} />
      </div>
    </section>
  );
}
