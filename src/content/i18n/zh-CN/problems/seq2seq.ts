// Problems in Simplified Chinese (see ../../../../engine/problems/seq2seq.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const seq2seqFile: Shape<ProblemTable['seq2seqFile']> = {
  notJson: '不是可用的编码器–解码器模型文件：它不是 JSON。',
  wrongFormat: '不是可用的编码器–解码器模型文件：它的格式不是 “{{format}}”。',
  wrongVersion: '不是可用的编码器–解码器模型文件：本应用不能读取版本 {{version}}。',
  noConfig: '不是可用的编码器–解码器模型文件：它没有配置。',
  badConfig: '不是可用的编码器–解码器模型文件：{{reason}}',
  noVocab: '不是可用的编码器–解码器模型文件：它没有词表。',
  inputCharsSize: '不是可用的编码器–解码器模型文件：输入端的字符必须是含 {{size}} 个字符的列表。',
  outputCharsSize: '不是可用的编码器–解码器模型文件：输出端的字符必须是含 {{size}} 个字符的列表。',
  inputCharsDistinct: '不是可用的编码器–解码器模型文件：输入端的字符必须是互不相同的单个字符。',
  outputCharsDistinct: '不是可用的编码器–解码器模型文件：输出端的字符必须是互不相同的单个字符。',
  task: '不是可用的编码器–解码器模型文件：它的任务不是文本。',
  step: '不是可用的编码器–解码器模型文件：它的步数不是整数。',
  noTensors: '不是可用的编码器–解码器模型文件：它没有张量。',
  extraTensors: '不是可用的编码器–解码器模型文件：它含有这个模型没有的张量：{{tensors}}。',
  missingTensor: '不是可用的编码器–解码器模型文件：缺少 {{tensor}}。',
  badShape: '不是可用的编码器–解码器模型文件：{{tensor}} 的形状应为 [{{shape}}]。',
  badLength: '不是可用的编码器–解码器模型文件：{{tensor}} 应包含 {{size}} 个数。',
  notFinite: '不是可用的编码器–解码器模型文件：{{tensor}}[{{index}}] 不是有限的数。',
};

export const seq2seqConfig: Shape<ProblemTable['seq2seqConfig']> = {
  unknownCell: '未知的单元类型 “{{cell}}”。',
  unknownAttention: '未知的注意力机制 “{{attention}}”。',
  hiddenSize: '隐藏层大小必须是 {{lo}} 到 {{hi}} 之间的整数（实际为 {{value}}）。',
  attentionSize: '注意力层大小必须是 {{lo}} 到 {{hi}} 之间的整数（实际为 {{value}}）。',
  inputSize: '源端词表大小必须是 {{lo}} 到 {{hi}} 之间的整数（实际为 {{value}}）。',
  outputSize: '目标端词表大小必须是 {{lo}} 到 {{hi}} 之间的整数（实际为 {{value}}）。',
  bidirectional: 'bidirectional 必须是 true 或 false。',
  dotBidirectional:
    '点积注意力比较 s_t 与 h_s，所以两者大小必须相同：双向编码器请使用 “general”（一般式）。',
};

export const seq2seqTask: Shape<ProblemTable['seq2seqTask']> = {
  unknown: '未知的序列到序列任务 “{{task}}”；应为以下之一：{{tasks}}。',
  wholeNumber: '{{task}}：{{option}} 必须是 {{lo}} 到 {{hi}} 之间的整数；实际为 {{value}}。',
  tooMany: '{{task}}：trainSize + validationSize 为 {{total}}；上限是 {{limit}}。',
  moreThanHalf:
    '{{task}}：trainSize + validationSize 为 {{total}}，超过了 {{distinct}} 种不同输入的一半；请减少样例数。',
  moreThanHalfLetters:
    '{{task}}：trainSize + validationSize 为 {{total}}，超过了 {{min}}–{{max}} 个字母的 {{distinct}} 种不同输入的一半；请减少样例数或加长输入。',
  moreThanHalfDigits:
    '{{task}}：trainSize + validationSize 为 {{total}}，超过了 {{min}}–{{max}} 位数字的 {{distinct}} 种不同输入的一半；请减少样例数或加长输入。',
};

export const pairs: Shape<ProblemTable['pairs']> = {
  tabs: '应为 INPUT<TAB>OUTPUT，恰好一个制表符；{{line}} 中有 {{tabs}} 个。',
  inputEmptyIn: '{{line}} 中的输入为空。',
  outputEmptyIn: '{{line}} 中的输出为空。',
  inputEmpty: '输入为空。',
  inputUnknownChar: '输入中有 “{{char}}”，模型不认识这个字符。',
  outputUnknownChar: '输出中有 “{{char}}”，模型不认识这个字符。',
};
