// A passage coloured character by character by one unit's activation after reading it
// (blue −1 … 0 … red +1 for tanh-range values; larger values saturate). Zero is near white in
// the light theme and near the page colour in the dark; the text is black or white, whichever
// reads better on its background (neuronColors.ts). Props only.
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

export function NeuronText({ chars, values, H, unit, label, theme }: NeuronTextProps) {
  return (
    // A scrollable region: focusable so keyboard users can scroll it.
    <div className="neuron-text" role="region" aria-label={label} tabIndex={0}>
      {chars.map((ch, t) => {
        const v = values[t * H + unit] ?? 0;
        const style = neuronColors(v, theme);
        return ch === '\n' ? (
          <span key={t}>
            <span className="neuron-text__nl" style={style}>
              ⏎
            </span>
            <br />
          </span>
        ) : (
          <span key={t} title={v.toFixed(3)} style={style}>
            {ch}
          </span>
        );
      })}
    </div>
  );
}
