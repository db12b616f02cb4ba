// A fresh sample every few seconds at the chosen temperature, and the timeline of samples.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store';
import { refreshSample, setTemperature } from '../../store/trainingActions';
import { SampleTimeline } from '../../viz/SampleTimeline';
import { formatCount } from '../../content/format';

export function SamplesSection() {
  const { t } = useTranslation();
  const sample = useAppStore((s) => s.training.sample);
  const timeline = useAppStore((s) => s.training.timeline);
  const temperature = useAppStore((s) => s.training.temperature);
  const hasModel = useAppStore((s) => s.training.model !== null);
  return (
    <section className="train-section" aria-labelledby="samples-heading">
      <h2 id="samples-heading">{t('training.samples.heading')}</h2>
      <p className="lesson">{t('training.samples.lesson')}</p>
      <div className="field" title={t('training.samples.temperatureTip')}>
        <label htmlFor="temperature">{t('training.samples.temperature')} τ</label>
        <div className="slider">
          <input
            id="temperature"
            type="range"
            min={0.1}
            max={2}
            step={0.05}
            value={temperature}
            aria-valuetext={temperature.toFixed(2)}
            onChange={(e) => setTemperature(Number(e.target.value))}
          />
          <span className="slider__value">{temperature.toFixed(2)}</span>
        </div>
        <p className="field__help">{t('training.samples.temperatureTip')}</p>
      </div>
      <button type="button" onClick={() => void refreshSample()} disabled={!hasModel}>
        {t('training.samples.newSample')}
      </button>
      <div className="sample" aria-live="off">
        {sample ? (
          <>
            <h3>
              {t('training.samples.at', {
                step: formatCount(sample.step),
                temperature: sample.temperature.toFixed(2),
              })}
            </h3>
            {/* What the model wrote, in its text's language: not the interface's words. */}
            <pre className="sample-text" data-testid="sample" translate="no">
              {sample.text}
            </pre>
          </>
        ) : (
          <p className="muted">{t('training.samples.none')}</p>
        )}
      </div>
      <h3>{t('training.samples.timeline')}</h3>
      <SampleTimeline samples={timeline} />
    </section>
  );
}
