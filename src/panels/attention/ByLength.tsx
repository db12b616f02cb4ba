// Held-out exact match against input length, one line per attention kind trained with otherwise
// the same choices in this visit: without attention the longest inputs fail first, because the
// whole input must fit in the decoder's first state.
import { ATTENTION_LABELS, BOTTLENECK_NOTE } from '../../content/attention';
import { formatCount, formatPercent } from '../../content/format';
import { ATTENTION_KINDS } from '../../engine/seq2seq/model';
import { compareKey } from '../../store/attention';
import { setAttentionChoice } from '../../store/attentionActions';
import { useAppStore } from '../../store/store';
import { LineChart } from '../../viz/LineChart';
import { ShowData } from '../../viz/ShowData';

const COLORS = {
  additive: 'var(--at-additive)',
  general: 'var(--at-general)',
  dot: 'var(--at-dot)',
  none: 'var(--at-none)',
} as const;

export function AttentionByLength() {
  const info = useAppStore((s) => s.attention.info);
  const compare = useAppStore((s) => s.attention.compare);
  const kind = useAppStore((s) => s.attention.attention);
  if (info === null) return null;
  const runs = compare[compareKey(info.settings)] ?? {};
  const kinds = ATTENTION_KINDS.filter((k) => runs[k] !== undefined);
  const lengths = [...new Set(kinds.flatMap((k) => runs[k]!.byLength.map((b) => b.length)))].sort(
    (a, b) => a - b,
  );
  const other = kind === 'none' ? 'additive' : 'none';
  return (
    <section aria-labelledby="at-length-h">
      <h2 id="at-length-h">Accuracy by input length</h2>
      <p className="at-note">{BOTTLENECK_NOTE}</p>
      {kinds.length === 0 ? (
        <p className="at-note">Train for a few seconds: the scores by length appear here.</p>
      ) : (
        <>
          <LineChart
            label="Held-out exact match by input length, per attention kind"
            xLabel="input length (characters)"
            yLabel="exact match"
            yDomain={[0, 1]}
            series={kinds.map((k) => ({
              label: `${ATTENTION_LABELS[k]} (step ${formatCount(runs[k]!.step)})`,
              xs: runs[k]!.byLength.map((b) => b.length),
              ys: runs[k]!.byLength.map((b) => b.exact),
              color: COLORS[k],
              ...(k === 'none' ? { dash: '5 3' } : {}),
            }))}
          />
          <ShowData
            caption="Held-out exact match by input length"
            columns={['input length', ...kinds.map((k) => ATTENTION_LABELS[k])]}
            rows={() =>
              lengths.map((n) => [
                String(n),
                ...kinds.map((k) => {
                  const b = runs[k]!.byLength.find((x) => x.length === n);
                  return b === undefined ? '–' : `${formatPercent(b.exact)} of ${b.pairs}`;
                }),
              ])
            }
          />
        </>
      )}
      {runs[other] === undefined && (
        <p className="at-note">
          <button type="button" onClick={() => void setAttentionChoice({ attention: other })}>
            {other === 'none' ? 'Now train one without attention' : 'Now train one with attention'}
          </button>{' '}
          (the same task and size; this run is kept, and comes back when you switch back).
        </p>
      )}
    </section>
  );
}
