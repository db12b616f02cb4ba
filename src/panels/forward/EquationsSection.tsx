// The cell's equations in the form the engine runs, then the same lines for hidden unit j at the
// current step with the trace's numbers plugged in, then the output head and the loss.
// Terms carry \htmlClass{sym-KEY}: hovering one highlights the matching chart element.
import { useEffect, useMemo, useState } from 'react';
import {
  BIDIRECTIONAL_TEX,
  cellEquations,
  num,
  OUTPUT_EQUATIONS,
} from '../../content/cellEquations';
import { CELL_LABEL, equationsLede, FORWARD_TEXT, nameChar } from '../../content/forward';
import { SERIES_FORWARD_TEXT, seriesHeadPlug, seriesHeadTex } from '../../content/forwardSeries';
import { useAppStore } from '../../store/store';
import { Equation } from '../../viz/Equation';
import { loadedKatex, loadKatex } from '../../viz/katex';
import {
  directionsOf,
  labelsOf,
  seriesStepOf,
  stepsOf,
  targetAt,
  unitValues,
  vocabIndex,
} from './derive';
import { selectDirection, selectLayer, selectResult, useDetailStep } from './select';

/** Aligns a line on its first "=". */
function align(tex: string): string {
  const k = tex.indexOf(' = ');
  return k < 0 ? tex : `${tex.slice(0, k)} &= ${tex.slice(k + 3)}`;
}

export function aligned(lines: readonly string[]): string {
  return `\\begin{aligned}${lines.map(align).join(' \\\\ ')}\\end{aligned}`;
}

/**
 * True once KaTeX has loaded (or failed: <Equation> then shows the TeX source). The equations
 * mount only then: an <Equation> that suspends on the load and re-renders after it trips React's
 * check on a conditional use() (reported to the lead; see Equation.tsx).
 */
