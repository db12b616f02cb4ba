// The sliders of a synthetic series. A slider moves freely and the series is made again when it
// is let go (pointer up, a key released, focus leaving), not at every pixel of a drag.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../../content/format';
import { SYNTH_OF, SYNTH_PARAMS, type SynthParam } from '../../content/series';
import { setSynth } from '../../store/seriesActions';
import { useAppStore } from '../../store/store';

export function SynthSliders() {
  const { t } = useTranslation();
  const source = useAppStore((s) => s.series.source);
  const own = useAppStore((s) => s.series.own !== null);
  const params = SYNTH_OF[source];
  if (own || params === undefined) return null;
  return (
    <fieldset className="ts-synth">
      <legend>{t('series.synth.heading')}</legend>
      {params.map((p) => (
        <Slider key={p} param={p} />
      ))}
    </fieldset>
  );
}

function Slider({ param }: { param: SynthParam }) {
  const { t } = useTranslation();
  const spec = SYNTH_PARAMS[param];
  const stored = useAppStore((s) => s.series.synth[param]);
  const [value, setValue] = useState(stored);
  useEffect(() => setValue(stored), [stored]);
  const commit = () => {
    if (value !== stored) void setSynth(param, value);
  };
  return (
    <label>
      {/* Not an <output>: that is labelable too, and would take the label from the slider. */}
      <span>
        {t(`series.synth.${param}`)}
        {t('series.synth.sep')}
        <span className="ts-value">{formatSignificant(value, 3)}</span>
      </span>
      <input
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={value}
        onChange={(e) => setValue(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
    </label>
  );
}
