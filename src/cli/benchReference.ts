/**
 * Hand-written tight loops of the four benchmark workloads: everything inlined, no abstractions. They are
 * the yardstick the engine's rates are compared with (the engine must reach ≥ 0.6× of these). Each function
 * runs `n` units of work (pulls, env steps or samples) and returns a checksum so nothing is optimised away.
 */
import { Rng } from '../core/random';

/** 10-armed Gaussian testbed, gradient bandit with the average baseline, lr 0.1, new problem every 1000. */
export function referenceBandit(n: number, rng: Rng): number {
  const k = 10;
  const q = new Float64Array(k);
  const h = new Float64Array(k);
  const p = new Float64Array(k);
  let avg = 0;
  let count = 0;
  let check = 0;
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 0) {
      for (let a = 0; a < k; a++) q[a] = rng.normal();
      h.fill(0);
      avg = 0;
      count = 0;
    }
    let m = -Infinity;
    for (let a = 0; a < k; a++) if (h[a] > m) m = h[a];
    let z = 0;
    for (let a = 0; a < k; a++) z += p[a] = Math.exp(h[a] - m);
    const u = rng.uniform() * z;
    let c = 0;
    let act = k - 1;
    for (let a = 0; a < k; a++) {
      c += p[a];
      if (u < c) {
        act = a;
        break;
      }
    }
    const r = q[act] + rng.normal();
    const adv = (r - avg) * 0.1;
    for (let a = 0; a < k; a++) h[a] -= (adv * p[a]) / z;
    h[act] += adv;
    count++;
    avg += (r - avg) / count;
    check += r;
  }
  return check;
}

/** Open 5×5 gridworld, REINFORCE + tabular V baseline, γ 0.99, lr 0.1 both, fresh agent every 200 episodes. */
export function referenceGridworld(n: number, rng: Rng): number {
  const w = 5;
  const cells = w * w;
  const theta = new Float64Array(cells * 4);
  const v = new Float64Array(cells);
  const maxT = 100;
  const sBuf = new Int32Array(maxT);
  const aBuf = new Int32Array(maxT);
  const pBuf = new Float64Array(maxT * 4);
  const rBuf = new Float64Array(maxT);
  let steps = 0;
  let episodes = 0;
  let check = 0;
  while (steps < n) {
    if (episodes % 200 === 0) {
      theta.fill(0);
      v.fill(0);
    }
    let s = 0;
    let t = 0;
    for (; t < maxT;) {
      const o = s * 4;
      let m = theta[o];
      for (let a = 1; a < 4; a++) if (theta[o + a] > m) m = theta[o + a];
      let z = 0;
      for (let a = 0; a < 4; a++) z += pBuf[t * 4 + a] = Math.exp(theta[o + a] - m);
      for (let a = 0; a < 4; a++) pBuf[t * 4 + a] /= z;
      const u = rng.uniform();
      let c = 0;
      let act = 3;
      for (let a = 0; a < 4; a++) {
        c += pBuf[t * 4 + a];
        if (u < c) {
          act = a;
          break;
        }
      }
      const row = (s / w) | 0;
      const col = s % w;
      let ns = s;
      if (act === 0 && row > 0) ns = s - w;
      else if (act === 1 && col < w - 1) ns = s + 1;
      else if (act === 2 && row < w - 1) ns = s + w;
      else if (act === 3 && col > 0) ns = s - 1;
      sBuf[t] = s;
      aBuf[t] = act;
      const goal = ns === cells - 1;
      rBuf[t] = goal ? 1 : -0.01;
      t++;
      s = ns;
      if (goal) break;
    }
    steps += t;
    episodes++;
    let g = 0;
    let disc = Math.pow(0.99, t - 1);
    for (let i = t - 1; i >= 0; i--) {
      g = rBuf[i] + 0.99 * g;
      const st = sBuf[i];
      const adv = g - v[st];
      const scale = 0.1 * disc * adv;
      for (let a = 0; a < 4; a++) theta[st * 4 + a] -= scale * pBuf[i * 4 + a];
      theta[st * 4 + aBuf[i]] += scale;
      v[st] += 0.1 * adv;
      disc /= 0.99;
      check += g;
    }
  }
  return check;
}

/** 1-D Gaussian policy on r(a) = −(a − 2)², lr 0.01, batch 1: score function with an EMA baseline. */
export function referenceGaussianScore(n: number, rng: Rng): number {
  let mu = 0;
  let ls = 0;
  let ema = 0;
  let check = 0;
  for (let i = 0; i < n; i++) {
    if (i % 10000 === 0) {
      mu = 0;
      ls = 0;
      ema = 0;
    }
    const sigma = Math.exp(ls < -5 ? -5 : ls > 2 ? 2 : ls);
    const e = rng.normal();
    const a = mu + sigma * e;
    const r = -(a - 2) * (a - 2);
    const adv = r - ema;
    mu += (0.01 * adv * e) / sigma;
    ls += 0.01 * adv * (e * e - 1);
    ema += 0.1 * (r - ema);
    check += r;
  }
  return check;
}

/** 1-D Gaussian policy on r(a) = −(a − 2)², lr 0.01, batch 1: pathwise gradient. */
export function referenceGaussianPathwise(n: number, rng: Rng): number {
  let mu = 0;
  let ls = 0;
  let check = 0;
  for (let i = 0; i < n; i++) {
    if (i % 10000 === 0) {
      mu = 0;
      ls = 0;
    }
    const sigma = Math.exp(ls < -5 ? -5 : ls > 2 ? 2 : ls);
    const e = rng.normal();
    const a = mu + sigma * e;
    const dr = -2 * (a - 2);
    mu += 0.01 * dr;
    ls += 0.01 * dr * sigma * e;
    check += dr;
  }
  return check;
}
