// "Train it": the link to the Training view at this experiment's setting, with what it carries
// and what has no counterpart in training.
import { SETTINGS } from '../../engine/settingsTable';
import type { GradientParams } from '../../engine/experiments';
import { useGradientWords } from './locale';
import { trainIt } from './trainIt';

export function TrainItLink({ params }: { params: GradientParams }) {
  const { t, locale } = useGradientWords();
  const { href, config, dropped } = trainIt(params, locale);
  const cell = SETTINGS.cell.labels[config.cell];
  const parts = [
    config.cell === 'rnn'
      ? t('gradients.trainIt.cellWith', {
          cell,
          nonlinearity: SETTINGS.nonlinearity.labels[config.nonlinearity],
        })
      : cell,
    t('gradients.trainIt.hidden', { H: config.hiddenSize }),
    t('gradients.trainIt.seqLen', { n: config.seqLen }),
    config.init === 'default'
      ? t('gradients.trainIt.initDefault')
      : t(`gradients.trainIt.init.${config.init}`, { scale: config.recurrentScale }),
    ...(config.gateBias !== null
      ? [
          t('gradients.trainIt.gateBias', {
            name: config.cell === 'lstm' ? 'b_f' : 'b_z',
            value: config.gateBias,
          }),
        ]
      : []),
    config.clipMode === 'none'
      ? t('gradients.trainIt.noClipping')
      : t(`gradients.trainIt.clipping.${config.clipMode}`, { threshold: config.clipThreshold }),
    t('gradients.trainIt.seed', { seed: config.seed }),
  ];
  const delay = config.corpus.replace('copy', '');
  return (
    <div className="gf-train-it">
      <p>
        <a className="gf-train" href={href}>
          {t('gradients.trainIt.link')}
        </a>
        <span className="gf-hint">{t('gradients.trainIt.hint', { delay })}</span>
      </p>
      <p className="gf-hint" data-testid="train-it-carries">
        {t('gradients.trainIt.carries', { parts: parts.join(t('gradients.trainIt.partsJoin')) })}
        {dropped.length > 0 &&
          t('gradients.trainIt.notCarried', {
            dropped: dropped.join(t('gradients.trainIt.droppedJoin')),
          })}
      </p>
    </div>
  );
}
