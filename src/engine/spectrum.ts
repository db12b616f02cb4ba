// The spectrum of a recurrent matrix for the gradient views: eigenvalues of a real non-symmetric
// n×n matrix (reduction to upper Hessenberg form by stabilised elimination, then Francis
// double-shift QR, as EISPACK's elmhes/hqr), and singular values by one-sided Jacobi (Hestenes).

export interface Eigenvalues {
  /** Real parts [n]. */
  readonly re: Float64Array;
  /** Imaginary parts [n]; complex pairs appear as (re, +im), (re, −im). */
  readonly im: Float64Array;
}

/** Rows of a 1-based (n+1)×(n+1) working copy, so the loops read as in the literature. */
function oneBased(A: Float64Array, n: number): Float64Array[] {
  const a: Float64Array[] = [];
  for (let i = 0; i <= n; i++) {
    const row = new Float64Array(n + 1);
    if (i > 0) for (let j = 1; j <= n; j++) row[j] = A[(i - 1) * n + (j - 1)]!;
    a.push(row);
  }
  return a;
}

/** Similarity transform to upper Hessenberg form by Gaussian elimination with pivoting (elmhes). */
function hessenberg(a: Float64Array[], n: number): void {
  for (let m = 2; m < n; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j <= n; j++) {
      if (Math.abs(a[j]![m - 1]!) > Math.abs(x)) {
        x = a[j]![m - 1]!;
        i = j;
      }
    }
    if (i !== m) {
      // swap rows i and m, then columns i and m (keeps the similarity)
      for (let j = m - 1; j <= n; j++) {
        const t = a[i]![j]!;
        a[i]![j] = a[m]![j]!;
        a[m]![j] = t;
      }
      for (let j = 1; j <= n; j++) {
        const t = a[j]![i]!;
        a[j]![i] = a[j]![m]!;
        a[j]![m] = t;
      }
    }
    if (x !== 0) {
      for (i = m + 1; i <= n; i++) {
        let y = a[i]![m - 1]!;
        if (y !== 0) {
          y /= x;
          a[i]![m - 1] = 0; // eliminated (the multiplier itself is not needed)
          for (let j = m; j <= n; j++) a[i]![j]! -= y * a[m]![j]!;
          for (let j = 1; j <= n; j++) a[j]![m]! += y * a[j]![i]!;
        }
      }
    }
  }
}

const sign = (a: number, b: number): number => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/**
 * Eigenvalues of a row-major n×n real matrix A (not modified). Throws if QR does not converge
 * (60 iterations for one eigenvalue), which does not happen for finite input in practice.
 */
export function eigenvalues(A: Float64Array, n: number): Eigenvalues {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n * n; k++) {
    if (!Number.isFinite(A[k]!)) return { re: re.fill(NaN), im: im.fill(NaN) };
  }
  const a = oneBased(A, n);
  hessenberg(a, n);
  const wr = new Float64Array(n + 1);
  const wi = new Float64Array(n + 1);
  let anorm = 0;
  for (let i = 1; i <= n; i++)
    for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(a[i]![j]!);
  let nn = n;
  let t = 0; // accumulated exceptional shifts
  let p = 0;
  let q = 0;
  let r = 0;
  // Shift and reflector scalars carried between the statements of one sweep (as in hqr).
  let x: number;
  let y: number;
  let z: number;
  let w: number;
  let s: number;
  while (nn >= 1) {
    let its = 0;
    let l: number;
    do {
      // look for a single small subdiagonal element to split the matrix
      for (l = nn; l >= 2; l--) {
        s = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
        if (s === 0) s = anorm;
        if (Math.abs(a[l]![l - 1]!) + s === s) {
          a[l]![l - 1] = 0;
          break;
        }
      }
      x = a[nn]![nn]!;
      if (l === nn) {
        // one root found
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        y = a[nn - 1]![nn - 1]!;
        w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
        if (l === nn - 1) {
          // two roots found: the 2×2 block at the bottom
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + sign(z, p);
            wr[nn - 1] = wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn - 1] = z;
            wi[nn] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) throw new Error('eigenvalues: QR iteration did not converge');
          if (its === 10 || its === 20 || its === 40) {
            // exceptional shift
            t += x;
            for (let i = 1; i <= nn; i++) a[i]![i]! -= x;
            s = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          its++;
          // form the shift and look for two consecutive small subdiagonal elements
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m]![m]!;
            r = x - z;
            s = y - z;
            p = (r * s - w) / a[m + 1]![m]! + a[m]![m + 1]!;
            q = a[m + 1]![m + 1]! - z - r - s;
            r = a[m + 2]![m + 1]!;
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
            const v =
              Math.abs(p) *
              (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            a[i]![i - 2] = 0;
            if (i !== m + 2) a[i]![i - 3] = 0;
          }
          // double QR step on rows l..nn and columns m..nn
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = a[k]![k - 1]!;
              q = a[k + 1]![k - 1]!;
              r = 0;
              if (k !== nn - 1) r = a[k + 2]![k - 1]!;
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            s = sign(Math.sqrt(p * p + q * q + r * r), p);
            if (s !== 0) {
              if (k === m) {
                if (l !== m) a[k]![k - 1] = -a[k]![k - 1]!;
              } else a[k]![k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = a[k]![j]! + q * a[k + 1]![j]!;
                if (k !== nn - 1) {
                  p += r * a[k + 2]![j]!;
                  a[k + 2]![j]! -= p * z;
                }
                a[k + 1]![j]! -= p * y;
                a[k]![j]! -= p * x;
              }
              const mmin = nn < k + 3 ? nn : k + 3;
              for (let i = l; i <= mmin; i++) {
                p = x * a[i]![k]! + y * a[i]![k + 1]!;
                if (k !== nn - 1) {
                  p += z * a[i]![k + 2]!;
                  a[i]![k + 2]! -= p * r;
                }
                a[i]![k + 1]! -= p * q;
                a[i]![k]! -= p;
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  for (let i = 0; i < n; i++) {
    re[i] = wr[i + 1]!;
    im[i] = wi[i + 1]!;
  }
  return { re, im };
}

/** The spectral radius max |λ|. */
export function spectralRadius(e: Eigenvalues): number {
  let r = 0;
  for (let i = 0; i < e.re.length; i++) r = Math.max(r, Math.hypot(e.re[i]!, e.im[i]!));
  return r;
}

/**
 * All singular values of a row-major m×n matrix (m ≥ n), largest first, by one-sided Jacobi:
 * rotate pairs of columns until every pair is orthogonal; the column norms are then the singular
 * values. Accurate for the small ones too (σ_min), unlike power iteration. A is not modified.
 */
export function singularValues(A: Float64Array, m: number, n: number): Float64Array {
  const U = Float64Array.from(A);
  for (let k = 0; k < U.length; k++) {
    if (!Number.isFinite(U[k]!)) return new Float64Array(n).fill(NaN);
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const up = U[i * n + p]!;
          const uq = U[i * n + q]!;
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // the rotation that makes columns p and q orthogonal
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const up = U[i * n + p]!;
          const uq = U[i * n + q]!;
          U[i * n + p] = c * up - s * uq;
          U[i * n + q] = s * up + c * uq;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += U[i * n + j]! * U[i * n + j]!;
    sv[j] = Math.sqrt(ss);
  }
  return sv.sort().reverse();
}
