// The parts of the view only some experiments have: clipping (E5) and truncation (E7).
import { useTranslation } from 'react-i18next';
import type { ClipResult, TruncationResult } from '../../engine/experiments';
import { ClipScatter } from '../../viz/ClipScatter';
import { formatNorm, formatSignificant } from '../../content/format';
import { ShowData } from '../../viz/ShowData';

export function ClipSection({ clip }: { clip: ClipResult }) {
  const { t } = useTranslation();
  return (
    <section className="gf-clip" aria-labelledby="gf-clip-h">
      <h2 id="gf-clip-h">{t('gradients.clip.heading')}</h2>
      <div className="gf-pair">
        <ClipScatter
          before={clip.before}
          after={clip.after}
          title={t('gradients.clip.scatterTitle')}
          description={t('gradients.clip.scatterDescription', {
            mode: t(`gradients.clip.modes.${clip.mode}`),
            threshold: formatSignificant(clip.threshold),
            cosine: clip.cosine.toFixed(6),
          })}
        />
        <dl className="gf-numbers">
          <dt>{t('gradients.clip.before')}</dt>
          <dd data-testid="clip-before">{formatNorm(clip.normBefore)}</dd>
          <dt>{t('gradients.clip.after')}</dt>
          <dd data-testid="clip-after">{formatNorm(clip.normAfter)}</dd>
          <dt>cos(ĝ, g)</dt>
          <dd data-testid="clip-cosine">{clip.cosine.toFixed(6)}</dd>
          <dt>{t('gradients.clip.changed')}</dt>
          <dd>{(100 * clip.changedFraction).toFixed(1)} %</dd>
        </dl>
      </div>
      <ShowData
        name={t('gradients.clip.tableName')}
        caption={t('gradients.clip.tableCaption')}
        columns={[
          t('gradients.clip.parameter'),
          t('gradients.clip.beforeColumn'),
          t('gradients.clip.afterColumn'),
        ]}
        rows={[
          ...clip.tensors.map((tensor) => [
            tensor.name,
            formatNorm(tensor.before),
            formatNorm(tensor.after),
          ]),
          [t('gradients.clip.all'), formatNorm(clip.normBefore), formatNorm(clip.normAfter)],
        ]}
      />
    </section>
  );
}

export function TruncationSection({
  truncation: tr,
  T,
}: {
  truncation: TruncationResult;
  T: number;
}) {
  const { t } = useTranslation();
  const reached = tr.dependency >= 0 && tr.truncated !== 0;
  const vars = { T, delay: tr.delay, dependency: tr.dependency };
  return (
    <section className="gf-trunc" aria-labelledby="gf-trunc-h">
      <h2 id="gf-trunc-h">{t('gradients.truncation.heading')}</h2>
      <p data-testid="trunc-verdict">
        {tr.dependency < 0
          ? t('gradients.truncation.outside', { delay: tr.delay })
          : reached
            ? t('gradients.truncation.reached', { ...vars, norm: formatNorm(tr.truncated) })
            : t('gradients.truncation.zero', {
                ...vars,
                K: tr.K,
                full: formatNorm(tr.full),
                reach: tr.reach,
              })}
      </p>
    </section>
  );
}
