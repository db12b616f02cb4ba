// The "Train it" link: the Training view on a copy task at this experiment's setting. The delay
// is the largest generated one (10, 20, 50) not above the dependency distance (the delay d of the
// truncation preset, else T). Every parameter the preset reads that the Training view has goes
// along: the cell (the one in detail, else the plain RNN), its nonlinearity, H, the recurrent
// matrix (W_hh = s·Q is an orthogonal init times s, N(0, g²/H) a Gaussian one), the gate bias,
// the sequence length (T, or the truncation length K, which is what truncated BPTT unrolls),
// clipping and the seed. What has no counterpart in training is listed, with why.
import type { CorpusId } from '../../content/corpora';
import type { Locale } from '../../content/i18n';
import { PRESET_PARAMS, type GradientParams } from '../../engine/experiments';
import { initialConfig, type ConfigState } from '../../store/config';
import { hrefFor } from '../../store/url';
import { initialState } from '../../store/store';
import { translate } from '../../store/messages';

export const COPY_DELAYS = [10, 20, 50] as const;

/** The copy task's delay for this experiment's setting. */
export function trainItDelay(p: GradientParams): number {
  const distance = p.preset === 'truncation' ? p.delay : p.T;
  return [...COPY_DELAYS].reverse().find((d) => d <= distance) ?? COPY_DELAYS[0];
}

export interface TrainIt {
  readonly href: string;
  readonly config: ConfigState;
  /** What did not come along, and why (in the language asked for). */
  readonly dropped: readonly string[];
}

/** The link for an experiment's setting; `locale`: the language `dropped` is written in. */
export function trainIt(p: GradientParams, locale: Locale = 'en'): TrainIt {
  const reads = (key: keyof GradientParams) => PRESET_PARAMS[p.preset].includes(key);
  const delay = trainItDelay(p);
  const cell = reads('cell') ? p.cell : 'rnn';
  const dropped: string[] = [];
  const config: ConfigState = {
    ...initialConfig(),
    corpus: `copy${delay}` as CorpusId,
    cell,
    hiddenSize: p.H,
    seqLen: p.preset === 'truncation' ? p.trunc : p.T,
    seed: p.seed,
  };
  if (reads('nonlinearity') && cell === 'rnn') {
    if (p.nonlinearity === 'tanh' || p.nonlinearity === 'relu')
      config.nonlinearity = p.nonlinearity;
    else
      dropped.push(
        translate(locale, 'gradients.trainIt.dropped.nonlinearity', {
          nonlinearity: translate(locale, `gradients.nonlinearities.${p.nonlinearity}`),
        }),
      );
  }
  if (reads('s')) Object.assign(config, { init: 'orthogonal', recurrentScale: p.s });
  if (reads('g')) Object.assign(config, { init: 'normal', recurrentScale: p.g });
  if (reads('lambda')) dropped.push(translate(locale, 'gradients.trainIt.dropped.nonnormal'));
  if (cell === 'lstm' && reads('bf')) config.gateBias = p.bf;
  if (cell === 'gru' && reads('bz')) config.gateBias = p.bz;
  if (reads('clipMode')) Object.assign(config, { clipMode: p.clipMode, clipThreshold: p.clip });
  if (reads('inputScale')) dropped.push(translate(locale, 'gradients.trainIt.dropped.inputScale'));
  const state = { ...initialState(), config };
  return { href: hrefFor('train', state), config, dropped };
}
