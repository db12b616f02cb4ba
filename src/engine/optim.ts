// Optimizers with torch.optim's exact update rules, defaults and operation order (weight decay: AdamW's only).
// SGD: buf = μ·buf + (1−d)·g (buf = g on step 1), p −= lr·(nesterov ? g + μ·buf : buf).
// Adagrad: sum += g², p −= lr/(1+(t−1)·lr_decay) · g/(√sum + ε).  RMSprop: v = αv + (1−α)g², p −= lr·g/(√v + ε)
// (centered, momentum variants below).  Adam: m = lerp(m, g, 1−β1), v = β2v + (1−β2)g², p −= (lr/bc1)·m/(√v/√bc2 + ε).
// AdamW: p ·= 1 − lr·λ (decoupled weight decay), then Adam's step.

import {
  check,
  checkNonNegative,
  makeRule,
  type OptimizerConfig,
  type OptimizerKind,
} from './optimRules.ts';

export type { OptimizerConfig, OptimizerKind } from './optimRules.ts';

/**
 * An optimizer's state as plain arrays (for checkpoints and JSON). `buffers` uses PyTorch's state
 * names (`momentum_buffer`, `sum`, `square_avg`, `grad_avg`, `exp_avg`, `exp_avg_sq`), one array per
 * parameter tensor in the order of `sizes`. Hyperparameters (lr, betas, …) belong to the config.
 */
export interface OptimizerState {
  readonly kind: OptimizerKind;
  readonly stepCount: number;
  readonly buffers: Readonly<Record<string, readonly (readonly number[])[]>>;
}

export interface Optimizer {
  readonly kind: OptimizerKind;
  /** Learning rate; may be changed between steps (takes effect on the next step, keeps all state). */
  lr: number;
  /** Number of steps taken so far (PyTorch's `state['step']`). */
  readonly stepCount: number;
  /**
   * Updates every params[i] in place from grads[i] (same lengths as the `sizes` given at creation).
   * Allocates nothing.
   */
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
  /** A deep copy of the state as plain arrays. */
  exportState(): OptimizerState;
  /** Replaces the state with a copy of `state` (same kind and sizes), e.g. from a checkpoint. */
  importState(state: OptimizerState): void;
}

/**
 * Every optimizer, in the order menus list them: its torch.optim class name and a default learning
 * rate. Adagrad 0.01, RMSprop 0.01 and Adam 0.001 are PyTorch's. For SGD we use 0.1: PyTorch had no
 * default for SGD until 2.2, whose 1e-3 (pytorch#114467, chosen for signature consistency) barely
 * moves plain SGD on a character model.
 */
export const OPTIMIZERS = {
  sgd: { name: 'SGD', defaultLr: 0.1 },
  adagrad: { name: 'Adagrad', defaultLr: 0.01 },
  rmsprop: { name: 'RMSprop', defaultLr: 0.01 },
  adam: { name: 'Adam', defaultLr: 0.001 },
  adamw: { name: 'AdamW', defaultLr: 0.001 },
} as const satisfies Record<OptimizerKind, { name: string; defaultLr: number }>;

export const OPTIMIZER_KINDS = Object.keys(OPTIMIZERS) as readonly OptimizerKind[];

/** torch.optim's class name of each optimizer (SGD, Adam, …). */
export const OPTIMIZER_NAMES: Readonly<Record<OptimizerKind, string>> = Object.fromEntries(
  OPTIMIZER_KINDS.map((k) => [k, OPTIMIZERS[k].name]),
) as Record<OptimizerKind, string>;

export function defaultLr(kind: OptimizerKind): number {
  return OPTIMIZERS[kind].defaultLr;
}

/** The hyperparameters a learner sets (the training settings); the rest are PyTorch's defaults. */
export interface TrainingHyper {
  readonly lr: number;
  /** AdamW's λ (the other optimizers have none). */
  readonly weightDecay: number;
}

/** The optimizer the app and the command line train with: SGD with momentum 0.9, the others as torch.optim. */
export function optimizerFor(kind: OptimizerKind, h: TrainingHyper): OptimizerConfig {
  if (kind === 'sgd') return { kind, lr: h.lr, momentum: 0.9 };
  if (kind === 'adamw') return { kind, lr: h.lr, weightDecay: h.weightDecay };
  return { kind, lr: h.lr };
}

/**
 * Creates an optimizer for tensors of the given lengths (flattened parameter sizes, in the order the
 * params and grads arrays will be passed to `step`). State buffers start as in PyTorch (zeros; Adagrad's
 * `sum` at initialAccumulatorValue).
 */
export function createOptimizer(config: OptimizerConfig, sizes: readonly number[]): Optimizer {
  for (const n of sizes) {
    check(Number.isInteger(n) && n >= 0, `Invalid parameter size: ${n}.`);
  }
  checkNonNegative(config.lr, 'learning rate');
  const rule = makeRule(config, sizes);
  const kind = config.kind;
  let lr = config.lr;
  let stepCount = 0;

  return {
    kind,
    get lr() {
      return lr;
    },
    set lr(value: number) {
      checkNonNegative(value, 'learning rate');
      lr = value;
    },
    get stepCount() {
      return stepCount;
    },
    step(params, grads) {
      check(
        params.length === sizes.length && grads.length === sizes.length,
        `Expected ${sizes.length} parameter and gradient tensors, got ${params.length} and ${grads.length}.`,
      );
      for (let k = 0; k < sizes.length; k++) {
        const n = sizes[k]!;
        if (params[k]!.length !== n || grads[k]!.length !== n) {
          throw new Error(
            `Tensor ${k}: expected length ${n}, got param ${params[k]!.length} and grad ${grads[k]!.length}.`,
          );
        }
      }
      stepCount++;
      rule.apply(params, grads, stepCount, lr);
    },
    exportState() {
      const buffers: Record<string, number[][]> = {};
      for (const [name, list] of Object.entries(rule.buffers)) {
        buffers[name] = list.map((b) => Array.from(b));
      }
      return { kind, stepCount, buffers };
    },
    importState(state) {
      check(
        state.kind === kind,
        `Cannot load ${state.kind} optimizer state into a ${kind} optimizer.`,
      );
      check(
        Number.isInteger(state.stepCount) && state.stepCount >= 0,
        `Invalid optimizer stepCount: ${state.stepCount}.`,
      );
      const expected = Object.keys(rule.buffers).sort();
      const given = Object.keys(state.buffers).sort();
      check(
        expected.join() === given.join(),
        `Optimizer state buffers [${given.join(', ')}] do not match [${expected.join(', ')}].`,
      );
      // Validate everything before changing anything, so a bad checkpoint leaves the optimizer intact.
      for (const name of expected) {
        const from = state.buffers[name]!;
        check(
          from.length === sizes.length,
          `Optimizer buffer ${name}: expected ${sizes.length} tensors, got ${from.length}.`,
        );
        sizes.forEach((n, k) => {
          check(
            from[k]!.length === n,
            `Optimizer buffer ${name}[${k}]: expected length ${n}, got ${from[k]!.length}.`,
          );
        });
      }
      for (const name of expected) {
        const from = state.buffers[name]!;
        rule.buffers[name]!.forEach((to, k) => to.set(from[k]!));
      }
      stepCount = state.stepCount;
    },
  };
}
