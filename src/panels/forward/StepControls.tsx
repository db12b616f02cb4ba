// Stepping through time: jump to start, step back, play or pause, step forward, jump to end, the
// playback speed, where we are, and a polite live summary of the step for screen readers.
import { useId, useMemo } from 'react';
import { FORWARD_TEXT, SPEEDS, stepSummary } from '../../content/forward';
import { jumpToEnd, jumpToStart, setSpeed, stepBy, togglePlay } from '../../store/forwardActions';
import { useAppStore } from '../../store/store';
import { seriesStepSummary } from '../../content/forwardSeries';
import { BACKWARD_TEXT } from '../../content/backward';
import { setPass } from '../../store/backwardActions';
import { PASSES } from '../../store/forward';
import { labelsOf, seriesStepOf, topGuesses } from './derive';
import { Icon, type IconName } from './icons';
import { selectPlaying, selectResult, selectSpeed, selectStep } from './select';

export function StepControls() {
  const id = useId();
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
    if (pass === 'backward') return BACKWARD_TEXT.stepSummary(t, T, backwardNorm);
    const series = seriesStepOf(result, t);
    if (series !== null)
      return seriesStepSummary({
        t,
        T,
        x: series.x,
        predicted: series.predicted,
        actual: series.actual,
      });
    const probs = result.trace.probs?.[t];
    const top = probs ? topGuesses(probs, labelsOf(result), 1)[0] : undefined;
    return stepSummary({
      tag: result.tagged !== null,
      t,
      T,
      read: result.chars[t] ?? '',
      guess: top?.char ?? null,
      p: top?.p ?? null,
    });
  }, [result, t, T, pass, backwardNorm]);

  return (
    <div className="fwd-steps">
      <div
        className="fwd-pass"
        role="radiogroup"
        aria-label={BACKWARD_TEXT.switchLabel}
        title={BACKWARD_TEXT.switchHint}
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
            {p === 'forward' ? BACKWARD_TEXT.forward : BACKWARD_TEXT.backward}
          </label>
        ))}
      </div>
      <div className="fwd-steps__buttons" role="group" aria-label="Timestep">
        <StepButton icon="start" label="Jump to start" onClick={jumpToStart} off={atStart} />
        <StepButton icon="back" label="Step back" onClick={() => stepBy(-1)} off={atStart} />
        <StepButton
          icon={playing ? 'pause' : 'play'}
          label={playing ? 'Pause' : 'Play'}
          onClick={togglePlay}
          off={none}
          wide
        />
        <StepButton icon="forward" label="Step forward" onClick={() => stepBy(1)} off={atEnd} />
        <StepButton icon="end" label="Jump to end" onClick={jumpToEnd} off={atEnd} />
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-speed`}>Speed</label>
        <select
          id={`${id}-speed`}
          value={speed}
          onChange={(event) => setSpeed(Number(event.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} step{s === 1 ? '' : 's'} a second
            </option>
          ))}
        </select>
      </div>
      <p className="fwd-steps__where" aria-hidden="true">
        {pass === 'backward' ? 'Backward, step ' : 'Step '}
        <strong>{none ? '–' : t + 1}</strong> of {none ? '–' : T}
      </p>
      <p className="visually-hidden" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        {summary}
      </p>
      <p className="fwd-steps__keys">{FORWARD_TEXT.keys}</p>
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
