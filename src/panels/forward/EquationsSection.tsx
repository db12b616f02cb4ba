// The cell's equations in the form the engine runs, then the same lines for hidden unit j at the
// current step with the trace's numbers plugged in, then the output head and the loss.
// Terms carry \htmlClass{sym-KEY}: hovering one highlights the matching chart element.
import { useEffect, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import {
  BIDIRECTIONAL_TEX,
  cellEquations,
  num,
  OUTPUT_EQUATIONS,
} from '../../content/cellEquations';
import { CELL_LABEL, GRU_NOTE_TEX, GRU_VARIANTS, nameChar } from '../../content/forward';
import { seriesHeadPlug, seriesHeadTex } from '../../content/forwardSeries';
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
import { withSubscripts } from './subscripts';
import { useWords } from './words';

/** The GRU table's column headings. */
const VARIANT_COLUMNS = ['source', 'update', 'candidate', 'same'] as const;

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
  const { tr, locale } = useWords();
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
    const forward = cellEquations(cell, nonlinearity, locale);
    // The backward direction carries h_{t+1} (and c_{t+1}) into step t.
    return backward
      ? forward.map((l) => ({ ...l, tex: l.tex.replaceAll('_{t-1}', '_{t+1}') }))
      : forward;
  }, [cell, nonlinearity, backward, locale]);
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
    if (target.p === null) return String.raw`\ell_t\ \text{${tr('forward.equations.notScored')}}`;
    const loss = result.trace.stepLoss[t];
    return String.raw`\htmlClass{sym-loss}{\ell_t} = -\ln p_t[y^*_t] = -\ln ${num(target.p)} = ${num(loss)}`;
  }, [result, index, t, tr]);

  if (result === null || plugged === null) return null;
  const L = result.trace.L;
  const target = index === null ? null : targetAt(result, index, t);
  const bothText = both ? tr(backward ? 'forward.where.backward' : 'forward.where.forward') : '';
  const numbersWhere = (L > 1 ? tr('forward.where.layer', { layer: layer + 1 }) : '') + bothText;
  return (
    <section className="fwd-equations" aria-labelledby="fwd-eq-h">
      <h2 id="fwd-eq-h">{tr('forward.equations.heading', { cell: CELL_LABEL[cell] })}</h2>
      <p className="fwd-lede">
        {tr(cell === 'rnn' ? 'forward.equations.lede' : 'forward.equations.ledeGates')}
      </p>
      <div
        className="fwd-eq-scroll"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.equations.heading', { cell: CELL_LABEL[cell] })}
      >
        {katex ? (
          <Equation tex={general} display />
        ) : (
          <p className="fwd-status">{tr('forward.equations.loading')}</p>
        )}
      </div>
      <EquationLabels lines={lines} />
      {layer > 0 && !both && (
        <p className="fwd-note">
          {withSubscripts(tr('forward.equations.layerInput', { layer: layer + 1, below: layer }))}
        </p>
      )}
      {layer > 0 && both && (
        <p className="fwd-note">
          {withSubscripts(
            tr('forward.equations.layerInputBi', {
              layer: layer + 1,
              below: layer,
              H: result.trace.H,
            }),
          )}
        </p>
      )}
      {both && backward && (
        <p className="fwd-note">
          <Trans
            i18nKey="forward.equations.reverse"
            components={{ code: <code translate="no" />, sub: <sub /> }}
          />
        </p>
      )}
      <h3>
        <Trans
          i18nKey="forward.equations.numbers"
          values={{ unit, t: t + 1, where: numbersWhere }}
          components={{ i: <i /> }}
        />
      </h3>
      <div
        className="fwd-eq-scroll"
        data-testid="plugged-equations"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.equations.numbersLabel', { unit })}
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
            aria-label={tr(
              series !== undefined
                ? 'forward.equations.predictionLossLabel'
                : 'forward.equations.lossLabel',
            )}
          >
            {katex && <Equation tex={lossTex} display />}
          </div>
          {series === undefined && target !== null && target.p !== null && (
            <p className="fwd-note">
              y*<sub>t</sub>
              {result.tagged !== null
                ? tr('forward.equations.trueTag', {
                    char: nameChar(result.chars[t] ?? '', locale),
                    tag: nameChar(target.char, locale),
                  })
                : tr('forward.equations.cameNext', { char: nameChar(target.char, locale) })}
            </p>
          )}
        </div>
      )}
      {cell === 'gru' && (
        <p className="fwd-note" data-testid="gru-note">
          {tr('forward.equations.gruLead')} {katex && <Equation tex={GRU_NOTE_TEX.swapped} />}{' '}
          {tr('forward.equations.gruMiddle')} {katex && <Equation tex={GRU_NOTE_TEX.before} />}{' '}
          {tr('forward.equations.gruTail')}
        </p>
      )}
      {cell === 'gru' && (
        <div
          className="fwd-gru-variants"
          role="region"
          aria-label={tr('forward.equations.variants.caption')}
          tabIndex={0}
        >
          <table className="show-data__table">
            <caption>{tr('forward.equations.variants.caption')}</caption>
            <thead>
              <tr>
                {VARIANT_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {tr(`forward.equations.variants.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {GRU_VARIANTS.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{tr(`forward.equations.variants.${r.key}`)}</th>
                  <td>{katex ? <Equation tex={r.update} /> : r.update}</td>
                  <td>{katex ? <Equation tex={r.candidate} /> : r.candidate}</td>
                  <td>{tr(`forward.equations.variants.${r.key}Same`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell === 'rnn' && <p className="fwd-note">{tr('forward.equations.rnnNote')}</p>}
      {series !== undefined ? (
        <p className="fwd-note">{tr('forward.series.lossNote')}</p>
      ) : (
        result.tagged === null && <p className="fwd-note">{tr('forward.equations.lossNote')}</p>
      )}
    </section>
  );
}

/**
 * A bidirectional model: both directions of the top layer at step t for unit j, the head over
 * their concatenation and the tag it gives, with the trace's numbers.
 */
function BothDirections({ t, unit }: { t: number; unit: number }) {
  const { tr } = useWords();
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
    // The model's own label: KaTeX writes Latin text only, and the label is the model's data.
    const labels = result.tagged?.classes ?? labelsOf(result);
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
        {tr('forward.equations.both', { t: t + 1 })}
        {L > 1 ? tr('forward.equations.bothTop', { L }) : ''}
      </h3>
      <div
        className="fwd-eq-scroll"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.equations.bothLabel')}
      >
        <Equation tex={tex.general} display />
      </div>
      <div
        className="fwd-eq-scroll"
        data-testid="plugged-tag"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.equations.bothNumbersLabel', { unit })}
      >
        <Equation tex={tex.plugged} display />
      </div>
    </div>
  );
}