export function useKatexReady(): boolean {
  const [ready, setReady] = useState(() => loadedKatex() !== undefined);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadKatex().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

/** What each line defines, in words, keyed for the hover links (data-sym). */
export function EquationLabels({ lines }: { lines: readonly { key: string; label: string }[] }) {
  return (
    <ul className="eq-labels">
      {lines.map((l) => (
        <li key={l.key} data-sym={l.key}>
          <strong>{l.key}</strong>: {l.label}
        </li>
      ))}
    </ul>
  );
}

export function EquationsSection() {
  const katex = useKatexReady();
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const { t, unit } = useDetailStep();
  const cell = result?.model.cell ?? 'lstm';
  const nonlinearity = result?.model.nonlinearity === 'relu' ? 'relu' : 'tanh';
  const both = result !== null && directionsOf(result) === 2;
  const backward = both && direction === 1;
  const lines = useMemo(() => {
    const forward = cellEquations(cell, nonlinearity);
    // The backward direction carries h_{t+1} (and c_{t+1}) into step t.
    return backward
      ? forward.map((l) => ({ ...l, tex: l.tex.replaceAll('_{t-1}', '_{t+1}') }))
      : forward;
  }, [cell, nonlinearity, backward]);
  const series = result?.series;
  const horizon = series?.horizon ?? null;
  const difference = series?.difference ?? false;
  const general = useMemo(
    () =>
      aligned(
        horizon !== null
          ? [...lines.map((l) => l.tex), ...seriesHeadTex(horizon, difference)]
          : [
              ...lines.map((l) => l.tex),
              both ? BIDIRECTIONAL_TEX.logits : OUTPUT_EQUATIONS.logits,
              OUTPUT_EQUATIONS.softmax,
              OUTPUT_EQUATIONS.loss,
            ],
      ),
    [lines, both, horizon, difference],
  );
  const index = useMemo(() => (result === null ? null : vocabIndex(result.model.vocab)), [result]);
  const plugged = useMemo(() => {
    if (result === null) return null;
    return aligned(lines.map((l) => l.plug(unitValues(result, layer, t, unit, direction))));
  }, [result, lines, layer, t, unit, direction]);
  const lossTex = useMemo(() => {
    if (result === null || index === null) return null;
    const step = seriesStepOf(result, t);
    if (step !== null && result.series !== undefined) {
      const { mean, scale, horizon: h, difference: d } = result.series;
      return aligned(seriesHeadPlug({ ...step, mean, scale, horizon: h, difference: d }));
    }
    const target = targetAt(result, index, t);
    if (target.p === null)
      return String.raw`\ell_t\ \text{is not scored: the next character is not in the vocabulary}`;
    const loss = result.trace.stepLoss[t];
    return String.raw`\htmlClass{sym-loss}{\ell_t} = -\ln p_t[y^*_t] = -\ln ${num(target.p)} = ${num(loss)}`;
  }, [result, index, t]);

  if (result === null || plugged === null) return null;
  const L = result.trace.L;
  const target = index === null ? null : targetAt(result, index, t);
  return (
    <section className="fwd-equations" aria-labelledby="fwd-eq-h">
      <h2 id="fwd-eq-h">The {CELL_LABEL[cell]} equations</h2>
      <p className="fwd-lede">{equationsLede(cell)}</p>
      <div
        className="fwd-eq-scroll"
        tabIndex={0}
        role="group"
        aria-label={`The ${CELL_LABEL[cell]} equations`}
      >
        {katex ? (
          <Equation tex={general} display />
        ) : (
          <p className="fwd-status">Loading the equations…</p>
        )}
      </div>
      <EquationLabels lines={lines} />
      {layer > 0 && !both && (
        <p className="fwd-note">
          In layer {layer + 1} the input x<sub>t</sub> is the hidden state h<sub>t</sub> of layer{' '}
          {layer}.
        </p>
      )}
      {layer > 0 && both && (
        <p className="fwd-note">
          In layer {layer + 1} the input x<sub>t</sub> is [h→<sub>t</sub>; h←<sub>t</sub>] of layer{' '}
          {layer}: both of its directions at step t, 2 × {result.trace.H} numbers.
        </p>
      )}
      {both && backward && (
        <p className="fwd-note">
          These are the backward direction’s equations (its weights are the <code>…_reverse</code>{' '}
          tensors): the state it carries into step t is h<sub>t+1</sub>.
        </p>
      )}
      <h3>
        With the numbers of unit <i>j</i> = {unit} at step {t + 1}
        {L > 1 ? `, layer ${String(layer + 1)}` : ''}
        {both ? (backward ? ', backward' : ', forward') : ''}
      </h3>
      <div
        className="fwd-eq-scroll"
        data-testid="plugged-equations"
        tabIndex={0}
        role="group"
        aria-label={`The equations with the numbers of unit ${String(unit)}`}
      >
        {katex && <Equation tex={plugged} display />}
      </div>
      {both && katex && <BothDirections t={t} unit={unit} />}
      {lossTex !== null && (
        <div className="fwd-plugged" data-testid="plugged-loss">
          <div
            className="fwd-eq-scroll"
            tabIndex={0}
            role="group"
            aria-label={
              series !== undefined
                ? 'The prediction and the loss at this step'
                : 'The loss at this step'
            }
          >
            {katex && <Equation tex={lossTex} display />}
          </div>
          {series === undefined && target !== null && target.p !== null && (
            <p className="fwd-note">
              {result.tagged !== null ? (
                <>
                  y*<sub>t</sub> is the true tag of {nameChar(result.chars[t] ?? '')}:{' '}
                  {nameChar(target.char)}.
                </>
              ) : (
                <>
                  y*<sub>t</sub> is the character that actually came next: {nameChar(target.char)}.
                </>
              )}
            </p>
          )}
        </div>
      )}
      {cell === 'gru' && (
        <p className="fwd-note" data-testid="gru-note">
          {FORWARD_TEXT.gruNote.lead} {katex && <Equation tex={FORWARD_TEXT.gruNote.swapped} />}{' '}
          {FORWARD_TEXT.gruNote.middle} {katex && <Equation tex={FORWARD_TEXT.gruNote.before} />}{' '}
          {FORWARD_TEXT.gruNote.tail}
        </p>
      )}
      {cell === 'gru' && (
        <div
          className="fwd-gru-variants"
          role="region"
          aria-label={FORWARD_TEXT.gruVariants.caption}
          tabIndex={0}
        >
          <table className="show-data__table">
            <caption>{FORWARD_TEXT.gruVariants.caption}</caption>
            <thead>
              <tr>
                {FORWARD_TEXT.gruVariants.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {FORWARD_TEXT.gruVariants.rows.map((r) => (
                <tr key={r.source}>
                  <th scope="row">{r.source}</th>
                  <td>{katex ? <Equation tex={r.update} /> : r.update}</td>
                  <td>{katex ? <Equation tex={r.candidate} /> : r.candidate}</td>
                  <td>{r.same}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell === 'rnn' && <p className="fwd-note">{FORWARD_TEXT.rnnNote}</p>}
      {series !== undefined ? (
        <p className="fwd-note">{SERIES_FORWARD_TEXT.lossNote}</p>
      ) : (
        result.tagged === null && <p className="fwd-note">{FORWARD_TEXT.lossNote}</p>
      )}
    </section>
  );
}

/**
 * A bidirectional model: both directions of the top layer at step t for unit j, the head over
 * their concatenation and the tag it gives, with the trace's numbers.
 */
function BothDirections({ t, unit }: { t: number; unit: number }) {
  const result = useAppStore(selectResult);
  const tex = useMemo(() => {
    if (result === null) return null;
    const top = result.trace.L - 1;
    const T = result.trace.T;
    const fwd = stepsOf(result, top, 0);
    const back = stepsOf(result, top, 1);
    const y = result.trace.outputs[t];
    const p = result.trace.probs?.[t];
    if (y === undefined || p === undefined) return null;
    const labels = labelsOf(result);
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
    return {
      general: aligned(BIDIRECTIONAL_TEX.general),
      plugged: aligned(
        BIDIRECTIONAL_TEX.plug({
          fwd: fwd[t]?.['h']?.[unit],
          fwdPrev: t > 0 ? fwd[t - 1]?.['h']?.[unit] : 0,
          back: back[t]?.['h']?.[unit],
          backNext: t < T - 1 ? back[t + 1]?.['h']?.[unit] : 0,
          y: Array.from(y),
          p: Array.from(p),
          tag: labels[best] ?? '',
        }),
      ),
    };
  }, [result, t, unit]);
  if (result === null || tex === null) return null;
  const L = result.trace.L;
  return (
    <div className="fwd-plugged" data-testid="bidirectional-equations">
      <h3>
        Both directions and the tag at step {t + 1}
        {L > 1 ? ` (layer ${String(L)}, which the head reads)` : ''}
      </h3>
      <div
        className="fwd-eq-scroll"
        tabIndex={0}
        role="group"
        aria-label="Both directions and the tag"
      >
        <Equation tex={tex.general} display />
      </div>
      <div
        className="fwd-eq-scroll"
        data-testid="plugged-tag"
        tabIndex={0}
        role="group"
        aria-label={`Both directions and the tag, with the numbers of unit ${String(unit)}`}
      >
        <Equation tex={tex.plugged} display />
      </div>
    </div>
  );
}
