// The text and vocabulary problems in Simplified Chinese (see ../../../../engine/problems/text.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const text: Shape<ProblemTable['text']> = {
  empty: '文本为空。请粘贴或上传一些文本供模型学习。',
  tooLong: '文本太长：{{length}} 个字符；上限是 {{limit}}。',
  nul: '这看起来是二进制文件（含有 NUL 字节），不是文本。',
  control: '这看起来是二进制文件，不是文本：其中 {{control}} 个字符是控制符或无法解码的字节。',
  oneChar: '文本只有一种字符；模型至少需要两种字符才能学到东西。',
  tooShort: '文本太短：{{length}} 个字符；至少需要 {{min}} 个。',
  tooShortToSplit:
    '文本太短，无法划分：{{length}} 个字符中 {{train}} 个用于训练，{{validation}} 个用于验证；每部分至少需要 2 个。',
  tooShortForBatches:
    '文本太短，不够 {{streams}} 条长 {{steps}} 个字符的数据流：它有 {{length}} 个字符，至少需要 {{needed}} 个（B·T + 1）。请减少数据流、缩短片段或提供更多文本。',
  fewWords: '文本中的词太少，无法学会词在哪里结束。',
  tooLittleData: '数据太少，无法划分：只有 {{positions}} 个位置。',
  tooLittleForWindows: '数据太少，不够长度为 {{steps}} 的窗口：只有 {{positions}} 个位置。',
};

export const vocab: Shape<ProblemTable['vocab']> = {
  emptyText: '文本为空：字符模型需要一些文本来学习。',
  tooManyInText: '文本有 {{distinct}} 种不同的字符；上限是 {{limit}}。',
  empty: '词表为空。',
  tooMany: '词表有 {{size}} 个字符；上限是 {{limit}}。',
  notOneChar: '词表第 {{index}} 项（{{entry}}）不是恰好一个字符。',
  repeats: '词表第 {{index}} 项重复了字符 {{char}}。',
  unknownChar: '位置 {{position}} 的字符 {{char}} 不在模型的词表中。',
  idOutside: '位置 {{position}} 的编号 {{id}} 超出了 {{size}} 个字符的词表。',
};
