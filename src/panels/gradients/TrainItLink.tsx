// "Train it": the link to the Training view at this experiment's setting, with what it carries
// and what has no counterpart in training.
import { SETTINGS } from '../../engine/settingsTable';
import type { GradientParams } from '../../engine/experiments';
import { trainIt } from './trainIt';

export function TrainItLink({ params }: { params: GradientParams }) {
  const { href, config, dropped } = trainIt(params);
  const cell = SETTINGS.cell.labels[config.cell];
  const parts = [
    config.cell === 'rnn' ? `${cell} (${SETTINGS.nonlinearity.labels[config.nonlinearity]})` : cell,
    `H = ${config.hiddenSize}`,
    `sequence length ${config.seqLen}`,
    config.init === 'default'
      ? 'W_hh as PyTorch draws it'
      : `${SETTINGS.init.labels[config.init].toLowerCase()} W_hh × ${config.recurrentScale}`,
    ...(config.gateBias !== null
      ? [`${config.cell === 'lstm' ? 'b_f' : 'b_z'} = ${config.gateBias}`]
      : []),
    config.clipMode === 'none'
      ? 'no clipping'
      : `clipping ${SETTINGS.clipMode.labels[config.clipMode].toLowerCase()} at ${config.clipThreshold}`,
    `seed ${config.seed}`,
  ];
  const delay = config.corpus.replace('copy', '');
  return (
    <div className="gf-train-it">
      <p>
        <a className="gf-train" href={href}>
          Train it: a long-memory task at this setting
        </a>{' '}
        <span className="gf-hint">
          (copy a letter after a delay of {delay} steps; a plain RNN fails where an LSTM copes)
        </span>
      </p>
      <p className="gf-hint" data-testid="train-it-carries">
        Carries {parts.join(', ')}.{dropped.length > 0 && ` Not carried: ${dropped.join('; ')}.`}
      </p>
    </div>
  );
}
