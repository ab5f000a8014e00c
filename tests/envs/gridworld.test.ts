import { describe, expect, it } from 'vitest';
import { Gridworld } from '../../envs/gridworld/Gridworld';
import { make } from '../../envs/index';
import { EnvError } from '../../envs/EnvError';

const UP = 0;
const RIGHT = 1;
const DOWN = 2;
const LEFT = 3;

/**
 * Naive reference for one move, from the map text alone: where action `a` leads from (row, col), and the
 * outcome distribution over (next cell, terminal, reward) with slip.
 */
function referenceOutcomes(
  rows: string[],
  cell: number,
  a: number,
  slip: number,
  rewards: { step: number; goal: number; pit: number },
): Map<string, number> {
  const h = rows.length;
  const w = rows[0].length;
  const r = Math.floor(cell / w);
  const c = cell % w;
  const out = new Map<string, number>();
  const moves = [
    [-1, 0],
    [0, 1],
    [1, 0],
    [0, -1],
  ];
  for (let b = 0; b < 4; b++) {
    const p = (b === a ? 1 - slip : 0) + slip / 4;
    if (p === 0) continue;
    let [r2, c2] = [r + moves[b][0], c + moves[b][1]];
    if (r2 < 0 || r2 >= h || c2 < 0 || c2 >= w || rows[r2][c2] === '#') [r2, c2] = [r, c];
    const ch = rows[r2][c2];
    const reward = ch === 'G' ? rewards.goal : ch === 'X' ? rewards.pit : rewards.step;
    const key = `${r2 * w + c2}|${ch === 'G' || ch === 'X' ? 1 : 0}|${reward}`;
    out.set(key, (out.get(key) ?? 0) + p);
  }
  return out;
}

