// A passage coloured character by character by one unit's activation after reading it
// (blue −1 … white 0 … red +1 for tanh-range values; larger values saturate). Props only.
import { weightColor } from './WeightsHeatmap';

export interface NeuronTextProps {
  chars: readonly string[];
  /** Activations [T·H]; the unit's value at step t is values[t·H + unit]. */
  values: Float64Array;
  H: number;
  unit: number;
  label: string;
}

export function NeuronText({ chars, values, H, unit, label }: NeuronTextProps) {
  return (
    // A scrollable region: focusable so keyboard users can scroll it.
    <div className="neuron-text" role="region" aria-label={label} tabIndex={0}>
      {chars.map((ch, t) => {
        const v = values[t * H + unit] ?? 0;
        return ch === '\n' ? (
          <span key={t}>
            <span className="neuron-text__nl" style={{ background: weightColor(v, 1) }}>
              ⏎
            </span>
            <br />
          </span>
        ) : (
          <span key={t} title={v.toFixed(3)} style={{ background: weightColor(v, 1) }}>
            {ch}
          </span>
        );
      })}
    </div>
  );
}
