// The worker's run problems in Simplified Chinese (see ../../../../engine/problems/run.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const run: Shape<ProblemTable['run']> = {
  trainingStopped: '训练已停止：{{reason}}',
  stepTooLong:
    '有一步用了 {{seconds}} 秒，而超过 {{limit}} 秒的步会被拒绝，这样“暂停”才能及时响应。请减小批大小、序列长度、隐藏层大小或层数。',

  noText: '请先选择一段用于训练的文本。',
  noModel: '还没有模型：请先新建或加载一个。',
  fileNotHeld: '这个文件已不再保留；请重新选择它。',
  charactersDiffer: '模型和文本的字符不同。',
  cannotTrain: '这个模型无法在当前文本上训练（字符不同）。请为它新建一个模型。',
  noCheckpoint: '没有可以恢复的检查点。',

  noSeries: '请先选择一个序列。',
  noValidationLoss: '还没有验证损失：请先训练。',
  needNewModel: '{{settings}}：修改这些需要新建模型。',
  noEarlierModel: '没有可以回退到的更早的模型。',
  savedSeriesMismatch: '保存的模型与当前的序列和模型不符。',
  noEncoderDecoder: '还没有编码器–解码器。',
  lrNotPositive: '学习率必须大于 0。',
  batchSize: '批大小必须是 {{min}} 到 {{max}} 之间的整数。',
  savedTaskMismatch: '保存的模型与当前的任务和模型不符。',

  otherSeriesChosen: '在此期间选择了另一个序列或模型。',
  otherTaskChosen: '在此期间选择了另一个任务或模型。',
  checkpointMissing: '检查点缺失或已损坏。',
  checkpointOtherSeries: '这个检查点来自另一个序列或模型：请先选择它们。',
  checkpointOtherTask: '这个检查点来自另一个任务或模型：请先选择它们。',

  noGeneratedText: '没有名为“{{name}}”的生成文本。',
  notCopyTask: '“{{name}}”不是复制任务。',
  lookahead: '前瞻步数必须是 {{min}} 到 {{max}} 之间的整数（收到的是 {{got}}）。',
};
