// Equations of the Gradient flow view, as data: the KaTeX strings (docs/equations.md §5), some
// with live numbers. Its words are messages (i18n/en/gradients.ts, `gradients.*`); the English
// preset names and verdicts are also here as data, from those messages.
import type { CellKind, Nonlinearity } from '../engine/cell';
import type { FigureComparison, GradientPreset } from '../engine/experiments';
import { gradients as en } from './i18n/en/gradients';

export interface PresetText {
  readonly label: string;
  /** One or two sentences: what the experiment shows and what to try. */
  readonly description: string;
  /** Whether the experiment has an exact identity at its default values. */
  readonly exact: boolean;
}

/** Which experiments have an exact identity at their default values. */
const EXACT: Record<GradientPreset, boolean> = {
  scale: true,
  gain: false,
  cells: false,
  carousel: true,
  clip: true,
  nonnormal: true,
  truncation: true,
};

/**
 * Each preset's name and description in English (the view reads them through the messages,
 * `gradients.presets.*`, in the language in effect).
 */
export const PRESET_TEXT: Record<GradientPreset, PresetText> = Object.fromEntries(
  (Object.keys(EXACT) as GradientPreset[]).map((p) => [p, { ...en.presets[p], exact: EXACT[p] }]),
) as Record<GradientPreset, PresetText>;

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

/** What the view says after "theory …, engine …", for each verdict of compareFigures. */
export const IDENTITY_VERDICT: Record<FigureComparison, string> = {
  equal: en.identities.verdict.equal,
  differ: en.identities.verdict.differ,
  'below range': en.identities.verdict.belowRange,
  'above range': en.identities.verdict.aboveRange,
};

/** The message key of each verdict of compareFigures (`gradients.identities.verdict.*`). */
export const VERDICT_KEY = {
  equal: 'equal',
  differ: 'differ',
  'below range': 'belowRange',
  'above range': 'aboveRange',
} as const satisfies Record<FigureComparison, keyof typeof en.identities.verdict>;
