// Problems in Simplified Chinese (see ../../../../engine/problems/series.ts).
import type { Shape } from '../../shape';
import type { ProblemTable } from '../../../../engine/problems';

export const seriesCsv: Shape<ProblemTable['seriesCsv']> = {
  empty: '文件是空的。',
  binary: '这看起来是二进制文件，不是 CSV 文本文件。',
  unclosedQuote: '有一个用引号括起的字段缺少结尾的引号。',
  numbersInHeader: '第一行是数字；它应当写出各列的名称（例如“date,value”）。',
  tooManyRows: '文件有 {{rows}} 行；上限是 {{limit}} 行。',
  noNumericColumn: '没有一列只含数字。时间序列需要一个数值列，每行一个值。',
  noSuchColumn: '没有名为“{{column}}”的列。现有的列是：{{columns}}。',
  gap: '第 {{line}} 行的“{{column}}”列没有值：序列在这里有一个缺口。请补上这个值，或在缺口处截断文件。',
  notANumber: '第 {{line}} 行：“{{column}}”列中的“{{cell}}”不是数字。',
  tooLarge: '第 {{line}} 行：{{cell}} 这个数太大了。',
  tooShortToTrain: '序列只有 {{values}} 个值；训练和验证至少需要 {{min}} 个。',
  tooShortToPredict: '序列只有 {{values}} 个值；做一次预测至少需要 {{min}} 个。',
};

export const series: Shape<ProblemTable['series']> = {
  horizon: '预测步数必须是 {{min}} 到 {{max}} 之间的整数（收到的是 {{got}}）。',
  changesOneStep: '学习变化量时只能向前预测一步。',
  tooShortToSplit: '序列太短，无法划分：只有 {{values}} 个值。',
  runFreeOneStep: '自由运行需要一个只向前预测一步的模型。',
  windowTooShort: '验证部分太短，无法逐步查看。',
};
