// Problems in Simplified Chinese (see ../../../../engine/problems/generate.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const generate: Shape<ProblemTable['generate']> = {
  notCharModel: '只有字符模型才能生成文本。',
  notOwnInput: '只有预测自己下一个输入的模型才能延续序列。',
  bidirectional: '双向模型会读取未来；它无法生成。',
  length: '长度无效：{{length}}。',
  startValues: '起始部分需要 {{size}} 的正整数倍个值。',
};
