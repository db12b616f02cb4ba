// The gradients words in Simplified Chinese, with the same keys as ../en/gradients.ts.
import type { Shape } from '../shape';
import type { gradients as en } from '../en/gradients';

export const gradients: Shape<typeof en> = {
  intro:
    '拖动滑块，让梯度在沿时间反向流动时消失或爆炸。每条曲线都是网络雅可比矩阵的真实乘积，由引擎计算；理论画在上面，而解决办法只需点一下。',
  setup: {
    heading: '实验',
    presets: '实验',
    failed: '引擎无法完成这次计算：',
    computing: '计算中…',
    computed: '引擎用时 {{ms}} 毫秒算完。',
  },
  presets: {
    scale: {
      label: '循环缩放系数',
      description:
        'W_hh = s·Q，其中 Q 为正交矩阵。对线性单元（或输入为零的 tanh 单元），每一步都把梯度恰好乘以 s，所以 ‖∂h_T/∂h_0‖ = s^T：在对数坐标轴上是一条直线。把 s 调过 1，这条线就从梯度消失转为梯度爆炸；给 tanh 单元加上输入，饱和会把它压下来。',
    },
    gain: {
      label: '随机增益',
      description:
        'W_hh 从 N(0, g²/H) 中随机抽取。它的谱半径约为 g，而最大奇异值约为 2g，所以这个上界并不紧：消失与爆炸的分界在 g = 1 附近。加上输入，看看饱和如何抑制增长。',
    },
    cells: {
      label: 'RNN、LSTM、GRU',
      description:
        '三种单元处理同一段输入，都采用 PyTorch 的默认初始化。调高 LSTM 的遗忘门偏置 b_f 或 GRU 的更新门偏置 b_z：门控会打开一条通路，通路上的因子就是门本身，而不是与 W_hh 的乘积。',
    },
    carousel: {
      label: '只看门控',
      description:
        '同样三种单元，但 W_hh = 0 且输入为零：门不再依赖 h，于是 LSTM 的细胞状态通路恰好是 σ(b_f)^T，GRU 的通路是 σ(b_z)^T，而 RNN 立刻就遗忘了。',
    },
    clip: {
      label: '梯度裁剪',
      description:
        's > 1 的线性 RNN 会梯度爆炸。按范数裁剪整个梯度，它会变小但方向不变（余弦为 1）；按值逐个元素裁剪，方向则可能改变。',
    },
    nonnormal: {
      label: '非正规 W_hh',
      description:
        'W = [[λ, α], [0, λ]]（分块）：每个特征值都是 λ < 1，但 ‖W^k‖ = ‖[[λ^k, kαλ^(k−1)], [0, λ^k]]‖ 先增大、后衰减。谱半径决定长期走向，σ_max 决定最坏的一步。',
    },
    truncation: {
      label: '截断 BPTT',
      description:
        '像 char-rnn 那样，以 K 步为一段做反向传播：第 T 步的损失传不出它所在段的起点，一点梯度都没有。往回 d 步的依赖，只要 d ≥ K，得到的梯度就恰好为零，与单元类型无关。',
    },
  },
  params: {
    s: '循环缩放系数 s',
    g: '增益 g',
    T: '序列长度 T',
    H: '隐藏层大小 H',
    nonlinearity: '非线性函数',
    inputScale: '输入缩放',
    bf: 'LSTM 遗忘门偏置 b_f',
    bz: 'GRU 更新门偏置 b_z',
    cell: '详细查看的单元',
    clipMode: '裁剪方式',
    clip: '阈值 θ',
    lambda: '特征值 λ',
    alpha: '非对角元 α',
    trunc: '截断长度 K',
    delay: '依赖距离 d',
    seed: '随机种子',
  },
  hints: {
    s: 'W_hh = s·Q',
    g: 'W_hh ~ N(0, g²/H)',
    inputScale: '0 表示输入为零',
  },
  hint: '（{{hint}}）',
  logScale: '{{label}}（对数刻度）',
  nonlinearities: {
    linear: '线性',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    relu: 'ReLU',
  },
  clipModes: {
    none: '不裁剪',
    norm: '按范数',
    value: '按值',
  },
  flow: {
    heading: '反向流动的梯度',
    chartTitle: '展开序列上的梯度范数（对数刻度）',
    chartDescription: '从第 {{T}} 步的损失一直回到初始状态。{{values}}。',
    atZero: '{{label}}：k = 0 处为 {{value}}',
    join: '；',
    bound: '上界 {{formula}}',
    replay: '重放反向流动',
    tableName: '梯度范数',
    tableCaption: '从第 {{T}} 步反向流动的梯度范数（4 位有效数字）',
    exact: '精确值：{{label}}',
  },
  series: {
    full: '‖∂ℓ_T/∂h_k‖，完整 BPTT',
    truncated: '‖∂ℓ_T/∂h_k‖，在 K = {{K}} 处截断',
  },
  identities: {
    label: '精确恒等式',
    line: '：理论值 {{theory}}，引擎 {{engine}} {{verdict}}',
    zeroStates: '梯度恰好为零的状态数',
    cosine: '按范数裁剪时的 cos(ĝ, g)',
    powerNorm: 'T = {{T}} 时的 ‖W^T‖',
    verdict: {
      equal: '✓ 相等',
      differ: '✗ 不相等',
      belowRange: '两者都小于 1e-308（双精度浮点数能表示的最小值）',
      aboveRange: '两者都大于 1.8e308（双精度浮点数能表示的最大值）',
    },
  },
  spectrum: {
    headingW: 'W_hh 的特征值',
    headingJ: '最后一步雅可比矩阵的特征值（{{n}}×{{n}}）',
    plotTitle: '复平面上的特征值与单位圆',
    plotDescription: '谱半径 {{radius}}；最大奇异值 {{max}}，最小奇异值 {{min}}。',
    radius: '谱半径 ρ',
    tableName: '特征值',
    tableCaption: '特征值（实部、虚部、模）',
  },
  map: {
    heading: '每一对 (t, k) 的 ‖∂h_t/∂h_k‖',
    label: '热力图：从每个损失步 t（行）到每个状态 k（列）的梯度范数，对数色阶，共 {{rows}} 行。',
    note: '第 t 行从 h_t 反向传播一个随机单位向量 u_t：颜色表示 ‖u_tᵀ ∂h_t/∂h_k‖，即损失 u_t·h_t 传给 h_k 的梯度。它不超过 ‖∂h_t/∂h_k‖₂，当乘积的所有奇异值都相等时（例如 s·Q）两者相等。序列较长时只显示部分行。',
    tableName: '雅可比热力图',
    tableCaption: '按损失步 t（行）和状态 k（列）列出的 ‖u_tᵀ ∂h_t/∂h_k‖',
    tableCaptionEvery:
      '按损失步 t（行）和状态 k（列，每 {{every}} 个 k 取一个）列出的 ‖u_tᵀ ∂h_t/∂h_k‖',
  },
  theory: {
    heading: '为什么',
    jacobian: '单步雅可比矩阵',
    product: '随时间的连乘',
    bound: '代入数值的上界',
    note: '激活函数的导数从不超过 1：tanh′(a) = 1 − tanh²(a) ≤ 1，σ′(a) = σ(a)(1 − σ(a)) ≤ ¼，ReLU′ ∈ {0, 1}。所以非线性函数只会让梯度变小，爆炸来自 W_hh。σ_max(W_hh) < 1/γ 足以导致梯度消失；σ_max > 1/γ 是梯度爆炸的必要条件，但不是充分条件（Pascanu、Mikolov 和 Bengio，2013）。',
  },
  clip: {
    heading: '裁剪前后',
    scatterTitle: 'dL/dW_hh 的每个元素：裁剪前（横轴）与裁剪后（纵轴）',
    scatterDescription: '方式：{{mode}}，阈值 {{threshold}}。两个梯度之间的余弦为 {{cosine}}。',
    modes: { none: '不裁剪', norm: '按范数', value: '按值' },
    before: '裁剪前 ‖g‖',
    after: '裁剪后 ‖ĝ‖',
    changed: '被改变的元素',
    tableName: '裁剪',
    tableCaption: '每个参数在裁剪前后的梯度范数',
    parameter: '参数',
    beforeColumn: '裁剪前',
    afterColumn: '裁剪后',
    all: '全部（全局）',
  },
  truncation: {
    heading: '这个依赖能得到梯度吗？',
    outside: '这个依赖（往回 {{delay}} 步）落在序列开始之前；请增大 T。',
    reached:
      '第 {{T}} 步的损失能到达往回 {{delay}} 步的 h_{{dependency}}：‖∂ℓ_T/∂h_{{dependency}}‖ = {{norm}}（与完整 BPTT 相同）。',
    zero: '恰好为零：分段长度 K = {{K}} 时，第 {{T}} 步的损失传不到往回 {{delay}} 步的 h_{{dependency}}（完整 BPTT 会传回 {{full}}）。反向传播止于 h_{{reach}}。',
  },
  trainIt: {
    link: '训练它：在这个设置下学习一个需要长期记忆的任务',
    hint: '（隔 {{delay}} 步后复制一个字母；普通 RNN 做不到，LSTM 能应付）',
    carries: '带到训练视图的设置：{{parts}}。',
    notCarried: '未带上的：{{dropped}}。',
    partsJoin: '，',
    droppedJoin: '；',
    cellWith: '{{cell}}（{{nonlinearity}}）',
    hidden: 'H = {{H}}',
    seqLen: '序列长度 {{n}}',
    initDefault: 'PyTorch 默认抽取的 W_hh',
    init: {
      orthogonal: '正交 W_hh × {{scale}}',
      normal: '高斯 W_hh × {{scale}}',
      identity: '单位矩阵（IRNN）W_hh × {{scale}}',
    },
    gateBias: '{{name}} = {{value}}',
    noClipping: '不裁剪',
    clipping: {
      norm: '按范数裁剪，阈值 {{threshold}}',
      value: '按值裁剪，阈值 {{threshold}}',
    },
    seed: '随机种子 {{seed}}',
    dropped: {
      nonlinearity: '非线性函数“{{nonlinearity}}”（训练视图的 RNN 只用 tanh 或 ReLU）',
      nonnormal: '非正规矩阵 W（训练从 PyTorch 的随机抽取开始）',
      inputScale: '输入缩放（任务中的字母就是输入）',
    },
  },
  race: {
    heading: '比赛：普通 RNN 对 LSTM',
    intro:
      '两个模型都学习 {{task}}：一个字母、{{delay}} 个填充符，然后再写一次同一个字母。它们的参数量相同，看到的批次也完全相同（每批 {{batchSize}} 个序列，Adam 优化器，学习率 {{lr}}，梯度裁剪到范数 {{clipNorm}}），共训练 {{maxSteps}} 步。每隔 {{evalEvery}} 步，用它们从未训练过的文本给每个模型打分：越过填充符之后，它还能写出那个字母吗？',
    why: 'LSTM 为什么会赢：它的细胞状态 c_t 从一步传到下一步时只乘以遗忘门 f_t，而不经过 W_hh 和会压缩数值的非线性函数。一旦 f_t 学会保持在 1 附近，字母就能沿着细胞状态跨过整段延迟，梯度也沿同一条路径反向流回而不会消失。普通 RNN 每一步都必须让字母经过 tanh(W_hh·h)：正如本节上方的曲线所示，这个信号及其梯度会按几何级数缩小，所以它学会了“会有一个字母出现”，却学不会“是哪个字母”。',
    capped:
      '（上面的实验往回追溯 {{delay}} 步；比赛只用 10 步，这样一分钟内就能看出结果。上面的“训练它”会把更长的延迟带到训练视图。）',
    recallChart: '验证文本上的召回准确率',
    recallAxis: '召回准确率',
    recallCaption:
      '{{K}} 个填充符之后的字母，要根据 {{before}} 步之前看到的内容来预测；在 10 个字母中随机猜测的得分为 {{chance}}。',
    recallTable: '每个模型在验证文本上的召回准确率，每 {{every}} 步一次',
    lossChart: '验证集损失',
    lossAxis: '损失（奈特/字符）',
    lossTable: '每个模型在验证文本上的损失，每 {{every}} 步一次',
    stepAxis: '训练步数（两个模型）',
    stepColumn: '步数',
    chartLabel: '{{title}}：{{racers}}',
    against: ' 对 ',
    chance: '随机猜测',
    start: '开始',
    resume: '继续',
    pause: '暂停',
    reset: '重置',
    racer: '{{cell}}，H = {{H}}，{{parameters}} 个参数',
    status: {
      stopped: '比赛中止：{{error}}',
      at: '第 {{step}} 步，共 {{max}} 步',
      finished: '已完成：{{at}}。',
      racing: '比赛中：{{at}}{{speed}}。',
      speed: '，每秒 {{speed}} 步',
      paused: '已暂停：{{at}}。',
      ready: '准备就绪：请按“开始”。',
    },
  },
};
