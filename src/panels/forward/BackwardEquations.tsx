// The backward step's equations (content/backwardEquations.ts): the cell's BPTT lines as the
// engine runs them, the weight gradients summed over time, the same lines with unit j's numbers
// at the shown step (the results are the engine's backward trace; the factors its forward trace),
// and the textbook δ formula beside the correct one with what is wrong with it.
import { useMemo } from 'react';
import { Trans } from 'react-i18next';
import {
  BPTT_SUMS,
  TEXTBOOK_BPTT,
  backwardEquations,
  textbookProblems,
  type BackwardLine,
  type BackwardUnitValues,
} from '../../content/backwardEquations';
import { CELL_INFO } from '../../engine/cell';
import type { BackwardAtLayer } from '../../engine/backwardTrace';
import { useAppStore } from '../../store/store';
import { Equation } from '../../viz/Equation';
import { useBackwardLayer } from './BackwardSection';
import { directionsOf, unitValues } from './derive';
import { aligned, EquationLabels, useKatexReady } from './EquationsSection';
import { selectDirection, selectLayer, selectResult, selectUnit } from './select';
import { useWords } from './words';

/** t − 1 and t + 1 swapped, for a layer that reads the text backwards. */
function swapTime(tex: string): string {
  return tex
    .replaceAll('_{t-1}', '_{\u0000}')
    .replaceAll('_{t+1}', '_{t-1}')
    .replaceAll('_{\u0000}', '_{t+1}');
}

function swapPlug(plug: BackwardLine['plug']): BackwardLine['plug'] {
  return plug === null ? null : (v) => swapTime(plug(v));
}

/** Unit j's numbers of the backward step, by gate name for the pre-activation gradients. */
function backValues(at: BackwardAtLayer, gates: readonly string[], j: number) {
  const H = at.dh.length;
  const pre: Record<string, number> = {};
  const preHh: Record<string, number> = {};
  gates.forEach((gate, g) => {
    pre[gate] = at.step.bih[g * H + j] ?? Number.NaN;
    preHh[gate] = at.step.bhh[g * H + j] ?? Number.NaN;
  });
  return {
    fromOutput: at.fromOutput[j] ?? Number.NaN,
    fromNext: at.fromNext[j] ?? Number.NaN,
    dh: at.dh[j] ?? Number.NaN,
    dc: at.dc?.[j] ?? null,
    dcFromNext: at.dcFromNext?.[j] ?? null,
    fromNextDirect: at.fromNextDirect?.[j] ?? null,
    pre,
    preHh,
  };
}

export function BackwardEquations() {
  const { tr, locale } = useWords();
  const katex = useKatexReady();
  const result = useAppStore(selectResult);
  const layer = useAppStore(selectLayer);
  const direction = useAppStore(selectDirection);
  const unit = useAppStore(selectUnit);
  const { at, t, T } = useBackwardLayer();
  const cell = result?.model.cell ?? 'lstm';
  const nonlinearity = result?.model.nonlinearity === 'relu' ? 'relu' : 'tanh';
  // A backward-direction layer runs from t = 1 up: its "next" step is t − 1 and its state comes
  // from t + 1, so the equations swap the two (the numbers are already that direction's).
  const reverse = result !== null && directionsOf(result) === 2 && direction === 1;
  const lines = useMemo(() => {
    const all = backwardEquations(cell, nonlinearity, locale);
    return reverse ? all.map((l) => ({ ...l, tex: swapTime(l.tex), plug: swapPlug(l.plug) })) : all;
  }, [cell, nonlinearity, reverse, locale]);
  const problems = useMemo(() => textbookProblems(locale), [locale]);
  // One step's lines aligned on "="; the step's shares and the sums over time, one per row.
  const general = useMemo(
    () => aligned(lines.filter((l) => l.key !== 'dW').map((l) => l.tex)),
    [lines],
  );
  const sums = useMemo(() => {
    const share = lines.find((l) => l.key === 'dW')?.tex ?? '';
    const rows = (tex: string) => tex.split(',\\quad ').filter((r) => r !== '');
    const shares = rows(share).map((r) => r.replace(' \\mathrel{+}= ', ' &\\mathrel{+}= '));
    return {
      shares: `\\begin{aligned}${shares.join(' \\\\ ')}\\end{aligned}`,
      total: aligned(rows(BPTT_SUMS[cell])),
    };
  }, [lines, cell]);
  const plugged = useMemo(() => {
    if (result === null || at === null) return null;
    const j = Math.min(unit, result.trace.H - 1);
    const own = unitValues(result, layer, t, j, direction);
    // The step after t in the direction's own order (t + 1, or t − 1 going backward in time).
    const after = direction === 1 ? t - 1 : t + 1;
    const next =
      after >= 0 && after < T ? unitValues(result, layer, after, j, direction).now : null;
    const values: BackwardUnitValues = {
      ...own,
      next,
      back: backValues(at, CELL_INFO[cell].gateNames, j),
    };
    return aligned(lines.flatMap((l) => (l.plug === null ? [] : [l.plug(values)])));
  }, [result, at, lines, layer, t, T, unit, direction, cell]);

  if (result === null || at === null) return null;
  return (
    <section className="fwd-equations" aria-labelledby="fwd-beq-h">
      <h2 id="fwd-beq-h">{tr('forward.backward.equationsHeading')}</h2>
      <p className="fwd-lede">{tr('forward.backward.equationsLede', { unit })}</p>
      <div
        className="fwd-eq-scroll"
        data-testid="backward-general"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.backward.equationsHeading')}
      >
        {katex ? (
          <Equation tex={general} display />
        ) : (
          <p className="fwd-status">{tr('forward.equations.loading')}</p>
        )}
      </div>
      <h3>{tr('forward.backward.sumsHeading')}</h3>
      <div
        className="fwd-eq-scroll"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.backward.sumsHeading')}
      >
        {katex && (
          <div className="fwd-eq-pair">
            <Equation tex={sums.shares} display />
            <Equation tex={sums.total} display />
          </div>
        )}
      </div>
      <EquationLabels lines={lines} />
      {reverse && <p className="fwd-note">{tr('forward.backward.reverseNote')}</p>}
      <h3>
        <Trans
          i18nKey="forward.equations.numbers"
          values={{ unit, t: t + 1, where: '' }}
          components={{ i: <i /> }}
        />
      </h3>
      <div
        className="fwd-eq-scroll"
        data-testid="backward-equations"
        tabIndex={0}
        role="group"
        aria-label={tr('forward.backward.numbersLabel', { unit })}
      >
        {katex && plugged !== null && <Equation tex={plugged} display />}
      </div>
      <h3>{tr('forward.backward.textbookHeading')}</h3>
      {katex && (
        <div
          className="fwd-eq-scroll"
          tabIndex={0}
          role="group"
          aria-label={tr('forward.backward.textbookLabel')}
        >
          <Equation
            tex={`\\text{${tr('forward.backward.textbook')}}\\quad ${TEXTBOOK_BPTT.textbook}`}
            display
          />
          <Equation
            tex={`\\text{${tr('forward.backward.correct')}}\\quad ${TEXTBOOK_BPTT.correct}`}
            display
          />
        </div>
      )}
      <dl className="fwd-textbook">
        {problems.map((p) => (
          <div key={p.what}>
            <dt>{p.what}</dt>
            <dd>{p.why}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
