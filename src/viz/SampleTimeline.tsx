// Samples taken as training went on (steps 1, 100, 300, 1,000, …), oldest first, so the
// progression from noise to words is visible at a glance. Props only.
import { formatCount } from '../content/format';

export interface SampleTimelineProps {
  samples: readonly { step: number; text: string }[];
}

export function SampleTimeline({ samples }: SampleTimelineProps) {
  if (samples.length === 0) return <p className="muted">The first sample is taken at step 1.</p>;
  return (
    <ol className="sample-timeline">
      {samples.map((s) => (
        <li key={s.step}>
          <span className="sample-timeline__step">step {formatCount(s.step)}</span>
          <pre className="sample-text">{s.text}</pre>
        </li>
      ))}
    </ol>
  );
}
