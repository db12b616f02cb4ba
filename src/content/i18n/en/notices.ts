// The notices words in English (see ../en.ts for the conventions). zh-CN/notices.ts has the same keys.
// The shell's and the shared store's messages: what an address could not use, the engine's
// status details, and a view that failed.
export const notices = {
  // What the notice line says about an address it could not use (src/store/url.ts).
  address: {
    tooLong: 'The address was too long to read.',
    notAPage: '“{{page}}” is not a page of Unrolled.',
    unknownSetting: 'Ignored the unknown setting “{{key}}”.',
    badValue: 'Ignored {{key}}=“{{value}}”, which is not a valid value.',
  },
  // The engine's details in the status line (the sentence around them is `engine.*`).
  engine: {
    failedToStart: 'Engine failed to start: {{reason}}',
    error: 'Engine error: {{message}}',
    lost: 'Engine lost: {{reason}}',
    restartedNote: 'restarted after it {{reason}}',
    recoveredNote: 'it reported an error and carries on ({{message}})',
    // After the engine's name: how it computes.
    kernel: {
      simd: ', WebAssembly SIMD',
      js: ', plain JavaScript',
    },
    // What happened to the worker (the client's reasons, src/worker/client.ts).
    reasons: {
      stoppedAnswering: 'stopped answering',
      stoppedAfterError: 'stopped after an error ({{detail}})',
      restartedTooOften: 'the engine {{reason}} and was restarted too often',
      restarted: 'the engine {{reason}} and was restarted',
      noWorker: 'no worker',
      cannotCreate: 'could not create the worker ({{detail}})',
      noReply: 'no reply to “{{request}}” after {{ms}} ms',
      cannotSend: 'could not send “{{request}}” ({{detail}})',
      unreadable: 'The engine sent an unreadable message',
    },
  },
  // A view that could not be shown (src/app/ErrorBoundary.tsx).
  viewError: {
    message: 'This view could not be shown: {{message}}',
    reload: 'Reload the page',
  },
};
