// The cell's equations in the form the engine runs, then the same lines for hidden unit j at the
// current step with the trace's numbers plugged in, then the output head and the loss.
// Terms carry \htmlClass{sym-KEY}: hovering one highlights the matching chart element.
import { useEffect, useMemo, useState } from 'react';
import { cellEquations, num, OUTPUT_EQUATIONS } from '../../content/cellEquations';
import { CELL_LABEL, equationsLede, FORWARD_TEXT, nameChar } from '../../content/forward';
import { useAppStore } from '../../store/store';
import { Equation } from '../../viz/Equation';
import { loadedKatex, loadKatex } from '../../viz/katex';
import { targetAt, unitValues, vocabIndex } from './derive';
import { selectDirection, selectLayer, selectResult, useDetailStep } from './select';

/** Aligns a line on its first "=". */
function align(tex: string): string {
  const k = tex.indexOf(' = ');
  return k < 0 ? tex : `${tex.slice(0, k)} &= ${tex.slice(k + 3)}`;
}

function aligned(lines: readonly string[]): string {
  return `\\begin{aligned}${lines.map(align).join(' \\\\ ')}\\end{aligned}`;
}

/**
 * True once KaTeX has loaded (or failed: <Equation> then shows the TeX source). The equations
 * mount only then: an <Equation> that suspends on the load and re-renders after it trips React's
 * check on a conditional use() (reported to the lead; see Equation.tsx).
 */
function useKatexReady(): boolean {
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

export function EquationsSection() {
  const katex = useKatexReady();
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const { t, unit } = useDetailStep();
  const cell = result?.model.cell ?? 'lstm';
  const nonlinearity = result?.model.nonlinearity === 'relu' ? 'relu' : 'tanh';
  const lines = useMemo(() => cellEquations(cell, nonlinearity), [cell, nonlinearity]);
  const general = useMemo(
    () =>
      aligned([
        ...lines.map((l) => l.tex),
        OUTPUT_EQUATIONS.logits,
        OUTPUT_EQUATIONS.softmax,
        OUTPUT_EQUATIONS.loss,
      ]),
    [lines],
  );
  const index = useMemo(() => (result === null ? null : vocabIndex(result.model.vocab)), [result]);
  const plugged = useMemo(() => {
    if (result === null) return null;
    return aligned(lines.map((l) => l.plug(unitValues(result, layer, t, unit, direction))));
  }, [result, lines, layer, t, unit, direction]);
  const lossTex = useMemo(() => {
    if (result === null || index === null) return null;
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
      <ul className="eq-labels">
        {lines.map((l) => (
          <li key={l.key} data-sym={l.key}>
            <strong>{l.key}</strong>: {l.label}
          </li>
        ))}
      </ul>
      {layer > 0 && (
        <p className="fwd-note">
          In layer {layer + 1} the input x<sub>t</sub> is the hidden state h<sub>t</sub> of layer{' '}
          {layer}.
        </p>
      )}
      <h3>
        With the numbers of unit <i>j</i> = {unit} at step {t + 1}
        {L > 1 ? `, layer ${String(layer + 1)}` : ''}
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
      {lossTex !== null && (
        <div className="fwd-plugged" data-testid="plugged-loss">
          <div
            className="fwd-eq-scroll"
            tabIndex={0}
            role="group"
            aria-label="The loss at this step"
          >
            {katex && <Equation tex={lossTex} display />}
          </div>
          {target !== null && target.p !== null && (
            <p className="fwd-note">
              y*<sub>t</sub> is the character that actually came next: {nameChar(target.char)}.
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
      <p className="fwd-note">{FORWARD_TEXT.lossNote}</p>
    </section>
  );
}
