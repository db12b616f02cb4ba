// A fresh sample every few seconds at the chosen temperature, and the timeline of samples.
import { CONTROL_TEXT, LESSON } from '../../content/training';
import { useAppStore } from '../../store/store';
import { refreshSample, setTemperature } from '../../store/trainingActions';
import { SampleTimeline } from '../../viz/SampleTimeline';
import { formatCount } from '../../content/format';

export function SamplesSection() {
  const sample = useAppStore((s) => s.training.sample);
  const timeline = useAppStore((s) => s.training.timeline);
  const temperature = useAppStore((s) => s.training.temperature);
  const hasModel = useAppStore((s) => s.training.model !== null);
  return (
    <section className="train-section" aria-labelledby="samples-heading">
      <h2 id="samples-heading">Samples</h2>
      <p className="lesson">{LESSON.samples}</p>
      <div className="field" title={CONTROL_TEXT.temperature.tip}>
        <label htmlFor="temperature">{CONTROL_TEXT.temperature.label} τ</label>
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
        <p className="field__help">{CONTROL_TEXT.temperature.tip}</p>
      </div>
      <button type="button" onClick={() => void refreshSample()} disabled={!hasModel}>
        New sample
      </button>
      <div className="sample" aria-live="off">
        {sample ? (
          <>
            <h3>
              At step {formatCount(sample.step)}, τ = {sample.temperature.toFixed(2)}
            </h3>
            <pre className="sample-text" data-testid="sample">
              {sample.text}
            </pre>
          </>
        ) : (
          <p className="muted">A sample appears a moment after training starts.</p>
        )}
      </div>
      <h3>Timeline (τ = 0.8)</h3>
      <SampleTimeline samples={timeline} />
    </section>
  );
}
