// Held-out exact match against input length, one line per attention kind trained with otherwise
// the same choices in this visit: without attention the longest inputs fail first, because the
// whole input must fit in the decoder's first state.
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      <h2 id="at-length-h">{t('attention.length.heading')}</h2>
      <p className="at-note">{t('attention.bottleneck')}</p>
      {kinds.length === 0 ? (
        <p className="at-note">{t('attention.length.wait')}</p>
      ) : (
        <>
          <LineChart
            label={t('attention.length.chart')}
            xLabel={t('attention.length.axis')}
            yLabel={t('attention.length.exact')}
            yDomain={[0, 1]}
            series={kinds.map((k) => ({
              label: t('attention.length.series', {
                kind: t(`attention.kinds.${k}.label`),
                step: formatCount(runs[k]!.step),
              }),
              xs: runs[k]!.byLength.map((b) => b.length),
              ys: runs[k]!.byLength.map((b) => b.exact),
              color: COLORS[k],
              ...(k === 'none' ? { dash: '5 3' } : {}),
            }))}
          />
          <ShowData
            caption={t('attention.length.table')}
            columns={[
              t('attention.length.column'),
              ...kinds.map((k) => t(`attention.kinds.${k}.label`)),
            ]}
            rows={() =>
              lengths.map((n) => [
                String(n),
                ...kinds.map((k) => {
                  const b = runs[k]!.byLength.find((x) => x.length === n);
                  return b === undefined
                    ? '–'
                    : t('attention.length.cell', {
                        share: formatPercent(b.exact),
                        pairs: formatCount(b.pairs),
                      });
                }),
              ])
            }
          />
        </>
      )}
      {runs[other] === undefined && (
        <p className="at-note">
          <button type="button" onClick={() => void setAttentionChoice({ attention: other })}>
            {other === 'none' ? t('attention.length.trainNone') : t('attention.length.trainWith')}
          </button>{' '}
          {t('attention.length.kept')}
        </p>
      )}
    </section>
  );
}
