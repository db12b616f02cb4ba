// One decoder step of the decoding shown, with the engine's numbers: the scores over the input and
// their softmax drawn as lines from the step to the input characters, the context vector, the
// next character's probabilities, and the equations with the same numbers. Hovering an input
// character links it to the equations' s.
import { useTranslation } from 'react-i18next';
import { useState, useDeferredValue } from 'react';
import { attentionLiveEquations, type AttentionStepNumbers } from '../../content/attention';
import { formatCount } from '../../content/format';
import { selectRow } from '../../store/attentionActions';
import { useAppStore } from '../../store/store';
import type { AttentionDecoded, AttentionInfo } from '../../store/attention';
import { AttentionLines } from '../../viz/AttentionLines';
import { Equation } from '../../viz/Equation';
import { HeatStrips } from '../../viz/HeatStrip';
import { TopGuesses } from '../../viz/TopGuesses';
import { TANH_SCALE } from '../../viz/valueScale';
import { END_MARK, outputLabels } from './rows';

/** The output character of id v (0 is the end mark). */
function charOf(info: AttentionInfo, v: number): string {
  return v === 0 ? END_MARK : (info.outputChars[v - 1] ?? '?');
}

/** The numbers of step t linked to input position s (both 0-based), for the equations. */
export function stepNumbers(
  d: AttentionDecoded,
  labels: readonly string[],
  t: number,
  s: number,
): AttentionStepNumbers {
  const e = d.e.subarray(t * d.S, (t + 1) * d.S);
  const eMax = Math.max(...e);
  let sumExp = 0;
  for (const v of e) sumExp += Math.exp(v - eMax);
  let norm = 0;
  for (const v of d.ctx.subarray(t * d.E, (t + 1) * d.E)) norm += v * v;
  return {
    t: t + 1,
    s: s + 1,
    inputChar: Array.from(d.input)[s] ?? '',
    written: labels[t] ?? '',
    e: e[s]!,
    eMax,
    sumExp,
    alpha: d.alpha[t * d.S + s]!,
    S: d.S,
    contextNorm: Math.sqrt(norm),
    pWritten: d.p[t] ?? NaN,
  };
}

export function AttentionDecodeStep() {
  // `t` is the decoder step here, as in the equations; the words come from `tr`.
  const { t: tr } = useTranslation();
  const info = useAppStore((s) => s.attention.info);
  // Redrawn in a deferred render, which React splits so that typing and keys stay quick.
  const decoded = useDeferredValue(useAppStore((s) => s.attention.decoded));
  const row = useAppStore((s) => s.attention.row);
  const example = useAppStore((s) => s.attention.example);
  const own = useAppStore((s) => s.attention.own);
  const [hovered, setHovered] = useState<number | null>(null);
  const [unit, setUnit] = useState(0);
  if (info === null || decoded === null || decoded.T === 0) return null;
  const labels = outputLabels(decoded);
  const t = Math.min(row ?? 0, decoded.T - 1);
  const input = Array.from(decoded.input);
  const read = t === 0 ? tr('attention.step.start') : labels[t - 1]!;
  const hasAttention = decoded.alpha.length > 0;
  const alpha = hasAttention ? decoded.alpha.subarray(t * decoded.S, (t + 1) * decoded.S) : null;
  let strongest = 0;
  if (alpha !== null)
    for (let s = 1; s < alpha.length; s++) if (alpha[s]! > alpha[strongest]!) strongest = s;
  const linked = hovered ?? strongest;
  const probs = decoded.probs.subarray(t * decoded.V, (t + 1) * decoded.V);
  const guesses = Array.from(probs, (p, v) => ({ char: charOf(info, v), p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 5);
  const expected = own === null ? info.examples[example]?.output : undefined;
  const expectedChars = expected === undefined ? null : [...Array.from(expected), END_MARK];
  const target = expectedChars?.[t];
  const targetP = target === undefined ? null : probOf(info, probs, target);
  const rank =
    target === undefined ? null : 1 + Array.from(probs).filter((p) => p > (targetP ?? 0)).length;
  return (
    <section aria-labelledby="at-step-h">
      <h2 id="at-step-h">{tr('attention.step.heading')}</h2>
      <div className="at-steps" role="group" aria-label={tr('attention.step.group')}>
        <button type="button" onClick={() => selectRow(Math.max(0, t - 1))} disabled={t === 0}>
          {tr('attention.step.previous')}
        </button>
        <span aria-live="polite" data-testid="at-step">
          {tr('attention.step.line', {
            t: formatCount(t + 1),
            T: formatCount(decoded.T),
            read,
            written: labels[t],
          })}
        </span>
        <button
          type="button"
          onClick={() => selectRow(Math.min(decoded.T - 1, t + 1))}
          disabled={t >= decoded.T - 1}
        >
          {tr('attention.step.next')}
        </button>
      </div>
      {alpha !== null && (
        <AttentionLines
          input={input}
          alpha={alpha}
          scores={decoded.e.subarray(t * decoded.S, (t + 1) * decoded.S)}
          written={labels[t]!}
          read={read}
          hovered={hovered}
          onHover={setHovered}
          label={tr('attention.step.lines', { t: t + 1 })}
        />
      )}
      <div className="at-step-grid">
        {alpha !== null && (
          <div>
            <h3>{tr('attention.step.context')}</h3>
            <HeatStrips
              rows={[
                {
                  key: 'ctx',
                  symbol: 'c_t',
                  label: tr('attention.step.contextRow'),
                  values: decoded.ctx.subarray(t * decoded.E, (t + 1) * decoded.E),
                  scale: TANH_SCALE,
                },
              ]}
              unit={Math.min(unit, decoded.E - 1)}
              onSelectUnit={setUnit}
            />
          </div>
        )}
        <div>
          <h3>{tr('attention.step.nextChar')}</h3>
          <TopGuesses
            guesses={guesses}
            target={target === undefined ? null : { char: target, p: targetP, rank }}
          />
        </div>
      </div>
      {alpha !== null && (
        <div
          className="at-equations"
          role="region"
          tabIndex={0}
          aria-label={tr('attention.step.equations')}
        >
          {attentionLiveEquations(
            info.settings.attention,
            stepNumbers(decoded, labels, t, linked),
          ).map((line) => (
            <Equation key={line.label} tex={line.tex} display />
          ))}
        </div>
      )}
    </section>
  );
}

function probOf(info: AttentionInfo, probs: Float64Array, char: string): number | null {
  if (char === END_MARK) return probs[0] ?? null;
  const v = info.outputChars.indexOf(char);
  return v < 0 ? null : (probs[v + 1] ?? null);
}
