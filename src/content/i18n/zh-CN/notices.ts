// The notices words in Simplified Chinese, with the same keys as ../en/notices.ts.
import type { Shape } from '../shape';
import type { notices as en } from '../en/notices';

export const notices: Shape<typeof en> = {
  address: {
    tooLong: '地址太长，无法读取。',
    notAPage: '“{{page}}”不是 Unrolled 中的页面。',
    unknownSetting: '已忽略未知的设置“{{key}}”。',
    badValue: '已忽略 {{key}}=“{{value}}”：这不是有效的值。',
  },
  engine: {
    failedToStart: '引擎启动失败：{{reason}}',
    error: '引擎出错：{{message}}',
    lost: '引擎已不可用：{{reason}}',
    restartedNote: '它曾{{reason}}，已重启',
    recoveredNote: '它报告了一个错误，但仍在运行（{{message}}）',
    kernel: {
      simd: '，WebAssembly SIMD',
      js: '，纯 JavaScript',
    },
    reasons: {
      stoppedAnswering: '停止响应',
      stoppedAfterError: '出错后停止运行（{{detail}}）',
      restartedTooOften: '引擎{{reason}}，且重启次数过多',
      restarted: '引擎{{reason}}，已被重启',
      noWorker: '没有可用的 worker',
      cannotCreate: '无法创建 worker（{{detail}}）',
      noReply: '“{{request}}”在 {{ms}} 毫秒内没有回应',
      cannotSend: '无法发送“{{request}}”（{{detail}}）',
      unreadable: '引擎发来了一条无法读取的消息',
    },
  },
  viewError: {
    message: '无法显示这个视图：{{message}}',
    reload: '重新加载页面',
  },
};
