// Problems in Simplified Chinese (see ../../../../engine/problems/settings.ts): a setting out of
// range in the settings form's own words (../training.ts `refused` and each setting's noun), and
// each setting's form label.
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';
import { training } from '../training';

type Name = keyof typeof training.settings;

/** "<noun><what is wrong>。", as the settings form says it. */
const refused = (name: Name, kind: 'choice' | 'whole' | 'number' | 'range') =>
  training.refused.sentence
    .replace('{{noun}}', training.settings[name].noun)
    .replace('{{problem}}', training.refused[kind]);

const label = (name: Name) => training.settings[name].label;

export const settings: Shape<ProblemTable['settings']> = {
  cellChoice: refused('cell', 'choice'),
  nonlinearityChoice: refused('nonlinearity', 'choice'),
  hiddenSizeWhole: refused('hiddenSize', 'whole'),
  numLayersWhole: refused('numLayers', 'whole'),
  initChoice: refused('init', 'choice'),
  recurrentScaleNumber: refused('recurrentScale', 'number'),
  recurrentScaleRange: refused('recurrentScale', 'range'),
  gateBiasNumber: refused('gateBias', 'number'),
  gateBiasRange: refused('gateBias', 'range'),
  seedWhole: refused('seed', 'whole'),
  seqLenWhole: refused('seqLen', 'whole'),
  batchSizeWhole: refused('batchSize', 'whole'),
  optimizerChoice: refused('optimizer', 'choice'),
  lrNumber: refused('lr', 'number'),
  lrRange: refused('lr', 'range'),
  weightDecayNumber: refused('weightDecay', 'number'),
  weightDecayRange: refused('weightDecay', 'range'),
  clipModeChoice: refused('clipMode', 'choice'),
  clipThresholdNumber: refused('clipThreshold', 'number'),
  clipThresholdRange: refused('clipThreshold', 'range'),

  cell: label('cell'),
  nonlinearity: label('nonlinearity'),
  hiddenSize: label('hiddenSize'),
  numLayers: label('numLayers'),
  init: label('init'),
  recurrentScale: label('recurrentScale'),
  gateBias: label('gateBias'),
  seed: label('seed'),
  seqLen: label('seqLen'),
  batchSize: label('batchSize'),
  optimizer: label('optimizer'),
  lr: label('lr'),
  weightDecay: label('weightDecay'),
  clipMode: label('clipMode'),
  clipThreshold: label('clipThreshold'),

  list2: '{{a}}、{{b}}',
  list3: '{{a}}、{{b}}、{{c}}',
  list4: '{{a}}、{{b}}、{{c}}、{{d}}',
  list5: '{{a}}、{{b}}、{{c}}、{{d}}、{{e}}',
};
