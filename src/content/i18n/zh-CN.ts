// The interface's words in Simplified Chinese, with the same keys as en.ts. The standard terms:
// 前向传播 (forward pass), 梯度流 (gradient flow), 时间序列 (time series), 序列标注 (tagging),
// 注意力机制 (attention). Symbols of equations stay as they are.
import type { Messages } from './en';
import { forward } from './zh-CN/forward';
import { training } from './zh-CN/training';
import { gradients } from './zh-CN/gradients';
import { series } from './zh-CN/series';
import { tagging } from './zh-CN/tagging';
import { viz } from './zh-CN/viz';
import { notices } from './zh-CN/notices';

export const zhCN: Messages = {
  forward,
  training,
  gradients,
  series,
  tagging,
  viz,
  notices,

  shell: {
    brand: 'Unrolled',
    skip: '跳到正文',
    mainNav: '主导航',
    loading: '加载中…',
    footer: '完全在你的浏览器中运行。',
    language: '语言',
    toDark: '切换到深色主题',
    toLight: '切换到浅色主题',
    dismiss: '关闭',
  },
  engine: {
    starting: '正在启动引擎…',
    ready: '引擎就绪（{{engine}}）',
    readyNote: '引擎就绪（{{engine}}）；{{note}}',
    restarting: '引擎{{reason}}；正在重启…',
  },
  views: {
    forward: { label: '前向传播', heading: '前向传播', title: '前向传播 — Unrolled' },
    train: { label: '训练', heading: '训练', title: '训练 — Unrolled' },
    gradients: { label: '梯度流', heading: '梯度流', title: '梯度流 — Unrolled' },
    series: { label: '时间序列', heading: '时间序列', title: '时间序列 — Unrolled' },
    tagging: { label: '序列标注', heading: '序列标注', title: '序列标注 — Unrolled' },
    attention: { label: '注意力机制', heading: '注意力机制', title: '注意力机制 — Unrolled' },
    about: { label: '关于', heading: '关于 Unrolled', title: '关于 — Unrolled' },
  },
  attention: {
    intro:
      '没有注意力机制时，编码器必须把整个输入压进一个固定大小的状态，解码器只能凭它写出每个字符。注意力机制让每个输出步都能回看所有输入位置：为它们打分，把分数变成总和为 1 的权重，再读取加权和。',
    bottleneck:
      '按输入长度统计的准确率：没有注意力机制时，输入越长准确率越低，因为一个固定大小的状态要装下越来越多的内容；有注意力机制时准确率保持很高，因为每一步都能查到它需要的位置。',
    kinds: {
      none: {
        label: '无（固定大小的状态）',
        note: '解码器从编码器的最后一个状态出发，之后不再查看输入，因此这一个向量必须承载整个输入。',
      },
      additive: {
        label: '加性（Bahdanau）',
        note: '每一步之前，解码器用一个小网络根据它的上一个状态和各位置的编码器状态为每个输入位置打分，再读取编码器状态的加权和。',
      },
      general: {
        label: '一般式（Luong）',
        note: '每一步之后，解码器通过一个学习得到的矩阵把新状态与每个编码器状态比较，再把加权和融入它的输出。',
      },
      dot: {
        label: '点积（Luong）',
        note: '与一般式相同，但分数就是解码器状态与编码器状态的点积：没有权重，所以两者大小必须相同（单向编码器）。',
      },
    },
    tasks: {
      dates: {
        label: '日期',
        note: '把用多种格式书写的日期改写为 YYYY-MM-DD（27 November 2026 → 2026-11-27）：年份的数字应关注输入中的年份，月份应关注月份名称。',
      },
      reverse: {
        label: '倒序',
        note: '把字母倒过来写（attention → noitnetta）：注意力图应是反对角线。',
      },
      sort: {
        label: '字母排序',
        note: '按字母表顺序写出字母（encoder → cdeenor）：每个输出应关注该字母在输入中的某次出现。',
      },
      add: {
        label: '加法',
        note: '两个数相加（123+45 → 168）：数字从右往左读，带进位。',
      },
    },
    controls: {
      label: '任务与模型',
      task: '任务',
      inputLength: '输入长度从',
      digits: '每个数的位数从',
      to: '到',
      attention: '注意力机制',
      cell: '单元',
      hidden: '隐藏层大小',
      hiddenHelp: '编码器和解码器状态的单元数',
      bidirectional: '双向编码器',
      bidirectionalHelp: '编码器从两个方向读取输入；点积注意力需要单向编码器（大小必须一致）',
      train: '训练',
      resume: '继续',
      pause: '暂停',
      step: '单步',
      stepHelp: '在一个批次上训练一步',
      reset: '重置',
      resetHelp: '用相同的选择新建模型，从第 0 步开始',
      generating: '正在生成样本对…',
      status: '第 {{step}} 步',
      speed: '每秒 {{speed}} 步',
      parameters: '{{count}} 个参数',
      pairs: '{{count}} 个训练样本对',
    },
    decoding: {
      heading: '解码器在看哪里',
      example: '留出样本',
      yourInput: '你的输入',
      own: '你自己的输入',
      decode: '解码',
      back: '回到样本',
      nothing: '（空）',
      right: ' ✓ 正确',
      wrong: ' ✗ 正确答案是 ',
      when: '（第 {{step}} 步）',
      matrix: '每个输出字符对输入的注意力',
      noMatrix:
        '没有注意力机制就没有矩阵可画：每个输出字符都只由解码器的状态写出，而这个状态起初就是编码器的最后一个状态。整个输入必须装进这 {{size}} 个数里。',
      rows: '第 t 行是 α_t：输出步 t 对每个输入字符的关注程度（每行总和为 1）。选一行，在下方查看这一步的细节。',
    },
    step: {
      heading: '解码器的一步',
      group: '解码步',
      previous: '← 上一步',
      next: '下一步 →',
      line: '第 {{t}} 步，共 {{T}} 步：读入“{{read}}”，写出“{{written}}”',
      start: '⟨开始⟩',
      lines: '输出步 {{t}} 对输入的注意力',
      context: '上下文向量',
      contextRow: '上下文',
      nextChar: '下一个字符',
      equations: '这一步的公式及其数值',
    },
    curves: {
      heading: '学习过程',
      loss: '每个输出字符的训练损失与留出集损失',
      lossAxis: '损失（nats/字符）',
      step: '步数',
      training: '训练（平滑）',
      heldOut: '留出集',
      scores: '留出集的完全匹配率与字符正确率',
      share: '正确比例',
      exact: '完全匹配',
      chars: '字符',
      none: '按“训练”：留出集的分数每隔几秒出现在这里。',
      verdict: '第 {{step}} 步：留出输入中 {{exact}} 完全正确，字符正确率 {{chars}}。',
    },
    length: {
      heading: '按输入长度统计的准确率',
      wait: '训练几秒钟：按长度统计的分数会出现在这里。',
      chart: '各注意力类型在不同输入长度上的留出集完全匹配率',
      axis: '输入长度（字符）',
      exact: '完全匹配',
      series: '{{kind}}（第 {{step}} 步）',
      table: '按输入长度统计的留出集完全匹配率',
      column: '输入长度',
      cell: '{{pairs}} 个中 {{share}}',
      trainNone: '现在训练一个没有注意力机制的模型',
      trainWith: '现在训练一个有注意力机制的模型',
      kept: '（同样的任务和大小；当前这次训练会保留，切换回来时即可恢复。）',
    },
    diverged: '回到第 {{step}} 步的模型并继续训练',
    equations: '引擎运行的公式',
    export: {
      heading: '导出到 PyTorch',
      note: '模型文件按 PyTorch 模块的参数名保存每个权重。脚本会重建模型、读取文件，对你以 <code>INPUT\\tOUTPUT</code> 形式给出的样本打印损失和注意力（与这里的数值相同），并可用 <code>--train pairs.tsv --save</code> 继续训练。',
      model: '下载模型文件',
      script: '下载 PyTorch 脚本',
    },
  },
  checkpoints: {
    heading: '检查点',
    name: '名称',
    placeholder: '例如：调小学习率之前',
    save: '保存检查点',
    list: '这组{{same}}的检查点',
    item: '{{name}}：第 {{step}} 步，保存于 {{time}}',
    load: '载入',
    loadLabel: '载入 {{name}}',
    delete: '删除',
    deleteLabel: '删除 {{name}}',
    really: '确定删除？',
    reallyLabel: '确定删除 {{name}}',
    note: '检查点保存模型、步数、优化器状态和曲线，只存在这个浏览器中。它只能载入到相同的{{same}}设置上。',
    others_one: '另有 {{count}} 个来自其他设置，选中那些设置时会显示。',
    others_other: '另有 {{count}} 个来自其他设置，选中那些设置时会显示。',
    seriesSame: '序列和模型',
    attentionSame: '任务和模型',
    restored: '已恢复你在第 {{step}} 步的训练（自动保存于 {{time}}）。',
    saved: '已于 {{time}} 在本浏览器中自动保存（第 {{step}} 步）；重新加载页面会恢复这次训练。',
  },
  about: {
    intro:
      'Unrolled 让你在循环神经网络运行时看清它的内部——普通循环神经网络（RNN）、长短期记忆网络（LSTM）和门控循环单元（GRU）。循环神经网络一次读取序列的一步，并把隐藏状态从每一步传到下一步；沿时间把它“展开”，就能把这些步骤并排摆开，一步一步地查看。',
    howTo: '使用方法',
    uses: {
      forward:
        '<b>前向传播：</b>看网络逐个时间步读取一段文字，观察它的各个门、细胞状态和对下一个字符的猜测；再沿时间反向回溯，看每个权重的梯度如何逐步累加（随时间反向传播，BPTT）。',
      train: '<b>训练：</b>在浏览器中实时训练一个小型字符级模型，看它从噪声学会写出像样的文字。',
      gradients: '<b>梯度流：</b>拖动滑块让梯度消失或梯度爆炸，并看清门控单元为何有帮助。',
      series:
        '<b>时间序列：</b>用均方误差预测一条实测序列的下一个值，并与每个预测模型都必须胜过的基线比较。',
      tagging: '<b>序列标注：</b>在“由未来决定标签”的任务上，让只看过去的模型与双向模型同场比赛。',
      attention:
        '<b>注意力机制：</b>训练一个编码器–解码器来改写日期，看每个输出步在输入中关注哪里。',
    },
    ideaHeading: '一句话讲清核心思想',
    ideaLead: '长短期记忆网络（LSTM）保存一个细胞状态，每一步都部分遗忘、部分改写它：',
    ideaDetail:
      '其中 <f/> 是遗忘门，<i/> 是输入门，<g/> 是候选值，<odot/> 表示逐元素相乘。由于旧状态经过的是加法而不是压缩函数，梯度可以沿时间回传许多步。',
    keyboardHeading: '键盘操作',
    keyboard:
      '所有功能都可以用键盘完成。Tab 和 Shift+Tab 在链接与控件之间移动，Enter 打开链接，Enter 或空格键按下按钮。页面上的第一次 Tab 会出现“跳到正文”链接。浏览器的后退和前进按钮可在视图之间切换，每个视图都有自己的地址，可以收藏或分享。',
    creditsHeading: '致谢与许可',
    data: '数据',
    libraries: '程序库',
    licence: '许可：{{licence}}',
    own: 'Unrolled 本身采用 MIT 许可证。',
  },
};
