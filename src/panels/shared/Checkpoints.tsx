// Named checkpoints of a view's own run, kept in this browser: save one, and load or delete those
// made from the same choices (the only ones the run can take back). The view passes its list and
// actions; the Time series and Attention views use it.
import { useEffect, useState } from 'react';
import { formatClock, formatCount } from '../../content/format';
import type { CheckpointMeta } from '../../store/attention';

export interface CheckpointsProps {
  /** The section's heading id (unique on the page). */
  id: string;
  /** Every checkpoint of the view; those of `choice` are listed. */
  all: readonly CheckpointMeta[];
  /** The choices the run was made from (null: no run yet). */
  choice: string | null;
  /** What a checkpoint must share with the run, in words: "series and model". */
  same: string;
  refresh(): Promise<void>;
  save(name: string): Promise<void>;
  load(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The class of the form and of notes (the view's own styles). */
  formClass: string;
  noteClass: string;
  listClass: string;
}

export function Checkpoints(p: CheckpointsProps) {
  const [name, setName] = useState('');
  // A delete asks once more, on the same spot.
  const [deleting, setDeleting] = useState<string | null>(null);
  const mine = p.all.filter((c) => c.choice === p.choice);
  const others = p.all.length - mine.length;
  const { refresh } = p;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>Checkpoints</h2>
      <form
        className={p.formClass}
        onSubmit={(e) => {
          e.preventDefault();
          void p.save(name);
          setName('');
        }}
      >
        <label>
          Name{' '}
          <input
            value={name}
            maxLength={200}
            placeholder="e.g. before a smaller learning rate"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={p.choice === null}>
          Save checkpoint
        </button>
      </form>
      {mine.length > 0 && (
        <ul className={p.listClass} aria-label={`Checkpoints of this ${p.same}`}>
          {mine.map((c) => (
            <li key={c.id}>
              {c.name}: step {formatCount(c.step)}, saved {formatClock(c.savedAt)}{' '}
              <button type="button" aria-label={`Load ${c.name}`} onClick={() => void p.load(c.id)}>
                Load
              </button>{' '}
              {deleting === c.id ? (
                <button
                  type="button"
                  aria-label={`Really delete ${c.name}`}
                  onClick={() => {
                    setDeleting(null);
                    void p.remove(c.id);
                  }}
                >
                  Really delete?
                </button>
              ) : (
                <button
                  type="button"
                  aria-label={`Delete ${c.name}`}
                  onClick={() => setDeleting(c.id)}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className={p.noteClass}>
        A checkpoint keeps the model, its step, the optimizer’s state and the curves, in this
        browser only. It goes back onto the same {p.same} settings
        {others > 0
          ? `; ${formatCount(others)} more ${others === 1 ? 'was' : 'were'} made from others and show when those are chosen`
          : ''}
        .
      </p>
    </section>
  );
}

/** Where a view's run is kept: restored from its autosave after a reload, or last autosaved. */
export function SavedNote({
  saved,
  restored,
  className,
  testId,
}: {
  saved: { at: number; step: number } | null;
  restored: number | null;
  className: string;
  testId: string;
}) {
  if (saved === null) return null;
  return (
    <p className={className} data-testid={testId}>
      {restored !== null
        ? `Restored your run at step ${formatCount(restored)} (autosaved at ${formatClock(saved.at)}).`
        : `Autosaved in this browser at ${formatClock(saved.at)}, at step ${formatCount(saved.step)}; a reload restores the run.`}
    </p>
  );
}
