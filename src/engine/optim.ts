// Optimizers with torch.optim's exact update rules, defaults and operation order (weight decay: AdamW's only).
// SGD: buf = μ·buf + (1−d)·g (buf = g on step 1), p −= lr·(nesterov ? g + μ·buf : buf).
// Adagrad: sum += g², p −= lr/(1+(t−1)·lr_decay) · g/(√sum + ε).  RMSprop: v = αv + (1−α)g², p −= lr·g/(√v + ε)
// (centered, momentum variants below).  Adam: m = lerp(m, g, 1−β1), v = β2v + (1−β2)g², p −= (lr/bc1)·m/(√v/√bc2 + ε).
// AdamW: p ·= 1 − lr·λ (decoupled weight decay), then Adam's step.

/** Hyperparameters; omitted fields take PyTorch's defaults. */
export type OptimizerConfig =
  | { kind: 'sgd'; lr: number; momentum?: number; dampening?: number; nesterov?: boolean }
  | {
      kind: 'adagrad';
      lr: number;
      lrDecay?: number;
      eps?: number;
      initialAccumulatorValue?: number;
    }
  | {
      kind: 'rmsprop';
      lr: number;
      alpha?: number;
      eps?: number;
      momentum?: number;
      centered?: boolean;
    }
  | { kind: 'adam'; lr: number; beta1?: number; beta2?: number; eps?: number }
  | {
      kind: 'adamw';
      lr: number;
      beta1?: number;
      beta2?: number;
      eps?: number;
      /** λ of torch.optim.AdamW (default 0.01). */
      weightDecay?: number;
    };

export type OptimizerKind = OptimizerConfig['kind'];

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

/** One optimizer's update rule, run over all tensors for one step. */
interface Rule {
  /** Per-tensor state buffers, by PyTorch state name. */
  readonly buffers: Readonly<Record<string, Float64Array[]>>;
  /** Applies step t (1-based) with learning rate lr. */
  apply(
    params: readonly Float64Array[],
    grads: readonly Float64Array[],
    t: number,
    lr: number,
  ): void;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

function checkNonNegative(value: number, name: string): void {
  check(
    Number.isFinite(value) && value >= 0,
    `Invalid ${name}: ${value} (must be a finite number ≥ 0).`,
  );
}

function checkUnitInterval(value: number, name: string, closed: boolean): void {
  const ok = Number.isFinite(value) && value >= 0 && (closed ? value <= 1 : value < 1);
  check(ok, `Invalid ${name}: ${value} (must be in [0, 1${closed ? ']' : ')'}).`);
}

function filled(sizes: readonly number[], value: number): Float64Array[] {
  return sizes.map((n) => new Float64Array(n).fill(value));
}

/**
 * torch's lerp(a, b, w) = a + w·(b − a), computed as PyTorch's CPU kernel does for accuracy:
 * from b's side, b − (b − a)·(1 − w), when |w| ≥ 0.5.
 */
function lerp(a: number, b: number, w: number, wSmall: boolean, oneMinusW: number): number {
  return wSmall ? a + w * (b - a) : b - (b - a) * oneMinusW;
}

function sgdRule(
  sizes: readonly number[],
  momentum: number,
  dampening: number,
  nesterov: boolean,
): Rule {
  const bufs = momentum !== 0 ? filled(sizes, 0) : [];
  return {
    buffers: momentum !== 0 ? { momentum_buffer: bufs } : {},
    apply(params, grads, t, lr) {
      const keep = 1 - dampening;
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!;
        const g = grads[k]!;
        const n = p.length;
        if (momentum === 0) {
          for (let i = 0; i < n; i++) p[i] = p[i]! + -lr * g[i]!;
          continue;
        }
        const buf = bufs[k]!;
        for (let i = 0; i < n; i++) {
          const gi = g[i]!;
          // PyTorch creates the buffer as a copy of g on the first step, then decays it.
          const b = t === 1 ? gi : buf[i]! * momentum + keep * gi;
          buf[i] = b;
          const d = nesterov ? gi + momentum * b : b;
          p[i] = p[i]! + -lr * d;
        }
      }
    },
  };
}

function adagradRule(
  sizes: readonly number[],
  lrDecay: number,
  eps: number,
  initial: number,
): Rule {
  const sums = filled(sizes, initial);
  return {
    buffers: { sum: sums },
    apply(params, grads, t, lr) {
      const clr = lr / (1 + (t - 1) * lrDecay);
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!;
        const g = grads[k]!;
        const sum = sums[k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]!;
          const s = sum[i]! + gi * gi; // state_sum.addcmul_(grad, grad, value=1)
          sum[i] = s;
          p[i] = p[i]! + (-clr * gi) / (Math.sqrt(s) + eps); // param.addcdiv_(grad, std, value=-clr)
        }
      }
    },
  };
}

