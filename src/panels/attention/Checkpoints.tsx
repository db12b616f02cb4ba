// Named checkpoints of the encoder–decoder, kept in this browser (the shared list, over the
// view's actions): those made from the same task and model can be loaded back.
import { attentionChoice } from '../../store/attention';
import {
  deleteAttentionCheckpoint,
  loadAttentionCheckpoint,
  refreshAttentionCheckpoints,
  saveAttentionCheckpoint,
} from '../../store/attentionSaves';
import { useAppStore } from '../../store/store';
import { Checkpoints, SavedNote } from '../shared/Checkpoints';

export function AttentionCheckpoints() {
  const key = useAppStore((s) => (s.attention.info === null ? null : attentionChoice(s.attention)));
  const all = useAppStore((s) => s.attention.checkpoints);
  return (
    <Checkpoints
      id="at-checkpoints"
      all={all}
      choice={key}
      same="attentionSame"
      refresh={refreshAttentionCheckpoints}
      save={saveAttentionCheckpoint}
      load={loadAttentionCheckpoint}
      remove={deleteAttentionCheckpoint}
      formClass="at-run"
      noteClass="at-note"
      listClass="at-checkpoints"
    />
  );
}

export function AttentionSaved() {
  const saved = useAppStore((s) => s.attention.saved);
  const restored = useAppStore((s) => s.attention.restoredStep);
  return <SavedNote saved={saved} restored={restored} className="at-note" testId="at-saved" />;
}
