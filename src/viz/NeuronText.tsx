// A passage coloured character by character by one unit's activation after reading it
// (blue −1 … 0 … red +1 for tanh-range values; larger values saturate). Zero is near white in
// the light theme and near the page colour in the dark; the text is black or white, whichever
// reads better on its background (neuronColors.ts). Props only.
//
// The passage is hundreds of spans, redrawn whenever new activations arrive while training. So
// that one redraw stays a short task, each span carries only a class: the value's level among
// NEURON_LEVELS steps from −1 to 1, whose colours one small style sheet holds per theme. A span
// whose level did not change is not touched at all. The exact value shows on hover (one title,
// set on the passage as the pointer moves) and in the Show data table.
import { useMemo, type MouseEvent } from 'react';
import { neuronColors, type ThemeName } from './neuronColors';

export interface NeuronTextProps {
  chars: readonly string[];
  /** Activations [T·H]; the unit's value at step t is values[t·H + unit]. */
  values: Float64Array;
  H: number;
  unit: number;
  label: string;
  theme: ThemeName;
}

/** Levels of the colour scale from −1 to 1 (steps of 0.05); values beyond ±1 take the ends. */
export const NEURON_LEVELS = 41;

/** The level (0 … NEURON_LEVELS − 1) of an activation; NaN reads as 0. */
export function neuronLevel(v: number): number {
  const t = Number.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  return Math.round(((t + 1) / 2) * (NEURON_LEVELS - 1));
}

/** The background and text colour of each level, per theme: the colours of its centre value. */
export function neuronPalette(theme: ThemeName): { background: string; color: string }[] {
  return Array.from({ length: NEURON_LEVELS }, (_, k) =>
    neuronColors((2 * k) / (NEURON_LEVELS - 1) - 1, theme),
  );
}

function styleSheet(theme: ThemeName): string {
  return neuronPalette(theme)
    .map((c, k) => `.neuron-text--${theme} .nt-${k}{background:${c.background};color:${c.color}}`)
    .join('\n');
}

export function NeuronText({ chars, values, H, unit, label, theme }: NeuronTextProps) {
  const css = useMemo(() => styleSheet(theme), [theme]);
  const showValue = (e: MouseEvent<HTMLDivElement>) => {
    const t = Number((e.target as HTMLElement).dataset['t']);
    if (Number.isInteger(t)) e.currentTarget.title = (values[t * H + unit] ?? 0).toFixed(3);
  };
  return (
    // A scrollable region: focusable so keyboard users can scroll it.
    <div
      className={`neuron-text neuron-text--${theme}`}
      role="region"
      aria-label={label}
      tabIndex={0}
      onMouseOver={showValue}
    >
      <style>{css}</style>
      {chars.map((ch, t) => {
        const level = `nt-${neuronLevel(values[t * H + unit] ?? 0)}`;
        return ch === '\n' ? (
          <span key={t}>
            <span className={`neuron-text__nl ${level}`} data-t={t}>
              ⏎
            </span>
            <br />
          </span>
        ) : (
          <span key={t} className={level} data-t={t}>
            {ch}
          </span>
        );
      })}
    </div>
  );
}
