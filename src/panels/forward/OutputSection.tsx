// The guess for the next character: the top ten of p_t as bars, the true next character marked,
// the loss at this step, and the table of the numbers.
import { useMemo } from 'react';
import { nameChar } from '../../content/forward';
import { formatPercent, formatProbability, formatValue } from '../../content/format';
import { useAppStore } from '../../store/store';
import { ShowData, type Cell } from '../../viz/ShowData';
import { TopGuesses } from '../../viz/TopGuesses';
import { SeriesOutput } from './SeriesOutput';
import { labelsOf, targetAt, topGuesses, vocabIndex } from './derive';
import { selectResult, useDetailStep } from './select';

export const TOP_K = 10;

export function OutputSection() {
  const series = useAppStore((s) => s.forward.result?.series !== undefined);
  return series ? <SeriesOutput /> : <GuessOutput />;
}

/** A text model's guesses (or a tagger's tags). */
function GuessOutput() {
  const result = useAppStore(selectResult);
  const { t } = useDetailStep();
  const index = useMemo(() => (result === null ? null : vocabIndex(result.model.vocab)), [result]);
  const view = useMemo(() => {
    if (result === null || index === null) return null;
    const probs = result.trace.probs?.[t];
    const logits = result.trace.outputs[t];
    if (probs === undefined || logits === undefined) return null;
    const guesses = topGuesses(probs, labelsOf(result), TOP_K);
    const target = targetAt(result, index, t);
    const rows: Cell[][] = guesses.map((g, k) => [
      String(k + 1),
      nameChar(g.char),
      formatProbability(g.p),
      formatPercent(g.p),
      logits[g.id] ?? Number.NaN,
      g.char === target.char ? 'yes' : '',
    ]);
    if (target.rank !== null && target.rank > TOP_K && target.p !== null)
      rows.push([
        String(target.rank),
        nameChar(target.char),
        formatProbability(target.p),
        formatPercent(target.p),
        logits[target.id] ?? Number.NaN,
        'yes',
      ]);
    return { guesses, target, rows, loss: result.trace.stepLoss[t] ?? Number.NaN };
  }, [result, index, t]);

  if (result === null || view === null) return null;
  const { guesses, target, rows, loss } = view;
  const V = labelsOf(result).length;
  const tagger = result.tagged !== null;
  const what = tagger ? 'tags' : 'characters';
  return (
    <section className="fwd-output" aria-labelledby="fwd-output-h">
      <h2 id="fwd-output-h">{tagger ? 'The tag of x_t' : 'The guess for the next character'}</h2>
      {tagger ? (
        <p className="fwd-lede">
          Reading {nameChar(result.chars[t] ?? '')} both ways, the model gives each of its {V} tags
          a probability, p<sub>t</sub> = softmax(y<sub>t</sub>), with y<sub>t</sub> = W<sub>hy</sub>{' '}
          [h→<sub>t</sub>; h←<sub>t</sub>] + b<sub>y</sub>: the head reads both directions of the
          top layer at step t.
        </p>
      ) : (
        <p className="fwd-lede">
          After reading {nameChar(result.chars[t] ?? '')} the model gives every character of its
          vocabulary a probability, p<sub>t</sub> = softmax(y<sub>t</sub>). The top {TOP_K}:
        </p>
      )}
      <TopGuesses guesses={guesses} target={target} kind={tagger ? 'tag' : 'next'} />
      <p className="fwd-loss" data-sym="loss">
        {target.p === null ? (
          <>
            No loss at this step: the next character, {nameChar(target.char)}, is not in the
            vocabulary.
          </>
        ) : (
          <>
            Loss at this step: ℓ<sub>t</sub> = −ln p<sub>t</sub>[{nameChar(target.char)}] = −ln{' '}
            {formatProbability(target.p)} = <strong data-value="loss">{formatValue(loss)}</strong>{' '}
            nats.
          </>
        )}{' '}
        Mean over the text: {formatValue(result.trace.loss)} nats per character (guessing uniformly
        among {V} {what} scores ln {V} = {formatValue(Math.log(V))}).
      </p>
      <ShowData
        caption={
          tagger
            ? `The tags of step ${String(t + 1)}, with their logits y_t`
            : `Top ${String(TOP_K)} guesses after step ${String(t + 1)}, with their logits y_t`
        }
        columns={[
          'Rank',
          tagger ? 'Tag' : 'Character',
          'Probability',
          'Percent',
          'Logit y_t',
          tagger ? 'True tag' : 'Came next',
        ]}
        rows={rows}
      />
    </section>
  );
}
