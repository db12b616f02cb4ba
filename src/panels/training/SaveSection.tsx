// Saving and moving runs: autosave status, named checkpoints, export (model file, PyTorch
// script, loss CSV) and import of a model file.
import { useState } from 'react';
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

export function SaveSection() {
  const savedAt = useAppStore((s) => s.training.savedAt);
  const savedStep = useAppStore((s) => s.training.savedStep);
  const saveFailed = useAppStore((s) => s.training.saveFailed);
  const checkpoints = useAppStore((s) => s.training.checkpoints);
  const hasModel = useAppStore((s) => s.training.model !== null);
  const step = useAppStore((s) => s.training.step);
  const [name, setName] = useState('');
  return (
    <section className="train-section" aria-labelledby="save-heading">
      <h2 id="save-heading">Save, export, import</h2>
      <p
        className={saveFailed ? 'callout callout--warn' : 'muted'}
        role={saveFailed ? 'status' : undefined}
        data-testid="autosave"
      >
        {saveFailed
          ? `This browser refused to autosave the run (a model this large may not fit in one record, or storage is full or turned off), so a reload will not restore it${savedAt ? ` past step ${formatCount(savedStep ?? 0)}` : ''}. Export the model file to keep it.`
          : savedAt
            ? `Autosaved in this browser at ${formatClock(savedAt)}, at step ${formatCount(savedStep ?? 0)}; a reload restores the run.`
            : 'The run autosaves in this browser while it trains.'}
      </p>
      <h3>Checkpoints</h3>
      <div className="inline-fields">
        <label>
          Name{' '}
          <input
            value={name}
            placeholder={`Step ${step}`}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={!hasModel}
          onClick={() => {
            saveNamedCheckpoint(name || `Step ${step}`);
            setName('');
          }}
        >
          Save checkpoint
        </button>
      </div>
      {checkpoints.length > 0 && (
        <ul className="checkpoints">
          {checkpoints.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.name}</strong> — {c.cell.toUpperCase()} {c.hiddenSize}×{c.numLayers},{' '}
                {c.corpus}, step {formatCount(c.step)}
              </span>
              <button type="button" onClick={() => loadNamedCheckpoint(c.id)}>
                Load<span className="visually-hidden"> {c.name}</span>
              </button>
              <button
                type="button"
                onClick={() => {
                  const next = window.prompt('New name', c.name);
                  if (next) renameNamedCheckpoint(c.id, next);
                }}
              >
                Rename<span className="visually-hidden"> {c.name}</span>
              </button>
              <button type="button" onClick={() => deleteNamedCheckpoint(c.id)}>
                Delete<span className="visually-hidden"> {c.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Export</h3>
      <div className="button-row">
        <button type="button" disabled={!hasModel} onClick={exportModelFile}>
          Model file (.json)
        </button>
        <button type="button" disabled={!hasModel} onClick={exportPytorchScript}>
          PyTorch script (.py)
        </button>
        <button type="button" onClick={exportLossCsv}>
          Loss history (.csv)
        </button>
      </div>
      <p className="field__help">
        The model file uses PyTorch’s state_dict names; the script rebuilds the model, loads the
        file and samples, so you can continue in PyTorch.
      </p>
      <h3>Import</h3>
      <div className="field">
        <label htmlFor="import-model">Load a model file</label>
        <input
          id="import-model"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importModelFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
