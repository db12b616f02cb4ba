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
import { withSubscripts } from './subscripts';
import { useWords } from './words';

export const TOP_K = 10;

export function OutputSection() {
  const series = useAppStore((s) => s.forward.result?.series !== undefined);
  return series ? <SeriesOutput /> : <GuessOutput />;
}

/** A text model's guesses (or a tagger's tags). */
function GuessOutput() {
  const { tr, locale } = useWords();
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
    const yes = tr('forward.output.yes');
    const rows: Cell[][] = guesses.map((g, k) => [
      String(k + 1),
      nameChar(g.char, locale),
      formatProbability(g.p),
      formatPercent(g.p, locale),
      logits[g.id] ?? Number.NaN,
      g.char === target.char ? yes : '',
    ]);
    if (target.rank !== null && target.rank > TOP_K && target.p !== null)
      rows.push([
        String(target.rank),
        nameChar(target.char, locale),
        formatProbability(target.p),
        formatPercent(target.p, locale),
        logits[target.id] ?? Number.NaN,
        yes,
      ]);
    return { guesses, target, rows, loss: result.trace.stepLoss[t] ?? Number.NaN };
  }, [result, index, t, tr, locale]);

  if (result === null || view === null) return null;
  const { guesses, target, rows, loss } = view;
  const V = labelsOf(result).length;
  const tagger = result.tagged !== null;
  const read = nameChar(result.chars[t] ?? '', locale);
  return (
    <section className="fwd-output" aria-labelledby="fwd-output-h">
      <h2 id="fwd-output-h">
        {tagger ? tr('forward.output.tagHeading') : tr('forward.output.heading')}
      </h2>
      {tagger ? (
        <p className="fwd-lede">
          {withSubscripts(tr('forward.output.tagLede', { char: read, V }))}
        </p>
      ) : (
        <p className="fwd-lede">
          {withSubscripts(tr('forward.output.lede', { char: read, k: TOP_K }))}
        </p>
      )}
      <TopGuesses guesses={guesses} target={target} kind={tagger ? 'tag' : 'next'} />
      <p className="fwd-loss" data-sym="loss">
        {target.p === null ? (
          tr('forward.output.noLoss', { char: nameChar(target.char, locale) })
        ) : (
          <>
            {withSubscripts(
              tr('forward.output.loss', {
                char: nameChar(target.char, locale),
                p: formatProbability(target.p),
              }),
            )}
            <strong data-value="loss">{formatValue(loss)}</strong>
            {tr('forward.output.nats')}
          </>
        )}
        {tr(tagger ? 'forward.output.meanTags' : 'forward.output.meanChars', {
          mean: formatValue(result.trace.loss),
          V,
          uniform: formatValue(Math.log(V)),
        })}
      </p>
      <ShowData
        caption={
          tagger
            ? tr('forward.output.tagTable', { t: t + 1 })
            : tr('forward.output.table', { k: TOP_K, t: t + 1 })
        }
        columns={[
          tr('forward.output.columns.rank'),
          tagger ? tr('forward.output.columns.tag') : tr('forward.output.columns.char'),
          tr('forward.output.columns.p'),
          tr('forward.output.columns.percent'),
          tr('forward.output.columns.logit'),
          tagger ? tr('forward.output.columns.trueTag') : tr('forward.output.columns.cameNext'),
        ]}
        rows={rows}
      />
    </section>
  );
}
