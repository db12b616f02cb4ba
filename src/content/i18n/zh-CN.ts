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
};
