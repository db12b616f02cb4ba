// Words and equations of the Gradient flow view, as data: each preset's name and what to try,
// each parameter's label, and the KaTeX strings (docs/equations.md §5), some with live numbers.
import type { CellKind, Nonlinearity } from '../engine/cell';
import type {
  ClipMode,
  FigureComparison,
  GradientParams,
  GradientPreset,
} from '../engine/experiments';

export interface PresetText {
  readonly label: string;
  /** One or two sentences: what the experiment shows and what to try. */
  readonly description: string;
  /** Whether the experiment has an exact identity at its default values. */
  readonly exact: boolean;
}

export const PRESET_TEXT: Record<GradientPreset, PresetText> = {
  scale: {
    label: 'Recurrent scale',
    description:
      'W_hh = s·Q with Q orthogonal. With a linear cell (or tanh on a zero input) every step multiplies the gradient by exactly s, so ‖∂h_T/∂h_0‖ = s^T: a straight line on the log axis. Move s past 1 and the line tips from vanishing to exploding; add input to a tanh cell and saturation pulls it down.',
    exact: true,
  },
  gain: {
    label: 'Random gain',
    description:
      'W_hh drawn from N(0, g²/H). Its spectral radius is about g while its largest singular value is about 2g, so the bound is loose: the edge between vanishing and exploding sits near g = 1. Add input to see saturation tame the growth.',
    exact: false,
  },
  cells: {
    label: 'RNN, LSTM, GRU',
    description:
      'The three cells on the same input, at PyTorch’s default initialisation. Raise the LSTM’s forget-gate bias b_f or the GRU’s update-gate bias b_z: the gates open a path whose factor is the gate itself, not a product with W_hh.',
    exact: false,
  },
  carousel: {
    label: 'Gates alone',
    description:
      'The same three cells with W_hh = 0 and zero input: the gates no longer depend on h, so the LSTM cell path is exactly σ(b_f)^T and the GRU path σ(b_z)^T, while the RNN forgets at once.',
    exact: true,
  },
  clip: {
    label: 'Clipping',
    description:
      'A linear RNN with s > 1 explodes. Clip the whole gradient by its norm and it shrinks but keeps its direction (cosine 1); clip each element by value and the direction can turn.',
    exact: true,
  },
  nonnormal: {
    label: 'Non-normal W_hh',
    description:
      'W = [[λ, α], [0, λ]] (in blocks): every eigenvalue is λ < 1, yet ‖W^k‖ = ‖[[λ^k, kαλ^(k−1)], [0, λ^k]]‖ first grows, then decays. The spectral radius decides the long run, σ_max the worst step.',
    exact: true,
  },
  truncation: {
    label: 'Truncated BPTT',
    description:
      'Backpropagate in chunks of K steps, as char-rnn does: a loss at step T sends no gradient at all past the start of its chunk. A dependency d steps back with d ≥ K gets exactly zero, whatever the cell.',
    exact: true,
  },
};

export interface ParamText {
  readonly label: string;
  /** Shown next to the label: what the symbol means. */
  readonly hint?: string;
}

export const PARAM_TEXT: Record<Exclude<keyof GradientParams, 'preset'>, ParamText> = {
  s: { label: 'Recurrent scale s', hint: 'W_hh = s·Q' },
  g: { label: 'Gain g', hint: 'W_hh ~ N(0, g²/H)' },
  T: { label: 'Sequence length T' },
  H: { label: 'Hidden size H' },
  nonlinearity: { label: 'Nonlinearity' },
  inputScale: { label: 'Input scale', hint: '0 = zero input' },
  bf: { label: 'LSTM forget bias b_f' },
  bz: { label: 'GRU update bias b_z' },
  cell: { label: 'Cell in detail' },
  clipMode: { label: 'Clipping mode' },
  clip: { label: 'Threshold θ' },
  lambda: { label: 'Eigenvalue λ' },
  alpha: { label: 'Off-diagonal α' },
  trunc: { label: 'Truncation length K' },
  delay: { label: 'Dependency distance d' },
  seed: { label: 'Seed' },
};

export const NONLINEARITY_TEXT: Record<Nonlinearity, string> = {
  linear: 'linear',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'ReLU',
};
export const CLIP_TEXT: Record<ClipMode, string> = {
  none: 'none',
  norm: 'by norm',
  value: 'by value',
};

/**
 * The one-step Jacobian of each cell (docs/equations.md §5.1, §5.4); a new cell adds its own, the
 * compiler asks for it.
 */
