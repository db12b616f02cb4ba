// Where the series run is kept: restored from its autosave after a reload, or when it was last
// autosaved (every 15 s while it trains, and on Pause).
import { formatClock, formatCount } from '../../content/format';
import { useAppStore } from '../../store/store';

export function SeriesSaved() {
  const saved = useAppStore((s) => s.series.saved);
  const restored = useAppStore((s) => s.series.restoredStep);
  if (saved === null) return null;
  return (
    <p className="ts-note" data-testid="ts-saved">
      {restored !== null
        ? `Restored your run at step ${formatCount(restored)} (autosaved at ${formatClock(saved.at)}).`
        : `Autosaved in this browser at ${formatClock(saved.at)}, at step ${formatCount(saved.step)}; a reload restores the run.`}
    </p>
  );
}
