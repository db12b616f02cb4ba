// The Attention view's choices (task, input lengths, attention, cell, size, one way or both: in
// the address bar) and the run's buttons and status line.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { CELL_INFO, CELL_KINDS, type CellKind } from '../../engine/cell';
import { ATTENTION_KINDS, type AttentionKind } from '../../engine/seq2seq/model';
import { SEQ2SEQ_LENGTHS, SEQ2SEQ_TASKS, type Seq2SeqTaskKind } from '../../engine/seq2seq/tasks';
import { lengthLimit } from '../../store/attention';
import {
  loadAttention,
  pauseAttention,
  setAttentionChoice,
  stepAttention,
  trainAttention,
} from '../../store/attentionActions';
import { useAppStore } from '../../store/store';

const SIZES = [16, 32, 64, 128];

export function AttentionControls() {
  const { t } = useTranslation();
  const task = useAppStore((s) => s.attention.task);
  const minLength = useAppStore((s) => s.attention.minLength);
  const maxLength = useAppStore((s) => s.attention.maxLength);
  const kind = useAppStore((s) => s.attention.attention);
  const cell = useAppStore((s) => s.attention.cell);
  const hidden = useAppStore((s) => s.attention.hidden);
  const bidirectional = useAppStore((s) => s.attention.bidirectional);
  const phase = useAppStore((s) => s.attention.phase);
  const step = useAppStore((s) => s.attention.history.steps.at(-1) ?? s.attention.info?.step ?? 0);
  const speed = useAppStore((s) => s.attention.stepsPerSecond);
  const parameters = useAppStore((s) => s.attention.info?.parameters ?? null);
  const trainPairs = useAppStore((s) => s.attention.info?.trainPairs ?? null);
  const limit = lengthLimit(task);
  const unit = SEQ2SEQ_LENGTHS[task]?.unit ?? '';
  const training = phase === 'training';
  const busy = phase === 'loading';
  const lengths = Array.from({ length: limit ?? 0 }, (_, k) => k + 1);
  const status = [
    t('attention.controls.status', { step: formatCount(step) }),
    ...(speed !== null && training
      ? [t('attention.controls.speed', { speed: formatCount(speed, 1) })]
      : []),
    ...(parameters !== null
      ? [t('attention.controls.parameters', { count: formatCount(parameters) })]
      : []),
    ...(trainPairs !== null
      ? [t('attention.controls.pairs', { count: formatCount(trainPairs) })]
      : []),
  ].join(' · ');
  return (
    <section className="at-controls" aria-label={t('attention.controls.label')}>
      <label data-control="task">
        {t('attention.controls.task')}{' '}
        <select
          value={task}
          onChange={(e) => void setAttentionChoice({ task: e.target.value as Seq2SeqTaskKind })}
        >
          {SEQ2SEQ_TASKS.map((k) => (
            <option key={k} value={k}>
              {t(`attention.tasks.${k}.label`)}
            </option>
          ))}
        </select>
      </label>
      {limit !== null && (
        <span className="at-lengths" data-control="lengths">
          <label>
            {unit === 'digits'
              ? t('attention.controls.digits')
              : t('attention.controls.inputLength')}{' '}
            <select
              value={minLength}
              onChange={(e) => void setAttentionChoice({ minLength: Number(e.target.value) })}
            >
              {lengths.map((n) => (
                <option key={n} value={n} disabled={n > maxLength}>
                  {n}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('attention.controls.to')}{' '}
            <select
              value={maxLength}
              onChange={(e) => void setAttentionChoice({ maxLength: Number(e.target.value) })}
            >
              {lengths.map((n) => (
                <option key={n} value={n} disabled={n < minLength}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </span>
      )}
      <label title={t(`attention.kinds.${kind}.note`)} data-control="attention">
        {t('attention.controls.attention')}{' '}
        <select
          value={kind}
          onChange={(e) => void setAttentionChoice({ attention: e.target.value as AttentionKind })}
        >
          {ATTENTION_KINDS.map((k) => (
            <option key={k} value={k} disabled={k === 'dot' && bidirectional}>
              {t(`attention.kinds.${k}.label`)}
            </option>
          ))}
        </select>
      </label>
      <label data-control="cell">
        {t('attention.controls.cell')}{' '}
        <select
          value={cell}
          onChange={(e) => void setAttentionChoice({ cell: e.target.value as CellKind })}
        >
          {CELL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CELL_INFO[k].label}
            </option>
          ))}
        </select>
      </label>
      <label title={t('attention.controls.hiddenHelp')} data-control="hidden">
        {t('attention.controls.hidden')}{' '}
        <select
          value={hidden}
          onChange={(e) => void setAttentionChoice({ hidden: Number(e.target.value) })}
        >
          {(SIZES.includes(hidden) ? SIZES : [...SIZES, hidden].sort((a, b) => a - b)).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label title={t('attention.controls.bidirectionalHelp')} data-control="bidirectional">
        <input
          type="checkbox"
          checked={bidirectional}
          disabled={kind === 'dot'}
          onChange={(e) => void setAttentionChoice({ bidirectional: e.target.checked })}
        />{' '}
        {t('attention.controls.bidirectional')}
      </label>
      <p className="at-note">{t(`attention.tasks.${task}.note`)}</p>
      <div className="at-run">
        <button
          type="button"
          onClick={() => void trainAttention()}
          disabled={training || busy || phase === 'idle' || phase === 'diverged'}
        >
          {step > 0 ? t('attention.controls.resume') : t('attention.controls.train')}
        </button>
        <button type="button" onClick={() => void pauseAttention()} disabled={!training}>
          {t('attention.controls.pause')}
        </button>
        <button
          type="button"
          onClick={() => void stepAttention()}
          disabled={phase !== 'ready'}
          title={t('attention.controls.stepHelp')}
        >
          {t('attention.controls.step')}
        </button>
        <button
          type="button"
          onClick={() => void loadAttention({ fresh: true })}
          disabled={training || busy}
          title={t('attention.controls.resetHelp')}
        >
          {t('attention.controls.reset')}
        </button>
        <span className="at-status" role="status" aria-live="polite" data-testid="at-status">
          {busy ? t('attention.controls.generating') : status}
        </span>
      </div>
    </section>
  );
}