describe('Gridworld', () => {
  it('uses cell index row·W + col, walls and edges block, goals and pits terminate', () => {
    const g = new Gridworld({ map: 'S#G./..X./....', stepReward: -0.5, goalReward: 3, pitReward: -7 });
    expect([g.width, g.height, g.start]).toEqual([4, 3, 0]);
    expect(g.observationSpace).toEqual({ kind: 'discrete', n: 12 });
    expect(g.reset(0)).toBe(0);
    let r = g.step(RIGHT);
    expect([r.obs, r.reward, r.terminated, r.truncated]).toEqual([0, -0.5, false, false]);
    r = g.step(UP);
    expect([r.obs, r.reward, r.terminated]).toEqual([0, -0.5, false]);
    r = g.step(LEFT);
    expect(r.obs).toBe(0);
    r = g.step(DOWN);
    expect([r.obs, r.reward]).toEqual([4, -0.5]);
    r = g.step(RIGHT);
    expect(r.obs).toBe(5);
    r = g.step(RIGHT);
    expect([r.obs, r.reward, r.terminated]).toEqual([6, -7, true]);
    expect(() => g.step(UP)).toThrow(/reset/);
    g.reset();
    g.setState(5);
    expect(g.step(UP).obs).toBe(5); // (0, 1) is a wall
    g.setState(7);
    expect(g.step(RIGHT).obs).toBe(7); // east edge
    expect(g.step(UP).obs).toBe(3);
    r = g.step(LEFT);
    expect([r.obs, r.reward, r.terminated]).toEqual([2, 3, true]);
  });

  it('reaches the goal with goalReward', () => {
    const g = new Gridworld({ map: 'S.G', goalReward: 5 });
    g.reset(0);
    g.step(RIGHT);
    const r = g.step(RIGHT);
    expect([r.obs, r.reward, r.terminated]).toEqual([2, 5, true]);
  });

  it('takes rewards from the preset, else −0.01 / +1 / −1, and lets options override', () => {
    const cliff = new Gridworld({ map: 'cliff' });
    expect([cliff.stepReward, cliff.goalReward, cliff.pitReward]).toEqual([-1, 0, -100]);
    const custom = new Gridworld({ map: 'S.G' });
    expect([custom.stepReward, custom.goalReward, custom.pitReward]).toEqual([-0.01, 1, -1]);
    expect(new Gridworld({ map: 'cliff', pitReward: -5 }).pitReward).toBe(-5);
    expect(new Gridworld().presetId).toBe('open5x5');
    expect(custom.presetId).toBe('custom');
  });

  it('slips to a uniformly random move with probability slip (frequencies within 4.5 SE)', () => {
    const slip = 0.4;
    const g = new Gridworld({ map: '.../.S./..G', slip });
    const n = 40000;
    const counts = new Map<number, number>();
    g.reset(123);
    for (let i = 0; i < n; i++) {
      g.reset();
      const o = g.step(RIGHT).obs;
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    const expected = new Map([
      [5, 1 - slip + slip / 4],
      [1, slip / 4],
      [7, slip / 4],
      [3, slip / 4],
    ]);
    expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [cell, p] of expected) {
      expect(Math.abs(counts.get(cell)! / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it.each([
    ['bridge', 0.2],
    ['cliff', 0],
    ['fourRooms', 0.3],
    ['S.#G/.X../....', 1],
  ])('model of %s (slip %s) equals a naive reference built from the map text', (map, slip) => {
    const g = new Gridworld({ map, slip });
    const rows = g.map.rows as string[];
    const m = g.model;
    expect([m.nStates, m.nActions, m.nObs]).toEqual([g.width * g.height, 4, g.width * g.height]);
    for (let s = 0; s < m.nStates; s++) {
      expect(m.obsOf[s]).toBe(s);
      expect(m.start[s]).toBe(s === g.start ? 1 : 0);
      const ch = rows[Math.floor(s / g.width)][s % g.width];
      for (let a = 0; a < 4; a++) {
        const got = new Map<string, number>();
        let total = 0;
        for (let k = m.offsets[s * 4 + a]; k < m.offsets[s * 4 + a + 1]; k++) {
          const key = `${m.next[k]}|${m.terminal[k]}|${m.reward[k]}`;
          got.set(key, (got.get(key) ?? 0) + m.prob[k]);
          total += m.prob[k];
        }
        expect(total).toBeCloseTo(1, 12);
        const want =
          ch === '#' || ch === 'G' || ch === 'X'
            ? new Map([[`${s}|0|0`, 1]])
            : referenceOutcomes(rows, s, a, slip, {
                step: g.stepReward,
                goal: g.goalReward,
                pit: g.pitReward,
              });
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [key, p] of want) expect(got.get(key)).toBeCloseTo(p, 12);
      }
    }
  });

  it('env transitions match the model from every cell (frequencies within 4.5 SE)', () => {
    const g = new Gridworld({ map: 'bridge', slip: 0.3 });
    const m = g.model;
    g.reset(5);
    const n = 1500;
    for (let s = 0; s < m.nStates; s++) {
      if (g.cells[s] === 1 || g.isTerminalCell(s)) continue;
      for (let a = 0; a < 4; a++) {
        const counts = new Map<string, number>();
        for (let i = 0; i < n; i++) {
          g.setState(s);
          const r = g.step(a);
          const key = `${r.obs}|${r.terminated ? 1 : 0}|${r.reward}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const want = new Map<string, number>();
        for (let k = m.offsets[s * 4 + a]; k < m.offsets[s * 4 + a + 1]; k++) {
          want.set(`${m.next[k]}|${m.terminal[k]}|${m.reward[k]}`, m.prob[k]);
        }
        for (const key of counts.keys()) expect(want.has(key)).toBe(true);
        for (const [key, p] of want) {
          const f = (counts.get(key) ?? 0) / n;
          expect(Math.abs(f - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
        }
      }
    }
  });

  it('make() truncates at the time limit, but a step that terminates is never truncated', () => {
    const env = make('gridworld', { map: 'S...G', timeLimit: 4 });
    env.reset(0);
    const flags: boolean[][] = [];
    for (let t = 0; t < 4; t++) {
      const r = env.step(LEFT);
      flags.push([r.terminated, r.truncated]);
    }
    expect(flags).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
    env.reset();
    let r = env.step(RIGHT);
    for (let t = 1; t < 4; t++) r = env.step(RIGHT);
    expect([r.terminated, r.truncated, r.obs]).toEqual([true, false, 4]);
    env.reset();
    expect(env.step(RIGHT).truncated).toBe(false);
    expect(env.elapsedSteps).toBe(1);
  });

  it('the same seed reproduces a slippery trajectory', () => {
    const run = (seed: number) => {
      const g = new Gridworld({ map: 'fourRooms', slip: 0.5 });
      const obs = [g.reset(seed)];
      for (let t = 0; t < 200; t++) {
        const r = g.step(t % 4);
        obs.push(r.obs);
        if (r.terminated) obs.push(g.reset());
      }
      return obs;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('rejects bad options with EnvErrors and bad actions/states with errors', () => {
    expect(() => new Gridworld({ map: 'S#G' })).toThrow(
      new EnvError('gridworld: bad map: goal is unreachable from the start'),
    );
    expect(() => new Gridworld({ slip: 2 })).toThrow(/slip must be a number in \[0, 1\], got 2/);
    expect(() => new Gridworld({ stepReward: Number.POSITIVE_INFINITY })).toThrow(/stepReward/);
    expect(() => new Gridworld().step(4)).toThrow(/action/);
    expect(() => new Gridworld({ map: 'S#G/...' }).setState(1)).toThrow(/floor/);
    expect(() => new Gridworld({ map: 'S#G/...' }).setState(2)).toThrow(/floor/);
  });
});
