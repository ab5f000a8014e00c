import { describe, expect, it } from 'vitest';
import { PointMass, PointMassModel } from '../../envs/pointmass/PointMass';
import { Rng } from '../../src/core/random';

const rng = new Rng(2024, 9);
const randn = (n: number, scale = 1): Float64Array => {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = scale * rng.normal();
  return x;
};

/** Central difference of f at x along coordinate i, with a step scaled to |x_i|. */
function fd(f: () => number, x: Float64Array, i: number): number {
  const x0 = x[i];
  const h = 1e-6 * Math.max(1, Math.abs(x0));
  x[i] = x0 + h;
  const up = f();
  x[i] = x0 - h;
  const down = f();
  x[i] = x0;
  return (up - down) / (2 * h);
}

const models = [
  new PointMass().model,
  new PointMass({ dt: 0.05, drag: 2, maxForce: 5, actionCost: 0.3, goal: [-1, 4] }).model,
  new PointMass({ drag: 0, actionCost: 0 }).model,
];

describe('PointMassModel', () => {
  it('transition implements v′ = (1 − drag·dt)v + dt·maxForce·tanh(a), p′ = p + dt·v′, r = −‖p′ − g‖² − c‖a‖²', () => {
    const m = new PointMass({ dt: 0.2, drag: 0.5, maxForce: 3, actionCost: 0.1, goal: [1, -1] }).model;
    const s = Float64Array.from([0.5, -0.25, 1, 2]);
    const a = Float64Array.from([0.3, -2]);
    const out = new Float64Array(4);
    const r = m.transition(s, a, out);
    const vx = 0.9 * 1 + 0.2 * 3 * Math.tanh(0.3);
    const vy = 0.9 * 2 + 0.2 * 3 * Math.tanh(-2);
    const x = 0.5 + 0.2 * vx;
    const y = -0.25 + 0.2 * vy;
    expect(Array.from(out)).toEqual([x, y, vx, vy].map((v) => expect.closeTo(v, 14)));
    expect(r).toBeCloseTo(-((x - 1) ** 2 + (y + 1) ** 2) - 0.1 * (0.09 + 4), 12);
    // out may alias s
    const s2 = Float64Array.from(s);
    expect(m.transition(s2, a, s2)).toBe(r);
    expect(Array.from(s2)).toEqual(Array.from(out));
  });

  it.each(models.map((m, i) => [i, m] as const))(
    'backprop matches finite differences at random points (model %i)',
    (_i, m) => {
      const out = new Float64Array(4);
      for (let trial = 0; trial < 200; trial++) {
        const s = randn(4, 3);
        const a = randn(2, 1.5);
        const g = randn(4);
        const w = rng.normal();
        const L = (): number => {
          const r = m.transition(s, a, out);
          return w * r + g[0] * out[0] + g[1] * out[1] + g[2] * out[2] + g[3] * out[3];
        };
        // Prefill the accumulators to check that backprop adds into them.
        const gS0 = randn(4);
        const gA0 = randn(2);
        const gS = Float64Array.from(gS0);
        const gA = Float64Array.from(gA0);
        m.backprop(s, a, g, w, gS, gA);
        for (let i = 0; i < 4; i++) {
          const num = fd(L, s, i);
          expect(Math.abs(gS[i] - gS0[i] - num)).toBeLessThan(1e-6 * (1 + Math.abs(num)));
        }
        for (let i = 0; i < 2; i++) {
          const num = fd(L, a, i);
          expect(Math.abs(gA[i] - gA0[i] - num)).toBeLessThan(1e-6 * (1 + Math.abs(num)));
        }
      }
    },
  );

  it('backprop through a whole trajectory gives ∂(Σ r_t)/∂a_t (finite differences)', () => {
    for (const m of models) {
      const H = m.horizon;
      const s0 = Float64Array.from([0.3, -0.7, 0.2, 0.1]);
      const actions = randn(2 * H, 0.8);
      const states = new Float64Array(4 * (H + 1));
      const a = new Float64Array(2);
      const s = new Float64Array(4);
      const total = (): number => {
        states.set(s0);
        let R = 0;
        for (let t = 0; t < H; t++) {
          s.set(states.subarray(4 * t, 4 * t + 4));
          a.set(actions.subarray(2 * t, 2 * t + 2));
          R += m.transition(s, a, s);
          states.set(s, 4 * (t + 1));
        }
        return R;
      };
      total();
      const grad = new Float64Array(2 * H);
      let gNext = new Float64Array(4);
      for (let t = H - 1; t >= 0; t--) {
        const gS = new Float64Array(4);
        const gA = new Float64Array(2);
        m.backprop(states.subarray(4 * t, 4 * t + 4), actions.subarray(2 * t, 2 * t + 2), gNext, 1, gS, gA);
        grad.set(gA, 2 * t);
        gNext = gS;
      }
      for (let j = 0; j < 2 * H; j++) {
        const num = fd(total, actions, j);
        expect(Math.abs(grad[j] - num)).toBeLessThan(1e-5 * (1 + Math.abs(num)));
      }
      // and with respect to the start state
      const gs0 = gNext;
      for (let i = 0; i < 4; i++) {
        const num = fd(total, s0, i);
        expect(Math.abs(gs0[i] - num)).toBeLessThan(1e-5 * (1 + Math.abs(num)));
      }
    }
  });
});

