// Stepping through time: jump to start, step back, play or pause, step forward, jump to end, the
// playback speed, where we are, and a polite live summary of the step for screen readers.
import { useId, useMemo } from 'react';
import { Trans } from 'react-i18next';
import { nameChar, SPEEDS } from '../../content/forward';
import { formatPercent } from '../../content/format';
import { formatSeriesValue } from '../../content/forwardSeries';
import { num } from '../../content/cellEquations';
import { jumpToEnd, jumpToStart, setSpeed, stepBy, togglePlay } from '../../store/forwardActions';
import { useAppStore } from '../../store/store';
import { setPass } from '../../store/backwardActions';
import { PASSES } from '../../store/forward';
import { labelsOf, seriesStepOf, topGuesses } from './derive';
import { Icon, type IconName } from './icons';
import { selectPlaying, selectResult, selectSpeed, selectStep } from './select';
import { useWords } from './words';

export function StepControls() {
  const id = useId();
  const { tr, locale } = useWords();
  const t = useAppStore(selectStep);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const result = useAppStore(selectResult);
  const pass = useAppStore((s) => s.forward.pass);
  const backwardNorm = useAppStore((s) => {
    const answer = s.forward.backward.result;
    if (answer === null || answer.of !== s.forward.result || answer.at.t !== s.forward.t)
      return null;
    const k = s.forward.layer * (answer.at.layers.length / (s.forward.result?.trace.L ?? 1));
    return answer.at.layers[k + s.forward.direction]?.norms.dh[answer.at.t] ?? null;
  });
  const T = result?.trace.T ?? 0;
  const none = result === null;
  const atStart = none || t <= 0;
  const atEnd = none || t >= T - 1;
  const summary = useMemo(() => {
    if (result === null) return '';
    const at = { t: t + 1, T };
    if (pass === 'backward')
      return backwardNorm === null
        ? tr('forward.steps.summaryBackward', at)
        : tr('forward.steps.summaryBackwardNorm', { ...at, norm: backwardNorm.toPrecision(3) });
    const series = seriesStepOf(result, t);
    if (series !== null)
      return tr('forward.steps.summarySeries', {
        ...at,
        x: num(series.x),
        predicted: formatSeriesValue(series.predicted),
        actual: formatSeriesValue(series.actual),
      });
    const probs = result.trace.probs?.[t];
    const top = probs ? topGuesses(probs, labelsOf(result), 1)[0] : undefined;
    const read = nameChar(result.chars[t] ?? '', locale);
    if (top === undefined) return tr('forward.steps.summary', { ...at, read });
    return tr(result.tagged !== null ? 'forward.steps.summaryTag' : 'forward.steps.summaryGuess', {
      ...at,
      read,
      guess: nameChar(top.char, locale),
      p: formatPercent(top.p, locale),
    });
  }, [result, t, T, pass, backwardNorm, tr, locale]);

  return (
    <div className="fwd-steps">
      <div
        className="fwd-pass"
        data-control="pass"
        role="radiogroup"
        aria-label={tr('forward.steps.pass')}
        title={tr('forward.steps.passHint')}
      >
        {PASSES.map((p) => (
          <label key={p} className={`fwd-pass__option${pass === p ? ' fwd-pass__option--on' : ''}`}>
            <input
              type="radio"
              name={`${id}-pass`}
              value={p}
              checked={pass === p}
              onChange={() => setPass(p)}
            />
            {p === 'forward' ? tr('forward.steps.forward') : tr('forward.steps.backward')}
          </label>
        ))}
      </div>
      <div className="fwd-steps__buttons" role="group" aria-label={tr('forward.steps.group')}>
        <StepButton
          icon="start"
          label={tr('forward.steps.start')}
          onClick={jumpToStart}
          off={atStart}
        />
        <StepButton
          icon="back"
          label={tr('forward.steps.back')}
          onClick={() => stepBy(-1)}
          off={atStart}
        />
        <StepButton
          icon={playing ? 'pause' : 'play'}
          label={playing ? tr('forward.steps.pause') : tr('forward.steps.play')}
          onClick={togglePlay}
          off={none}
          wide
        />
        <StepButton
          icon="forward"
          label={tr('forward.steps.next')}
          onClick={() => stepBy(1)}
          off={atEnd}
        />
        <StepButton icon="end" label={tr('forward.steps.end')} onClick={jumpToEnd} off={atEnd} />
      </div>
      <div className="field field--inline" data-control="speed">
        <label htmlFor={`${id}-speed`}>{tr('forward.steps.speed')}</label>
        <select
          id={`${id}-speed`}
          value={speed}
          onChange={(event) => setSpeed(Number(event.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {tr('forward.steps.speedOption', { count: s })}
            </option>
          ))}
        </select>
      </div>
      <p className="fwd-steps__where" aria-hidden="true">
        <Trans
          i18nKey={pass === 'backward' ? 'forward.steps.whereBackward' : 'forward.steps.where'}
          values={{ t: none ? '–' : t + 1, T: none ? '–' : T }}
          components={{ b: <strong /> }}
        />
      </p>
      <p className="visually-hidden" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        {summary}
      </p>
      <p className="fwd-steps__keys">{tr('forward.steps.keys')}</p>
    </div>
  );
}

function StepButton(props: {
  icon: IconName;
  label: string;
  onClick: () => void;
  /** Nothing to do (kept focusable: a disabled button would drop the keyboard focus). */
  off: boolean;
  wide?: boolean;
}) {
  const { icon, label, onClick, off, wide = false } = props;
  return (
    <button
      type="button"
      className={`step-button${wide ? ' step-button--wide' : ''}`}
      aria-label={label}
      title={label}
      aria-disabled={off ? 'true' : undefined}
      onClick={() => {
        if (!off) onClick();
      }}
    >
      <Icon name={icon} />
    </button>
  );
}
