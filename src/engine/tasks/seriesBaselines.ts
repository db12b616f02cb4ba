// What a forecaster must beat (docs/beyond-characters.md §3), each scored by mean squared error on
// the positions t (predicting y_{t+h}) of a range: persistence ŷ_{t+h} = y_t; seasonal persistence
// ŷ_{t+h} = y_{t+h−m}; and AR(p), ŷ_{t+h} = c + Σ_i a_i y_{t+1−i}, fitted by ordinary least squares
// on the training part (normal equations, solved by Gaussian elimination with partial pivoting).

/** Mean of (predict(t) − y[t + h])² over t in [from, to) with t + h < y.length. */
function mse(y: Float64Array, from: number, to: number, h: number, predict: (t: number) => number) {
  let total = 0;
  let n = 0;
  for (let t = from; t < to && t + h < y.length; t++) {
    total += (predict(t) - y[t + h]!) ** 2;
    n++;
  }
  return n > 0 ? total / n : NaN;
}

/** Persistence: tomorrow as today. */
export function persistenceMse(y: Float64Array, from: number, to: number, h: number): number {
  return mse(y, from, to, h, (t) => y[t]!);
}

/** A constant forecast c (on a series of changes, c for "no change" is "the last value"). */
export function constantMse(y: Float64Array, from: number, to: number, h: number, c: number) {
  return mse(y, from, to, h, () => c);
}

/** Seasonal persistence with season m (needs t + h − m ≥ 0; earlier t use plain persistence). */
export function seasonalMse(y: Float64Array, from: number, to: number, h: number, m: number) {
  return mse(y, from, to, h, (t) => (t + h - m >= 0 ? y[t + h - m]! : y[t]!));
}

/** Solves A x = b (A [n·n] row-major, copied) by Gaussian elimination with partial pivoting. */
export function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = A.slice();
  const x = b.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]!) > Math.abs(M[p * n + c]!)) p = r;
    if (Math.abs(M[p * n + c]!) < 1e-12) throw new Error('The least-squares system is singular.');
    if (p !== c) {
      for (let k = 0; k < n; k++) [M[c * n + k], M[p * n + k]] = [M[p * n + k]!, M[c * n + k]!];
      [x[c], x[p]] = [x[p]!, x[c]!];
    }
    for (let r = c + 1; r < n; r++) {
      const f = M[r * n + c]! / M[c * n + c]!;
      for (let k = c; k < n; k++) M[r * n + k]! -= f * M[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= M[r * n + k]! * x[k]!;
    x[r] = s / M[r * n + r]!;
  }
  return x;
}

/** AR(p) for horizon h: [c, a_1 … a_p] fitted on t in [p − 1, cut − h) by least squares. */
export function fitAr(y: Float64Array, cut: number, p: number, h = 1): Float64Array {
  const n = p + 1;
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  const row = new Float64Array(n);
  for (let t = p - 1; t + h < cut; t++) {
    row[0] = 1;
    for (let i = 1; i <= p; i++) row[i] = y[t + 1 - i]!;
    for (let r = 0; r < n; r++) {
      b[r]! += row[r]! * y[t + h]!;
      for (let c = 0; c < n; c++) A[r * n + c]! += row[r]! * row[c]!;
    }
  }
  return solve(A, b, n);
}

/** MSE of a fitted AR model on t in [from, to). */
export function arMse(y: Float64Array, coef: Float64Array, from: number, to: number, h = 1) {
  const p = coef.length - 1;
  return mse(y, Math.max(from, p - 1), to, h, (t) => {
    let v = coef[0]!;
    for (let i = 1; i <= p; i++) v += coef[i]! * y[t + 1 - i]!;
    return v;
  });
}
