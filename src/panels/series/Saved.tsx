// Where the series run is kept: restored from its autosave after a reload, or when it was last
// autosaved (every 15 s while it trains, and on Pause).
import { useAppStore } from '../../store/store';
import { SavedNote } from '../shared/Checkpoints';

export function SeriesSaved() {
  const saved = useAppStore((s) => s.series.saved);
  const restored = useAppStore((s) => s.series.restoredStep);
  return <SavedNote saved={saved} restored={restored} className="ts-note" testId="ts-saved" />;
}
