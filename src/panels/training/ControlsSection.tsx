// The settings, one control per row of the engine's settings table and in its order: the rows whose
// change needs a new model under "Model" (they ask first), the rest under "Training (live)". Each has
// a visible label, its unit and a tooltip (the row's words, in the language in effect: see
// settingWords.ts); a typed value is kept only when its row accepts it.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applies,
  SETTING_ROWS,
  settingProblem,
  type SettingName,
  type SettingRow,
} from '../../engine/settings';
import type { ChoiceRow, RealRow } from '../../engine/settingsTable';
import type { ConfigState } from '../../store/config';
import { useAppStore } from '../../store/store';
import { changeConfig } from '../../store/trainingActions';
import { settingWords } from './settingWords';

interface ControlProps<R extends SettingRow = SettingRow> {
  name: SettingName;
  row: R;
  disabled: boolean;
}

interface FieldProps {
  name: SettingName;
  row: SettingRow;
  children: (id: string) => ReactNode;
}

function Field({ name, row, children }: FieldProps) {
  const { t } = useTranslation();
  const words = settingWords(t, name, row);
  const id = useId();
  return (
    <div className="field" title={words.help}>
      <label htmlFor={id}>
        {words.label}
        {words.unit && (
          <span className="field__unit">{t('training.form.unit', { unit: words.unit })}</span>
        )}
      </label>
      {children(id)}
      <p className="field__help">{words.help}</p>
    </div>
  );
}

function change(name: SettingName, value: string | number | null): void {
  changeConfig({ [name]: value } as Partial<ConfigState>);
}

function Choice({ name, row, disabled }: ControlProps<ChoiceRow>) {
  const { t } = useTranslation();
  const words = settingWords(t, name, row);
  const value = useAppStore((s) => s.config[name]);
  return (
    <Field name={name} row={row}>
      {(id) => (
        <select
          id={id}
          value={String(value)}
          disabled={disabled}
          onChange={(e) => change(name, e.target.value)}
        >
          {row.options.map((o) => (
            <option key={o} value={o}>
              {words.option(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type NumericRow = Exclude<SettingRow, ChoiceRow>;

/** A number typed in; committed on blur or Enter when its row accepts it, else put back. */
function NumberInput({ name, row, disabled }: ControlProps<NumericRow>) {
  const value = useAppStore((s) => s.config[name]) as number | null;
  return (
    <Field name={name} row={row}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={row.min}
          max={row.max}
          step={row.kind === 'whole' ? 1 : 'any'}
          disabled={disabled}
          defaultValue={value ?? ''}
          key={String(value)}
          onBlur={(e) => commit(e.target)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget);
          }}
        />
      )}
    </Field>
  );
  function commit(input: HTMLInputElement) {
    const raw = input.value.trim();
    // Empty is null where the row allows it (PyTorch's default), else not a number.
    const v = raw !== '' ? Number(raw) : row.kind === 'nullableReal' ? null : NaN;
    // A refused value goes back; the store says why (and changes nothing).
    if (settingProblem(row, v) !== null) input.value = value === null ? '' : String(value);
    if (v !== value) change(name, v);
  }
}

/** A real number on a log-scale slider over its row's range (the learning rate). */
function LogSlider({ name, row, disabled }: ControlProps<RealRow>) {
  const value = useAppStore((s) => s.config[name]) as number;
  return (
    <Field name={name} row={row}>
      {(id) => (
        <div className="slider">
          <input
            id={id}
            type="range"
            min={Math.log10(row.min)}
            max={Math.log10(row.max)}
            step={0.05}
            value={Math.log10(value)}
            aria-valuetext={value.toPrecision(2)}
            disabled={disabled}
            onChange={(e) => change(name, Number((10 ** Number(e.target.value)).toPrecision(2)))}
          />
          <span className="slider__value">{value.toPrecision(2)}</span>
        </div>
      )}
    </Field>
  );
}

function Control({ name, row }: { name: SettingName; row: SettingRow }) {
  const on = useAppStore((s) => applies(row, s.config));
  if (!on && row.appliesWhen?.otherwise === 'hide') return null;
  const props = { name, disabled: !on };
  if (row.kind === 'choice') return <Choice {...props} row={row} />;
  if (row.kind === 'real' && row.scale === 'log') return <LogSlider {...props} row={row} />;
  return <NumberInput {...props} row={row} />;
}

export function ControlsSection() {
  const { t } = useTranslation();
  const busy = useAppStore((s) => s.training.phase === 'loading');
  const group = (model: boolean) =>
    SETTING_ROWS.filter(([, row]) => (row.change === 'model') === model).map(([name, row]) => (
      <Control key={name} name={name} row={row} />
    ));
  return (
    <section className="train-section" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('training.form.heading')}</h2>
      <fieldset className="controls" disabled={busy} data-control="model">
        <legend>{t('training.form.model')}</legend>
        {group(true)}
      </fieldset>
      <fieldset className="controls" disabled={busy} data-control="training">
        <legend>{t('training.form.live')}</legend>
        {group(false)}
      </fieldset>
    </section>
  );
}
