// Train / Pause, Step, Reset, the run's status and speed, what one step costs when it is slow
// (Train and Step are off above the limit), and the notices that need an answer: confirmations
// before a trained model is discarded, divergence with its restore, errors.
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
        {t('training.run.heading')}
      </h2>
      <div className="run-bar__buttons">
        {running ? (
          <button
            type="button"
            className="primary"
            onClick={() => void pause()}
            disabled={busy !== null}
          >
            {t('training.run.pause')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={train}
            disabled={phase !== 'ready' || !trainable || tooSlow}
          >
            {t('training.run.train')}
          </button>
        )}
        <button type="button" onClick={step} disabled={phase !== 'ready' || !trainable || tooSlow}>
          {t('training.run.step')}
        </button>
        <button type="button" onClick={reset} disabled={phase === 'loading' || phase === 'idle'}>
          {t('training.run.reset')}
        </button>
      </div>
      <dl className="run-bar__stats" aria-live="off">
        <div>
          <dt>{t('training.run.stepLabel')}</dt>
          <dd data-testid="step">{n(stepNo)}</dd>
        </div>
        <div>
          <dt>{t('training.run.epoch')}</dt>
          <dd>{n(speed.epoch, 2)}</dd>
        </div>
        <div>
          <dt>{t('training.run.speed')}</dt>
          <dd>
            {running
              ? t('training.run.speedValue', {
                  chars: n(speed.charsPerSecond),
                  steps: n(speed.stepsPerSecond, 1),
                  fps: n(speed.fps),
                })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('training.run.parameters')}</dt>
          <dd>{n(params)}</dd>
        </div>
      </dl>
      <p className="run-bar__status" aria-live="polite">
        {busy ??
          (phase === 'running'
            ? t('training.run.running')
            : phase === 'diverged'
              ? t('training.run.diverged')
              : phase === 'ready'
                ? t('training.run.ready')
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
  const { t } = useTranslation();
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
              {t('training.run.downloadDamaged')}
            </button>
          )}
          <button type="button" onClick={dismissDamagedSave}>
            {t('training.run.dismiss')}
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
            {t('training.run.keepModel')}
          </button>
        </div>
      )}
      {divergence && (
        <div className="callout callout--error" role="alert">
          <p>
            <Trans
              i18nKey="training.divergence.what"
              values={{
                step: n(divergence.step),
                loss: Number.isFinite(divergence.loss)
                  ? n(divergence.loss, 2)
                  : String(divergence.loss),
                norm: Number.isFinite(divergence.gradNorm)
                  ? n(divergence.gradNorm, 1)
                  : String(divergence.gradNorm),
              }}
              components={{ b: <strong /> }}
            />
          </p>
          <p>
            {t('training.divergence.cause', {
              cause:
                divergence.lr >= 0.05
                  ? t('training.divergence.lr', { lr: divergence.lr })
                  : t('training.divergence.spike'),
              clipping: t(
                divergence.clipMode === 'none'
                  ? 'training.divergence.noClip'
                  : 'training.divergence.clipped',
              ),
            })}
          </p>
          <button type="button" onClick={() => restoreLastGood()}>
            {t('training.divergence.restore', { step: n(divergence.lastGoodStep) })}
          </button>
          <button type="button" onClick={() => restoreLastGood(0.1)}>
            {t('training.divergence.restoreSmaller')}
          </button>
        </div>
      )}
      {error && (
        <div className="callout callout--error" role="alert">
          <p>{error}</p>
          <button type="button" onClick={dismissTrainingMessage}>
            {t('training.run.dismiss')}
          </button>
        </div>
      )}
      {message && !error && <p className="callout callout--ok">{message}</p>}
    </div>
  );
}
