// Named checkpoints of a view's own run, kept in this browser: save one, and load or delete those
// made from the same choices (the only ones the run can take back). The view passes its list and
// actions; the Time series and Attention views use it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatCount } from '../../content/format';
import type { CheckpointMeta } from '../../store/attention';

export interface CheckpointsProps {
  /** The section's heading id (unique on the page). */
  id: string;
  /** Every checkpoint of the view; those of `choice` are listed. */
  all: readonly CheckpointMeta[];
  /** The choices the run was made from (null: no run yet). */
  choice: string | null;
  /** What a checkpoint must share with the run (its words' key): the series and model, … */
  same: 'seriesSame' | 'attentionSame';
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
  const { t } = useTranslation();
  const same = t(`checkpoints.${p.same}`);
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
      <h2 id={p.id}>{t('checkpoints.heading')}</h2>
      <form
        className={p.formClass}
        onSubmit={(e) => {
          e.preventDefault();
          void p.save(name);
          setName('');
        }}
      >
        <label>
          {t('checkpoints.name')}{' '}
          <input
            value={name}
            maxLength={200}
            placeholder={t('checkpoints.placeholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={p.choice === null}>
          {t('checkpoints.save')}
        </button>
      </form>
      {mine.length > 0 && (
        <ul className={p.listClass} aria-label={t('checkpoints.list', { same })}>
          {mine.map((c) => (
            <li key={c.id}>
              {t('checkpoints.item', {
                name: c.name,
                step: formatCount(c.step),
                time: formatClock(c.savedAt),
              })}{' '}
              <button
                type="button"
                aria-label={t('checkpoints.loadLabel', { name: c.name })}
                onClick={() => void p.load(c.id)}
              >
                {t('checkpoints.load')}
              </button>{' '}
              {deleting === c.id ? (
                <button
                  type="button"
                  aria-label={t('checkpoints.reallyLabel', { name: c.name })}
                  onClick={() => {
                    setDeleting(null);
                    void p.remove(c.id);
                  }}
                >
                  {t('checkpoints.really')}
                </button>
              ) : (
                <button
                  type="button"
                  aria-label={t('checkpoints.deleteLabel', { name: c.name })}
                  onClick={() => setDeleting(c.id)}
                >
                  {t('checkpoints.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className={p.noteClass}>
        {t('checkpoints.note', { same })}
        {others > 0 && ` ${t('checkpoints.others', { count: others })}`}
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
  const { t } = useTranslation();
  if (saved === null) return null;
  const time = formatClock(saved.at);
  return (
    <p className={className} data-testid={testId}>
      {restored !== null
        ? t('checkpoints.restored', { step: formatCount(restored), time })
        : t('checkpoints.saved', { step: formatCount(saved.step), time })}
    </p>
  );
}
