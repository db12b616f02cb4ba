// The update rules of torch.optim, exactly as PyTorch orders their operations (optim.ts wraps
// them with state export and import). The formulas are in optim.ts's header.

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

/** One optimizer's update rule, run over all tensors for one step. */
export interface Rule {
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

export function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export function checkNonNegative(value: number, name: string): void {
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

export function makeRule(config: OptimizerConfig, sizes: readonly number[]): Rule {
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
      const name = config.kind === 'adamw' ? 'AdamW' : 'Adam';
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
