// The settings, each with a visible label, its unit and a tooltip. Learning rate, clipping
// (and sequence length, batch size, optimizer) change live; the rest ask before a new model.
import { useId, type ReactNode } from 'react';
import { CONTROL_TEXT } from '../../content/training';
import {
  CELLS,
  CLIP_MODES,
  INITS,
  NONLINEARITIES,
  OPTIMIZERS,
  type ConfigState,
} from '../../store/config';
import { useAppStore } from '../../store/store';
import { changeConfig } from '../../store/trainingActions';

type Key = keyof typeof CONTROL_TEXT;

function Field({ name, children }: { name: Key; children: (id: string) => ReactNode }) {
  const id = useId();
  const text = CONTROL_TEXT[name];
  return (
    <div className="field" title={text.tip}>
      <label htmlFor={id}>
        {text.label}
        {text.unit && <span className="field__unit"> ({text.unit})</span>}
      </label>
      {children(id)}
      <p className="field__help">{text.tip}</p>
    </div>
  );
}

function Choice<K extends keyof ConfigState>({
  name,
  options,
  disabled = false,
}: {
  name: K;
  options: readonly ConfigState[K][];
  disabled?: boolean;
}) {
  const value = useAppStore((s) => s.config[name]);
  return (
    <Field name={name}>
      {(id) => (
        <select
          id={id}
          value={String(value)}
          disabled={disabled}
          onChange={(e) =>
            changeConfig({ [name]: e.target.value } as unknown as Partial<ConfigState>)
          }
        >
          {options.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function WholeNumber({ name, min, max }: { name: keyof ConfigState; min: number; max: number }) {
  const value = useAppStore((s) => s.config[name]) as number;
  return (
    <Field name={name}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          step={1}
          defaultValue={value}
          key={value}
          onBlur={(e) => commit(e.target)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget);
          }}
        />
      )}
    </Field>
  );
  function commit(input: HTMLInputElement) {
    const v = Number(input.value);
    if (Number.isInteger(v) && v >= min && v <= max && v !== value)
      changeConfig({ [name]: v } as Partial<ConfigState>);
    else input.value = String(value);
  }
}

/** Learning rate on a log-scale slider from 1e-5 to 10. */
function LearningRate() {
  const lr = useAppStore((s) => s.config.lr);
  return (
    <Field name="lr">
      {(id) => (
        <div className="slider">
          <input
            id={id}
            type="range"
            min={-5}
            max={1}
            step={0.05}
            value={Math.log10(lr)}
            aria-valuetext={lr.toPrecision(2)}
            onChange={(e) =>
              changeConfig({ lr: Number((10 ** Number(e.target.value)).toPrecision(2)) })
            }
          />
          <span className="slider__value">{lr.toPrecision(2)}</span>
        </div>
      )}
    </Field>
  );
}

function ClipThreshold() {
  const at = useAppStore((s) => s.config.clipThreshold);
  const mode = useAppStore((s) => s.config.clipMode);
  return (
    <Field name="clipThreshold">
      {(id) => (
        <input
          id={id}
          type="number"
          min={0.01}
          step="any"
          defaultValue={at}
          key={at}
          disabled={mode === 'none'}
          onBlur={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v) && v > 0 && v !== at) changeConfig({ clipThreshold: v });
            else e.target.value = String(at);
          }}
        />
      )}
    </Field>
  );
}

function GateBias() {
  const bias = useAppStore((s) => s.config.gateBias);
  const cell = useAppStore((s) => s.config.cell);
  return (
    <Field name="gateBias">
      {(id) => (
        <input
          id={id}
          type="number"
          step="any"
          min={-10}
          max={10}
          disabled={cell === 'rnn'}
          defaultValue={bias ?? ''}
          key={String(bias)}
          onBlur={(e) => {
            const raw = e.target.value.trim();
            const v = raw === '' ? null : Number(raw);
            if (v === null || (Number.isFinite(v) && Math.abs(v) <= 10)) {
              if (v !== bias) changeConfig({ gateBias: v });
            } else e.target.value = bias === null ? '' : String(bias);
          }}
        />
      )}
    </Field>
  );
}

export function ControlsSection() {
  const cell = useAppStore((s) => s.config.cell);
  const busy = useAppStore((s) => s.training.phase === 'loading');
  return (
    <section className="train-section" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Settings</h2>
      <fieldset className="controls" disabled={busy}>
        <legend>Model</legend>
        <Choice name="cell" options={CELLS} />
        {cell === 'rnn' && <Choice name="nonlinearity" options={NONLINEARITIES} />}
        <WholeNumber name="hiddenSize" min={1} max={512} />
        <WholeNumber name="numLayers" min={1} max={4} />
        <Choice name="init" options={INITS} />
        <GateBias />
        <WholeNumber name="seed" min={0} max={999_999_999} />
      </fieldset>
      <fieldset className="controls" disabled={busy}>
        <legend>Training (live)</legend>
        <WholeNumber name="seqLen" min={1} max={400} />
        <WholeNumber name="batchSize" min={1} max={256} />
        <Choice name="optimizer" options={OPTIMIZERS} />
        <LearningRate />
        <Choice name="clipMode" options={CLIP_MODES} />
        <ClipThreshold />
      </fieldset>
    </section>
  );
}
