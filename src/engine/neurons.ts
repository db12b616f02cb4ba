// Finding interpretable units: simple features of a text, one value per character (inside quotes,
// inside brackets, position in the line, after a space, uppercase), and the Pearson correlation
//   r = Σ (a_t − ā)(f_t − f̄) / √(Σ (a_t − ā)² · Σ (f_t − f̄)²)
// of each unit's activation a_t with each feature f_t, so a learner can rank units by how strongly
// they follow one (Karpathy, Johnson & Fei-Fei 2015, "Visualizing and understanding recurrent networks").

export const FEATURES = ['quote', 'bracket', 'linePos', 'afterSpace', 'upper'] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * Feature values for each character of `chars` (the character the network has just read):
 * quote 1 between an opening and a closing double quote; bracket 1 inside (), [] or {};
 * linePos the column since the last newline (0 at the start of a line); afterSpace 1 when the
 * previous character is a space; upper 1 for an uppercase letter.
 */
export function textFeatures(chars: readonly string[]): Record<Feature, Float64Array> {
  const T = chars.length;
  const out = {
    quote: new Float64Array(T),
    bracket: new Float64Array(T),
    linePos: new Float64Array(T),
    afterSpace: new Float64Array(T),
    upper: new Float64Array(T),
  };
  let inQuote = false;
  let depth = 0;
  let column = 0;
  for (let t = 0; t < T; t++) {
    const ch = chars[t]!;
    if (ch === '"' || ch === '“' || ch === '”')
      inQuote = ch === '“' ? true : ch === '”' ? false : !inQuote;
    if ('([{'.includes(ch)) depth++;
    out.quote[t] = inQuote ? 1 : 0;
    out.bracket[t] = depth > 0 ? 1 : 0;
    if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    out.linePos[t] = column;
    column = ch === '\n' ? 0 : column + 1;
    out.afterSpace[t] = t > 0 && chars[t - 1] === ' ' ? 1 : 0;
    out.upper[t] = ch !== ch.toLowerCase() && ch === ch.toUpperCase() ? 1 : 0;
  }
  return out;
}

/** Pearson correlation of a[k·stride + unit] (k < T) with f; 0 when either is constant. */
export function correlation(a: Float64Array, f: Float64Array, unit = 0, stride = 1): number {
  const T = f.length;
  let ma = 0;
  let mf = 0;
  for (let t = 0; t < T; t++) {
    ma += a[t * stride + unit]!;
    mf += f[t]!;
  }
  ma /= T;
  mf /= T;
  let sab = 0;
  let saa = 0;
  let sff = 0;
  for (let t = 0; t < T; t++) {
    const da = a[t * stride + unit]! - ma;
    const df = f[t]! - mf;
    sab += da * df;
    saa += da * da;
    sff += df * df;
  }
  return saa > 1e-12 && sff > 1e-12 ? sab / Math.sqrt(saa * sff) : 0;
}

export interface UnitScore {
  readonly unit: number;
  readonly feature: Feature;
  /** Correlation with that feature, in [−1, 1]. */
  readonly r: number;
}

/**
 * For activations [T, H] (row t = the state after reading chars[t]), every unit's strongest
 * feature, ranked by |r| (strongest first). Features that are constant on the text are skipped.
 */
export function rankUnits(
  activations: Float64Array,
  H: number,
  chars: readonly string[],
): UnitScore[] {
  const features = textFeatures(chars);
  const scores: UnitScore[] = [];
  for (let unit = 0; unit < H; unit++) {
    let best: UnitScore = { unit, feature: 'quote', r: 0 };
    for (const feature of FEATURES) {
      const r = correlation(activations, features[feature], unit, H);
      if (Math.abs(r) > Math.abs(best.r)) best = { unit, feature, r };
    }
    scores.push(best);
  }
  return scores.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
}
