// Named checkpoints of the series run, kept in this browser: save one, and load or delete those
// made from the same series and model (the only ones this model can take back).
import { useEffect, useState } from 'react';
import { formatClock, formatCount } from '../../content/format';
import { seriesRunKey } from '../../store/series';
import {
  deleteSeriesCheckpointNamed,
  loadSeriesCheckpointNamed,
  refreshSeriesCheckpoints,
  saveSeriesCheckpointNamed,
} from '../../store/seriesCheckpoints';
import { useAppStore } from '../../store/store';

export function SeriesCheckpoints() {
  const [name, setName] = useState('');
  // A delete asks once more, on the same spot.
  const [deleting, setDeleting] = useState<string | null>(null);
  const key = useAppStore((s) => (s.series.info === null ? null : seriesRunKey(s.series)));
  const all = useAppStore((s) => s.series.checkpoints);
  const mine = all.filter((c) => c.choice === key);
  const others = all.length - mine.length;
  useEffect(() => {
    void refreshSeriesCheckpoints();
  }, []);
  return (
    <section aria-labelledby="ts-checkpoints">
      <h2 id="ts-checkpoints">Checkpoints</h2>
      <form
        className="ts-export"
        onSubmit={(e) => {
          e.preventDefault();
          void saveSeriesCheckpointNamed(name);
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
        <button type="submit" disabled={key === null}>
          Save checkpoint
        </button>
      </form>
      {mine.length > 0 && (
        <ul className="ts-checkpoints" aria-label="Checkpoints of this series and model">
          {mine.map((c) => (
            <li key={c.id}>
              {c.name}: step {formatCount(c.step)}, saved {formatClock(c.savedAt)}{' '}
              <button
                type="button"
                aria-label={`Load ${c.name}`}
                onClick={() => void loadSeriesCheckpointNamed(c.id)}
              >
                Load
              </button>{' '}
              {deleting === c.id ? (
                <button
                  type="button"
                  aria-label={`Really delete ${c.name}`}
                  onClick={() => {
                    setDeleting(null);
                    void deleteSeriesCheckpointNamed(c.id);
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
      <p className="ts-note">
        A checkpoint keeps the model, its step, the optimizer’s state and the curves, in this
        browser only. It goes back onto the same series and model settings
        {others > 0
          ? `; ${formatCount(others)} more ${others === 1 ? 'was' : 'were'} made from others and show when those are chosen`
          : ''}
        .
      </p>
    </section>
  );
}
