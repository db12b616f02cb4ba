// The experiment picker and the labelled controls of the preset in use. Every change goes
// through the view's actions (store, address, engine).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLIP_MODES,
  FLOW_CELLS,
  FLOW_NONLINEARITIES,
  GRADIENT_PRESETS,
  HIDDEN_SIZES,
  MAX_H_CELLS,
  PARAM_LIMITS,
  PRESET_PARAMS,
  type GradientParams,
} from '../../engine/experiments';
import { CELL_LABEL } from '../../content/forward';
import { choosePreset, setGradientParam } from '../../store/gradientsActions';
import { formatSignificant } from '../../content/format';

type ParamKey = Exclude<keyof GradientParams, 'preset'>;

/** The parameters whose label has a hint: what the symbol means. */
const HINTED = ['s', 'g', 'inputScale'] as const;
const hinted = (k: ParamKey): k is (typeof HINTED)[number] =>
  (HINTED as readonly string[]).includes(k);

export function PresetPicker({ preset }: { preset: GradientParams['preset'] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="gf-presets" data-control="preset">
      <legend>{t('gradients.setup.presets')}</legend>
      {GRADIENT_PRESETS.map((p) => (
        <label key={p} className="gf-preset">
          <input
            type="radio"
            name="gf-preset"
            value={p}
            checked={p === preset}
            onChange={() => choosePreset(p)}
          />
          {t(`gradients.presets.${p}.label`)}
        </label>
      ))}
    </fieldset>
  );
}

type SliderKey =
  's' | 'g' | 'T' | 'inputScale' | 'bf' | 'bz' | 'lambda' | 'alpha' | 'trunc' | 'delay';

function Slider({ k, value }: { k: SliderKey; value: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { min, max, step } = PARAM_LIMITS[k];
  return (
    <div className="gf-control" data-control={k.toLowerCase()}>
      <label htmlFor={id}>
        {t(`gradients.params.${k}`)}
        {hinted(k) && (
          <span className="gf-hint">
            {t('gradients.hint', { hint: t(`gradients.hints.${k}`) })}
          </span>
        )}
      </label>
      <div className="gf-control__row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          data-param={k}
          onChange={(e) => setGradientParam(k, Number(e.target.value), step)}
        />
        <output htmlFor={id}>{formatSignificant(value)}</output>
      </div>
    </div>
  );
}

/** The clipping threshold moves on a log scale, from 0.01 to 10,000. */
function ThresholdSlider({ value }: { value: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { min, max } = PARAM_LIMITS.clip;
  return (
    <div className="gf-control" data-control="clip">
      <label htmlFor={id}>{t('gradients.logScale', { label: t('gradients.params.clip') })}</label>
      <div className="gf-control__row">
        <input
          id={id}
          type="range"
          min={Math.log10(min)}
          max={Math.log10(max)}
          step={0.05}
          value={Math.log10(value)}
          data-param="clip"
          aria-valuetext={formatSignificant(value, 3)}
          onChange={(e) =>
            setGradientParam('clip', Number((10 ** Number(e.target.value)).toPrecision(3)))
          }
        />
        <output htmlFor={id}>{formatSignificant(value, 3)}</output>
      </div>
    </div>
  );
}

function Choice<K extends 'nonlinearity' | 'cell' | 'clipMode' | 'H'>({
  k,
  value,
  options,
}: {
  k: K;
  value: GradientParams[K];
  options: readonly { value: GradientParams[K]; label: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const name: 'nonlinearity' | 'cell' | 'clipMode' | 'H' = k;
  return (
    <div className="gf-control" data-control={name.toLowerCase()}>
      <label htmlFor={id}>{t(`gradients.params.${name}`)}</label>
      <select
        id={id}
        value={String(value)}
        data-param={k}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          if (picked) setGradientParam(k, picked.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SeedInput({ value }: { value: number }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="gf-control" data-control="seed">
      <label htmlFor={id}>{t('gradients.params.seed')}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={PARAM_LIMITS.seed.max}
        step={1}
        value={value}
        data-param="seed"
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n)) setGradientParam('seed', n);
        }}
      />
    </div>
  );
}

export function ParamControls({ params }: { params: GradientParams }) {
  const { t } = useTranslation();
  const gated = params.preset === 'cells' || params.preset === 'carousel';
  return (
    <div className="gf-controls">
      {PRESET_PARAMS[params.preset].map((k) => {
        switch (k) {
          case 'preset':
            return null;
          case 'nonlinearity':
            return (
              <Choice
                key={k}
                k={k}
                value={params.nonlinearity}
                options={FLOW_NONLINEARITIES.map((v) => ({
                  value: v,
                  label: t(`gradients.nonlinearities.${v}`),
                }))}
              />
            );
          case 'cell':
            return (
              <Choice
                key={k}
                k={k}
                value={params.cell}
                options={FLOW_CELLS.map((v) => ({ value: v, label: CELL_LABEL[v] }))}
              />
            );
          case 'clipMode':
            return (
              <Choice
                key={k}
                k={k}
                value={params.clipMode}
                options={CLIP_MODES.map((v) => ({
                  value: v,
                  label: t(`gradients.clipModes.${v}`),
                }))}
              />
            );
          case 'H':
            return (
              <Choice
                key={k}
                k={k}
                value={params.H}
                options={HIDDEN_SIZES.filter((h) => !gated || h <= MAX_H_CELLS).map((h) => ({
                  value: h,
                  label: String(h),
                }))}
              />
            );
          case 'clip':
            return <ThresholdSlider key={k} value={params.clip} />;
          case 'seed':
            return <SeedInput key={k} value={params.seed} />;
          default:
            return <Slider key={k} k={k} value={params[k]} />;
        }
      })}
    </div>
  );
}