function rmspropRule(
  sizes: readonly number[],
  alpha: number,
  eps: number,
  momentum: number,
  centered: boolean,
): Rule {
  const squareAvg = filled(sizes, 0);
  const gradAvg = centered ? filled(sizes, 0) : [];
  const momBuf = momentum > 0 ? filled(sizes, 0) : [];
  const buffers: Record<string, Float64Array[]> = { square_avg: squareAvg };
  if (momentum > 0) buffers['momentum_buffer'] = momBuf;
  if (centered) buffers['grad_avg'] = gradAvg;
  const w = 1 - alpha;
  const wSmall = Math.abs(w) < 0.5;
  const oneMinusW = 1 - w;
  return {
    buffers,
    apply(params, grads, _t, lr) {
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!;
        const g = grads[k]!;
        const v = squareAvg[k]!;
        const ga = centered ? gradAvg[k]! : null;
        const buf = momentum > 0 ? momBuf[k]! : null;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]!;
          const vi = v[i]! * alpha + w * gi * gi; // square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha)
          v[i] = vi;
          let avg: number;
          if (ga !== null) {
            const m = lerp(ga[i]!, gi, w, wSmall, oneMinusW); // grad_avg.lerp_(g, 1-alpha)
            ga[i] = m;
            avg = Math.sqrt(vi + -1 * m * m) + eps;
          } else {
            avg = Math.sqrt(vi) + eps;
          }
          if (buf !== null) {
            const b = buf[i]! * momentum + gi / avg; // buf.mul_(momentum).addcdiv_(g, avg)
            buf[i] = b;
            p[i] = p[i]! + -lr * b;
          } else {
            p[i] = p[i]! + (-lr * gi) / avg;
          }
        }
      }
    },
  };
}

/** Adam, and AdamW when `decay` (λ) is not 0. */
function adamRule(
  sizes: readonly number[],
  beta1: number,
  beta2: number,
  eps: number,
  decay: number,
): Rule {
  const expAvg = filled(sizes, 0);
  const expAvgSq = filled(sizes, 0);
  const w = 1 - beta1;
  const wSmall = Math.abs(w) < 0.5;
  const oneMinusW = 1 - w;
  const c2 = 1 - beta2;
  return {
    buffers: { exp_avg: expAvg, exp_avg_sq: expAvgSq },
    apply(params, grads, t, lr) {
      const bc1 = 1 - beta1 ** t;
      const bc2 = 1 - beta2 ** t;
      const stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      const keep = 1 - lr * decay;
      for (let k = 0; k < params.length; k++) {
        const p = params[k]!;
        const g = grads[k]!;
        // AdamW decays the weights first, apart from the gradient: param.mul_(1 - lr * weight_decay).
        if (decay !== 0) for (let i = 0; i < p.length; i++) p[i] = p[i]! * keep;
        const m = expAvg[k]!;
        const v = expAvgSq[k]!;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i]!;
          const mi = lerp(m[i]!, gi, w, wSmall, oneMinusW); // exp_avg.lerp_(g, 1-beta1)
          m[i] = mi;
          const vi = v[i]! * beta2 + c2 * gi * gi; // exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1-beta2)
          v[i] = vi;
          const denom = Math.sqrt(vi) / bc2Sqrt + eps;
          p[i] = p[i]! + (-stepSize * mi) / denom; // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
      }
    },
  };
}

function makeRule(config: OptimizerConfig, sizes: readonly number[]): Rule {
  switch (config.kind) {
    case 'sgd': {
      const momentum = config.momentum ?? 0;
      const dampening = config.dampening ?? 0;
      const nesterov = config.nesterov ?? false;
      checkNonNegative(momentum, 'SGD momentum');
      check(Number.isFinite(dampening), `Invalid SGD dampening: ${dampening}.`);
      check(
        !nesterov || (momentum > 0 && dampening === 0),
        'Nesterov momentum requires a momentum > 0 and zero dampening.',
      );
      return sgdRule(sizes, momentum, dampening, nesterov);
    }
    case 'adagrad': {
      const lrDecay = config.lrDecay ?? 0;
      const eps = config.eps ?? 1e-10;
      const initial = config.initialAccumulatorValue ?? 0;
      checkNonNegative(lrDecay, 'Adagrad lr_decay');
      checkNonNegative(eps, 'Adagrad eps');
      checkNonNegative(initial, 'Adagrad initial_accumulator_value');
      return adagradRule(sizes, lrDecay, eps, initial);
    }
    case 'rmsprop': {
      const alpha = config.alpha ?? 0.99;
      const eps = config.eps ?? 1e-8;
      const momentum = config.momentum ?? 0;
      checkUnitInterval(alpha, 'RMSprop alpha', true);
      checkNonNegative(eps, 'RMSprop eps');
      checkNonNegative(momentum, 'RMSprop momentum');
      return rmspropRule(sizes, alpha, eps, momentum, config.centered ?? false);
    }
    case 'adam':
    case 'adamw': {
      const name = OPTIMIZERS[config.kind].name;
      const beta1 = config.beta1 ?? 0.9;
      const beta2 = config.beta2 ?? 0.999;
      const eps = config.eps ?? 1e-8;
      const decay = config.kind === 'adamw' ? (config.weightDecay ?? 0.01) : 0;
      checkUnitInterval(beta1, `${name} beta1`, false);
      checkUnitInterval(beta2, `${name} beta2`, false);
      checkNonNegative(eps, `${name} eps`);
      checkNonNegative(decay, `${name} weight_decay`);
      return adamRule(sizes, beta1, beta2, eps, decay);
    }
  }
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
