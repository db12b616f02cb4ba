// Samples taken as training went on (steps 1, 100, 300, 1,000, …), oldest first, so the
// progression from noise to words is visible at a glance. Props only. The samples are in the
// corpus's language (`lang`, English by default), not the interface's.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../content/format';

export interface SampleTimelineProps {
  samples: readonly { step: number; text: string }[];
  /** The language of the text the model learns (a BCP 47 tag; default 'en'). */
  lang?: string;
}

export function SampleTimeline({ samples, lang = 'en' }: SampleTimelineProps) {
  const { t } = useTranslation();
  if (samples.length === 0) return <p className="muted">{t('viz.samples.first')}</p>;
  return (
    <ol className="sample-timeline">
      {samples.map((s) => (
        <li key={s.step}>
          <span className="sample-timeline__step">
            {t('viz.samples.step', { step: formatCount(s.step) })}
          </span>
          <pre className="sample-text" lang={lang}>
            {s.text}
          </pre>
        </li>
      ))}
    </ol>
  );
}
