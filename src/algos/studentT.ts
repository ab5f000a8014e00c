/**
 * Student's t distribution for confidence intervals of a mean over R runs: the 95% interval is
 * mean ± t₀.₉₇₅(R − 1) · se. The CDF comes from the regularized incomplete beta function (continued fraction
 * by the modified Lentz method, Numerical Recipes §6.4), the quantile from bisection on it (monotone, 60
 * halvings reach double precision). Above `NORMAL_DF` degrees of freedom the quantile is the normal one
 * (Acklam's rational approximation, relative error < 1.2e-9): there t differs from it by < (z³ + z)/(4ν)
 * ≈ 2.4e-6 at p = 0.975, while the incomplete beta at x = ν/(ν + t²) → 1 loses its digits (ν = 1e18 gave 8.0).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Continued fraction of I_x(a, b) (converges fast for x < (a + 1)/(a + b + 2)). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // h = 1/(1 + d₁x/(1 + d₂x/(1 + …))), d₂ₘ = m(b − m)x/((a + 2m − 1)(a + 2m)),
  // d₂ₘ₊₁ = −(a + m)(a + b + m)x/((a + 2m)(a + 2m + 1))
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b) for x ∈ [0, 1]. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for T ~ Student's t with `df` > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  // P(|T| > t) = I_{df/(df + t²)}(df/2, 1/2)
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Degrees of freedom above which studentTQuantile returns the normal quantile. */
export const NORMAL_DF = 1e6;

const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** P(Z ≤ z) for a standard normal Z: ½·P(½, z²/2) ± ½ from the regularized incomplete gamma. */
export function normalCdf(z: number): number {
  const x = 0.5 * z * z;
  // NR §6.2: series P(a, x) = e^(−x) x^a / Γ(a) Σₙ xⁿ/(a(a+1)…(a+n)) for x < a + 1, else Q by continued fraction
  const front = Math.exp(-x + 0.5 * Math.log(x) - logGamma(0.5));
  let tail: number; // Q(½, x) = P(|Z| > |z|)
  if (x < 1.5) {
    let term = 2;
    let sum = 2;
    for (let n = 1; n < 300 && Math.abs(term) > 1e-17 * sum; n++) sum += term *= x / (0.5 + n);
    tail = 1 - front * sum;
  } else {
    let b = x + 0.5;
    let c = 1e300;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 300; i++) {
      const an = -i * (i - 0.5);
      b += 2;
      d = 1 / (an * d + b);
      c = b + an / c;
      const del = c * d;
      h *= del;
      if (Math.abs(del - 1) < 1e-16) break;
    }
    tail = front * h;
  }
  return z >= 0 ? 1 - 0.5 * tail : 0.5 * tail;
}

/** The p-quantile of the standard normal, p ∈ (0, 1): Acklam's approximation, one Halley step on normalCdf. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const x = acklam(p);
  // Halley: u = (Φ(x) − p)·√(2π)·e^(x²/2), x ← x − u/(1 + x·u/2)
  const u = (normalCdf(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** P. J. Acklam's rational approximation of the normal quantile (relative error < 1.2e-9). */
function acklam(p: number): number {
  const [a, b, c, d] = [ACKLAM_A, ACKLAM_B, ACKLAM_C, ACKLAM_D];
  if (p > 1 - 0.02425) return -acklam(1 - p);
  if (p < 0.02425) {
    // lower tail: q = √(−2 ln p), z = C(q)/D(q)
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  // central region: q = p − ½, r = q², z = q·A(r)/B(r)
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The p-quantile of Student's t with `df` degrees of freedom, p ∈ (0, 1); normal above NORMAL_DF. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (df > NORMAL_DF) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Half-width multiplier of a 95% confidence interval for a mean over `runs` runs: t₀.₉₇₅(runs − 1). */
export function ci95Multiplier(runs: number): number {
  return runs > 1 ? studentTQuantile(0.975, runs - 1) : NaN;
}
