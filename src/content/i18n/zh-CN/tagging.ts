// The tagging words in Simplified Chinese, with the same keys as ../en/tagging.ts.
import type { Shape } from '../shape';
import type { tagging as en } from '../en/tagging';

export const tagging: Shape<typeof en> = {
  intro:
    '语言模型必须从左往右读：它要预测接下来是什么。标注器给一段已经存在的文本打标签，所以可以先把全文读完。双向循环神经网络正是这样做的：一层从左往右读，另一层从右往左读，每一步的标签由两者共同给出。下面，一个单向（仅正向）模型和一个双向模型在同一任务上比赛：参数预算相同，批次完全相同，就在本页的后台线程中实时训练。',
  tasks: {
    spaces: {
      label: '把空格放回去',
      intro:
        '把 Tiny Shakespeare 中所有空格和换行都去掉：“FirstCitizen:Beforeweproceed…”。模型逐个字符读入，给每个字符标上“词尾”或“词内”。一个词是否在“s”处结束，取决于后面的字母（“Citizens”还是“Citizen’s…”），所以能先读完整个窗口的模型应当明显胜出。',
    },
    future: {
      label: '用未来打标签',
      intro:
        '随机字母 a–d，每个字母的标签是它之后第 k 步的字母。答案只由未来决定：单向模型只读过过去，最多只能靠猜（四分之一）；同时反向读的模型在 k 步之外就能找到答案。',
    },
  },
  controls: {
    task: '任务',
    lookahead: '前瞻步数 k',
    lookaheadHelp: '每个字母的标签是它之后这么多步的字母。',
    cell: '单元类型',
    layers: '层数',
    layersHelp: '两层堆叠：第二层在同一步读入第一层的输出（双向模型为 2H 个值，[h→; h←]）。',
    start: '开始',
    resume: '继续',
    pause: '暂停',
    reset: '重置',
  },
  status: {
    stopped: '比赛已停止：{{error}}',
    at: '第 {{step}} 步，共 {{max}} 步',
    finished: '已完成：{{at}}。',
    racing: '比赛中：{{at}}。',
    racingSpeed: '比赛中：{{at}}，每秒 {{speed}} 步。',
    paused: '已暂停：{{at}}。',
    ready: '就绪：请按“开始”。',
  },
  race: {
    heading: '比赛',
    intro:
      '两个模型看到完全相同的批次（{{batch}} 个长度为 {{seqLen}} 个字符的窗口，Adam 优化器，学习率 {{lr}}，梯度裁剪到范数 {{clip}}），最多训练 {{maxSteps}} 步。每隔 {{evalEvery}} 步，两者都在一段从未训练过的文本的前 {{positions}} 个字符上评分，窗口长度为 64。',
    models: '两个模型',
  },
  racer: {
    forward: '单向 {{layers}}{{cell}}，H = {{hidden}}，{{parameters}} 个参数',
    bidirectional: '双向 {{layers}}{{cell}}，每个方向 H = {{hidden}}，{{parameters}} 个参数',
    layers: '{{n}} 层 ',
  },
  charts: {
    stepAxis: '训练步数（两个模型）',
    f1: '验证文本上词尾的 F1',
    f1Axis: '词尾的 F1',
    accuracy: '验证文本上的准确率',
    accuracyAxis: '准确率',
    loss: '验证损失',
    lossAxis: '损失（奈特/字符）',
    chance: '总是“词内”',
    guess: '猜测',
    versus: ' 对 ',
    titled: '{{title}}：{{versus}}',
    lossNote:
      '损失是标签的平均交叉熵，单位为每字符奈特，与 PyTorch 的 CrossEntropyLoss 计算方式相同。灰线是忽略上下文的标注器的得分：“标签频率”按每个标签在训练文本中出现的频率来猜，“仅当前字符”只看当前这一个字符（在训练文本上统计）。模型必须低于这两条线，才算用上了它读到的内容。',
    table: '每个模型在验证文本上的{{what}}，每 {{every}} 步一次',
    tableF1: '词尾 F1',
    tableAccuracy: '准确率',
    tableLoss: '损失',
    step: '步数',
  },
  baselines: {
    prior: '标签频率',
    unigram: '仅当前字符',
  },
  sample: {
    heading: '验证文本的标注结果',
    none: '开始比赛，即可看到两个模型如何标注验证文本。',
    at: '第 {{step}} 步。',
    marked: '标记：',
    between: '；',
    end: '。',
    future: '第一行是两个模型读入的内容；下面是每个模型给出的标签。',
    grey: '；灰色：窗口内没有答案，不计分。',
    summaryFuture: '{{pct}} % 的字母正确。',
    summarySpaces:
      '{{pct}} % 的字符标注正确，漏掉 {{missed}} 个词尾，在不该有空格的地方放了 {{extra}} 个空格。',
    caption: '{{racer}}：{{summary}}',
  },
  legend: {
    missed: '模型漏掉的词尾',
    extra: '模型放在不该有空格处的空格',
    wrong: '错误的字母',
  },
  equations: {
    heading: '双向层及其标注器',
    note: '箭头表示方向，而不是不同的单元：每个方向有自己的权重（PyTorch 把反向的权重命名为 weight_ih_l0_reverse、weight_hh_l0_reverse 等）和自己的状态，都在窗口的各自一端从零开始。标签的 softmax 把两个状态并排读入，共 2H 个数。单向模型只有第一行，它的输出层读入 H 个数；为了用上同样多的参数，它的 H 更大。',
    stepLink: '在“前向传播”视图中逐步查看一个训练好的两层双向标注器',
    stepNote: '：两行状态、从中读出的标签，以及带有其数值的这些公式。',
  },
  errors: {
    text: '无法加载文本（HTTP {{status}}）。',
  },
};
