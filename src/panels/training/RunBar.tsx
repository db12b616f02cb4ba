// Train / Pause, Step, Reset, the run's status and speed, what one step costs when it is slow
// (Train and Step are off above the limit), and the notices that need an answer: confirmations
// before a trained model is discarded, divergence with its restore, errors.
import { selectStepCostText, stepRefusal } from '../../store/stepBudget';
import { useAppStore } from '../../store/store';
import {
  answerConfirm,
  dismissDamagedSave,
  dismissTrainingMessage,
  downloadDamagedSave,
  pause,
  reset,
  restoreLastGood,
  step,
  train,
} from '../../store/trainingActions';
import { formatCount } from '../../content/format';
import { EarlierRun } from './EarlierRun';

const n = formatCount;

export function RunBar() {
  const phase = useAppStore((s) => s.training.phase);
  const busy = useAppStore((s) => s.training.busy);
  const stepNo = useAppStore((s) => s.training.step);
  const speed = useAppStore((s) => s.training.speed);
  const trainable = useAppStore((s) => s.training.model?.trainable ?? false);
  const params = useAppStore((s) => s.training.model?.parameters ?? 0);
  const cost = useAppStore(selectStepCostText);
  const tooSlow = useAppStore((s) => stepRefusal(s) !== null);
  const running = phase === 'running';
  return (
    <section className="run-bar" aria-labelledby="run-heading">
      <h2 id="run-heading" className="visually-hidden">
        Run
      </h2>
      <div className="run-bar__buttons">
        {running ? (
          <button
            type="button"
            className="primary"
            onClick={() => void pause()}
            disabled={busy !== null}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={train}
            disabled={phase !== 'ready' || !trainable || tooSlow}
          >
            Train
          </button>
        )}
        <button type="button" onClick={step} disabled={phase !== 'ready' || !trainable || tooSlow}>
          Step
        </button>
        <button type="button" onClick={reset} disabled={phase === 'loading' || phase === 'idle'}>
          Reset
        </button>
      </div>
      <dl className="run-bar__stats" aria-live="off">
        <div>
          <dt>Step</dt>
          <dd data-testid="step">{n(stepNo)}</dd>
        </div>
        <div>
          <dt>Epoch</dt>
          <dd>{n(speed.epoch, 2)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>
            {running
              ? `${n(speed.charsPerSecond)} chars/s · ${n(speed.stepsPerSecond, 1)} steps/s · ${n(speed.fps)} fps`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd>{n(params)}</dd>
        </div>
      </dl>
      <p className="run-bar__status" aria-live="polite">
        {busy ??
          (phase === 'running'
            ? 'Training…'
            : phase === 'diverged'
              ? 'Stopped: diverged'
              : phase === 'ready'
                ? 'Ready'
                : '')}
      </p>
      {cost && (
        <p
          className={`run-bar__cost callout ${tooSlow ? 'callout--error' : 'callout--warn'}`}
          data-testid="step-cost"
        >
          {cost}
        </p>
      )}
      <Notices />
    </section>
  );
}

function Notices() {
  const confirm = useAppStore((s) => s.training.confirm);
  const divergence = useAppStore((s) => s.training.divergence);
  const error = useAppStore((s) => s.training.error);
  const message = useAppStore((s) => s.training.message);
  const damaged = useAppStore((s) => s.training.damagedSave);
  return (
    <div className="run-notices">
      <EarlierRun />
      {damaged && (
        <div className="callout callout--warn" role="alert">
          <p>{damaged.message}</p>
          {damaged.file !== null && (
            <button type="button" onClick={downloadDamagedSave}>
              Download the damaged save
            </button>
          )}
          <button type="button" onClick={dismissDamagedSave}>
            Dismiss
          </button>
        </div>
      )}
      {confirm && (
        <div className="callout callout--warn" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{confirm.message}</p>
          <button type="button" onClick={() => answerConfirm(true)}>
            {confirm.confirmLabel}
          </button>
          <button type="button" onClick={() => answerConfirm(false)}>
            Keep the current model
          </button>
        </div>
      )}
      {divergence && (
        <div className="callout callout--error" role="alert">
          <p>
            <strong>Training diverged at step {n(divergence.step)}</strong>: the loss became{' '}
            {Number.isFinite(divergence.loss) ? n(divergence.loss, 2) : String(divergence.loss)} and
            the gradient norm reached{' '}
            {Number.isFinite(divergence.gradNorm)
              ? n(divergence.gradNorm, 1)
              : String(divergence.gradNorm)}
            . Training paused; nothing is lost.
          </p>
          <p>
            Probable cause:{' '}
            {divergence.lr >= 0.05
              ? `the learning rate (${divergence.lr}) is very large`
              : `a gradient spike`}
            {divergence.clipMode === 'none'
              ? ', with no gradient clipping to cap the step.'
              : '; clipping bounds the gradient but not the step size the optimizer takes.'}
          </p>
          <button type="button" onClick={() => restoreLastGood()}>
            Restore step {n(divergence.lastGoodStep)}
          </button>
          <button type="button" onClick={() => restoreLastGood(0.1)}>
            Restore and divide the learning rate by 10
          </button>
        </div>
      )}
      {error && (
        <div className="callout callout--error" role="alert">
          <p>{error}</p>
          <button type="button" onClick={dismissTrainingMessage}>
            Dismiss
          </button>
        </div>
      )}
      {message && !error && <p className="callout callout--ok">{message}</p>}
    </div>
  );
}