const JACOBIAN_TEX: Record<CellKind, (f: Nonlinearity) => string> = {
  rnn: (f) => {
    const d: Record<Nonlinearity, string> = {
      tanh: String.raw`\operatorname{diag}(1 - h_t \odot h_t)\, W_{hh}`,
      sigmoid: String.raw`\operatorname{diag}(h_t \odot (1 - h_t))\, W_{hh}`,
      relu: String.raw`\operatorname{diag}(\mathbf{1}[a_t > 0])\, W_{hh}`,
      linear: String.raw`W_{hh}`,
    };
    return String.raw`\frac{\partial h_t}{\partial h_{t-1}} = ` + d[f];
  },
  lstm: () =>
    String.raw`\frac{\partial c_t}{\partial c_{t-1}}\Big|_{\text{direct}} = \operatorname{diag}(f_t),\qquad \frac{\partial h_t}{\partial h_{t-1}} = \operatorname{diag}(\tau_t\odot o_t\odot(1-o_t))\,W_{ho} + \operatorname{diag}(o_t\odot(1-\tau_t^2))\,\frac{\partial c_t}{\partial h_{t-1}}`,
  gru: () =>
    String.raw`\frac{\partial h_t}{\partial h_{t-1}} = \operatorname{diag}(z_t) + \operatorname{diag}\!\big((1-z_t)\odot(1-n_t^2)\odot r_t\big)W_{hn} + \operatorname{diag}\!\big((1-z_t)\odot(1-n_t^2)\odot u_t\odot r_t\odot(1-r_t)\big)W_{hr} + \operatorname{diag}\!\big((h_{t-1}-n_t)\odot z_t\odot(1-z_t)\big)W_{hz}`,
};

export function jacobianTex(cell: CellKind, f: Nonlinearity): string {
  return JACOBIAN_TEX[cell](f);
}

/** The product the gradient carries back (docs/equations.md §5.1). */
export const PRODUCT_TEX = String.raw`\frac{\partial h_T}{\partial h_k} = \prod_{j=k+1}^{T} \frac{\partial h_j}{\partial h_{j-1}}`;

/** TeX for a number: 1.234 or 1.234 \times 10^{-5}. */
function texNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? String.raw`\infty` : String.raw`\text{NaN}`;
  if (v === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(v)));
  if (e >= -2 && e <= 3) return v.toPrecision(4);
  const m = v / 10 ** e;
  return String.raw`${m.toFixed(3)} \times 10^{${e}}`;
}

/** The Pascanu bound with the live γ, σ_max and T plugged in (docs/equations.md §5.2). */
export function boundTex(gamma: number, sigmaMax: number, T: number): string {
  const g = gamma === 1 ? '1' : String.raw`\tfrac14`;
  return String.raw`\left\lVert \frac{\partial h_T}{\partial h_0} \right\rVert_2 \le \big(\gamma\,\sigma_{\max}(W_{hh})\big)^{T} = (${g} \cdot ${sigmaMax.toFixed(3)})^{${T}} = ${texNumber((gamma * sigmaMax) ** T)}`;
}

export const DERIVATIVE_NOTE =
  'An activation derivative is never above 1: tanh′(a) = 1 − tanh²(a) ≤ 1, σ′(a) = σ(a)(1 − σ(a)) ≤ ¼, ReLU′ ∈ {0, 1}. So the nonlinearity can only shrink the gradient; explosion comes from W_hh. σ_max(W_hh) < 1/γ is enough for vanishing; σ_max > 1/γ is needed, but not enough, for exploding (Pascanu, Mikolov & Bengio, 2013).';

export const HEATMAP_NOTE =
  'Each row t backpropagates a random unit vector u_t from h_t: the colour is ‖u_tᵀ ∂h_t/∂h_k‖, the gradient a loss u_t·h_t sends to h_k. It is at most ‖∂h_t/∂h_k‖₂ and equal to it when all singular values of the product are equal (as for s·Q). Long sequences show every few rows.';

/** What the view says after "theory …, engine …", for each verdict of compareFigures. */
export const IDENTITY_VERDICT: Record<FigureComparison, string> = {
  equal: '✓ equal',
  differ: '✗ differ',
  'below range': 'both below 1e-308, the smallest double',
  'above range': 'both above 1.8e308, the largest double',
};

/** The legend of the eigenvalue plot. */
export const EIGEN_LEGEND = {
  inside: 'eigenvalue inside the unit circle (|λ| ≤ 1: that direction shrinks)',
  outside: 'eigenvalue outside the unit circle (|λ| > 1: that direction grows)',
  circle: 'the unit circle, |λ| = 1',
};
