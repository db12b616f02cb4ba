// The offer to go back to an earlier run: a link with other settings opened a fresh model, and
// the run the learner had is still saved. Names the settings it differs in and its step.
import { corpusLabel } from '../../content/corpora';
import { formatCount } from '../../content/format';
import { SETTING_ROWS, type SettingRow } from '../../engine/settings';
import type { ConfigState } from '../../store/config';
import { useAppStore } from '../../store/store';
import { dismissEarlierRun, returnToEarlierRun } from '../../store/trainingActions';

function valueText(row: SettingRow, value: unknown): string {
  if (row.kind === 'choice') return row.labels[value as string] ?? String(value);
  if (value === null) return 'PyTorch’s';
  return `${String(value)}${row.unit !== undefined ? ` ${row.unit}` : ''}`;
}

/** The settings of `saved` that differ from `now`, as "Hidden size 128 (now 64)". */
export function differences(saved: ConfigState, now: ConfigState): string[] {
  const out: string[] = [];
  if (saved.corpus !== now.corpus)
    out.push(`text ${corpusLabel(saved.corpus)} (now ${corpusLabel(now.corpus)})`);
  for (const [name, row] of SETTING_ROWS) {
    if (saved[name] === now[name]) continue;
    out.push(`${row.label} ${valueText(row, saved[name])} (now ${valueText(row, now[name])})`);
  }
  return out;
}

export function EarlierRun() {
  const offer = useAppStore((s) => s.training.earlierRun);
  const now = useAppStore((s) => s.config);
  if (offer === null) return null;
  const differ = differences(offer.config, now);
  return (
    <div className="callout callout--ok" role="status" data-testid="earlier-run">
      <p>
        Your earlier run is still saved: step {formatCount(offer.step)}
        {differ.length > 0 ? `, with ${differ.join(', ')}` : ''}. This link opened a fresh model
        with its own settings.
      </p>
      <button type="button" onClick={returnToEarlierRun}>
        Go back to the earlier run
      </button>
      <button type="button" onClick={dismissEarlierRun}>
        Dismiss
      </button>
    </div>
  );
}
