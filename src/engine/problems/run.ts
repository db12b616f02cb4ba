// What stops a request on the worker's runs: nothing to work on yet, a saved run that no longer
// fits, training that failed (worker/). zh-CN's problems say the same.
export const run = {
  trainingStopped: 'Training stopped: {{reason}}',
} as const;