describe('PointMass env', () => {
  it('steps with its model, lasts exactly `horizon` steps and ends truncated, not terminated', () => {
    const env = new PointMass({ horizon: 30 });
    const m: PointMassModel = env.model;
    const s = Float64Array.from(env.reset(4));
    expect(Array.from(env.startState)).toEqual(Array.from(s));
    const expected = new Float64Array(4);
    const a = new Float64Array(2);
    for (let t = 0; t < 30; t++) {
      a[0] = Math.sin(t);
      a[1] = Math.cos(2 * t);
      const rm = m.transition(s, a, expected);
      const r = env.step(a);
      expect(r.reward).toBe(rm);
      expect(Array.from(r.obs)).toEqual(Array.from(expected));
      expect(r.obs).toBe(env.state);
      expect(r.terminated).toBe(false);
      expect(r.truncated).toBe(t === 29);
      s.set(expected);
    }
    expect(env.timeLimit).toBe(m.horizon);
    expect(() => env.step(a)).toThrow(/horizon/);
  });

  it('starts uniformly in [−spread, spread]² with zero velocity; the same seed gives the same start', () => {
    const env = new PointMass({ startSpread: 2 });
    const xs: number[] = [];
    for (let seed = 0; seed < 4000; seed++) {
      const o = env.reset(seed);
      expect(o[0] >= -2 && o[0] <= 2 && o[1] >= -2 && o[1] <= 2).toBe(true);
      expect([o[2], o[3]]).toEqual([0, 0]);
      xs.push(o[0]);
    }
    const mean = xs.reduce((p, q) => p + q, 0) / xs.length;
    const sd = Math.sqrt(16 / 12);
    expect(Math.abs(mean)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
    expect(Array.from(env.reset(17))).toEqual(Array.from(new PointMass({ startSpread: 2 }).reset(17)));
    expect(Array.from(new PointMass({ startSpread: 0 }).reset(3))).toEqual([0, 0, 0, 0]);
  });

  it('pushing toward the goal beats doing nothing', () => {
    const ret = (policy: (s: Float64Array, a: Float64Array) => void): number => {
      const env = new PointMass({ startSpread: 0 });
      const a = new Float64Array(2);
      let s = env.reset(0);
      let R = 0;
      for (let t = 0; t < env.model.horizon; t++) {
        policy(s, a);
        const r = env.step(a);
        R += r.reward;
        s = r.obs;
      }
      return R;
    };
    const idle = ret((_s, a) => a.fill(0));
    const pd = ret((s, a) => {
      a[0] = 2 * (3 - s[0]) - 2 * s[2];
      a[1] = 2 * (2 - s[1]) - 2 * s[3];
    });
    expect(pd).toBeGreaterThan(idle);
  });
});
