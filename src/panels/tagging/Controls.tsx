// The Tagging view's choices (task, lookahead, cell, layers; in the address bar) and the race's
// buttons and status line.
import { useTranslation } from 'react-i18next';
import { tagRaceStatus } from '../../content/tagging';
import { CELL_INFO, CELL_KINDS, type CellKind } from '../../engine/cell';
import { TAG_RACE, TAG_RACE_LIMITS, TAG_RACE_TASKS, sameTagRace } from '../../engine/tagRaceSpec';
import { useAppStore } from '../../store/store';
import { tagRaceSettings } from '../../store/tagging';
import { pauseTagRace, resetTagRace, setTagging, startTagRace } from '../../store/taggingActions';

export function TaggingControls() {
  const { t } = useTranslation();
  const task = useAppStore((s) => s.tagging.task);
  const lookahead = useAppStore((s) => s.tagging.lookahead);
  const cell = useAppStore((s) => s.tagging.cell);
  const layers = useAppStore((s) => s.tagging.layers);
  const race = useAppStore((s) => s.tagging.race);
  const wanted = tagRaceSettings({ task, lookahead, cell, layers, race });
  // The figures shown belong to the race held, which may be another until Start or Reset.
  const same = race.settings !== null && sameTagRace(race.settings, wanted);
  const finished = race.finished && same;
  const L = TAG_RACE_LIMITS;
  return (
    <div className="tg-controls">
      <fieldset className="tg-task" data-control="task">
        <legend>{t('tagging.controls.task')}</legend>
        {TAG_RACE_TASKS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="tg-task"
              checked={task === k}
              onChange={() => setTagging({ task: k })}
            />{' '}
            {t(`tagging.tasks.${k}.label`)}
          </label>
        ))}
      </fieldset>
      {task === 'future' && (
        <label
          className="tg-lookahead"
          data-control="lookahead"
          title={t('tagging.controls.lookaheadHelp')}
        >
          {t('tagging.controls.lookahead')}{' '}
          <input
            type="range"
            min={L.lookahead.min}
            max={L.lookahead.max}
            step={1}
            value={lookahead}
            onChange={(e) => setTagging({ lookahead: Number(e.target.value) })}
          />{' '}
          <output>{lookahead}</output>
        </label>
      )}
      <label data-control="cell">
        {t('tagging.controls.cell')}{' '}
        <select value={cell} onChange={(e) => setTagging({ cell: e.target.value as CellKind })}>
          {CELL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CELL_INFO[k].label}
            </option>
          ))}
        </select>
      </label>
      <label title={t('tagging.controls.layersHelp')} data-control="layers">
        {t('tagging.controls.layers')}{' '}
        <select value={layers} onChange={(e) => setTagging({ layers: Number(e.target.value) })}>
          {[L.layers.min, L.layers.max].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="tg-run">
        <button
          type="button"
          onClick={() => void startTagRace()}
          disabled={race.running || finished}
        >
          {race.step > 0 && same && !finished
            ? t('tagging.controls.resume')
            : t('tagging.controls.start')}
        </button>
        <button type="button" onClick={() => void pauseTagRace()} disabled={!race.running}>
          {t('tagging.controls.pause')}
        </button>
        <button type="button" onClick={() => void resetTagRace()} disabled={race.running}>
          {t('tagging.controls.reset')}
        </button>
        <span className="tg-status" role="status" aria-live="polite" data-testid="tag-status">
          {tagRaceStatus(t, { ...race, maxSteps: race.maxSteps || TAG_RACE.maxSteps })}
        </span>
      </div>
    </div>
  );
}
