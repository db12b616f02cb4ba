// The interface's words in Simplified Chinese, with the same keys as en.ts. The standard terms:
// 前向传播 (forward pass), 梯度流 (gradient flow), 时间序列 (time series), 序列标注 (tagging),
// 注意力机制 (attention). Symbols of equations stay as they are.
import type { Messages } from './en';

export const zhCN: Messages = {
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
