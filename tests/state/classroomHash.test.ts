// Views and classroom links in the hash: the view keys round-trip exactly and are written only when they
// differ from a fresh page (old links read as before); bad values are one line each; `hide=` is validated
// against the registry; `setup=` keeps the teacher's settings while the student's change; the lab's old
// `hide=<estimators>` links still hide estimators.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/algos/config';
import {
  hideableIds,
  isHidden,
  LAB_HIDEABLE,
  parseHide,
  PLAYGROUND_HIDEABLE,
} from '../../src/state/classroom';
import { defaultLabConfig } from '../../src/state/labConfig';
import { createLabStore } from '../../src/state/labStore';
import { readLabHash, restoreLabSetup, syncLabHash, writeLabHash } from '../../src/state/labUrl';
import { createPlaygroundStore } from '../../src/state/store';
import {
  defaultCompare,
  hashOf,
  linkViewOf,
  readHash,
  restoreSetup,
  syncHash,
  writeHash,
} from '../../src/state/url';
import { defaultLinkView, type LinkView } from '../../src/state/viewHash';
import { LAB_ESTIMATORS } from '../../src/algos/lab/estimators';
import { fakeHost } from './fakeHost';

afterEach(() => vi.useRealTimers());

describe('the view in the link', () => {
  it('a fresh store has the default link view (so nothing extra is written for it)', () => {
    expect(linkViewOf(createPlaygroundStore().getState())).toEqual(defaultLinkView());
    expect(writeHash(defaultConfig('gridworld'), defaultCompare(), defaultLinkView())).toBe(
      'env=gridworld&seed=1',
    );
  });

  it('round-trips every view value exactly', () => {
    const config = defaultConfig('gridworld');
    const view: LinkView = {
      speed: 0,
      playing: true,
      showTrueMeans: false,
      showValue: false,
      selectedCell: 24,
    };
    const hash = writeHash(config, defaultCompare(), view);
    expect(hash).toBe('env=gridworld&seed=1&speed=0&play=1&true-means=0&heatmap=0&cell=24');
    const r = readHash(hash);
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual(view);
    expect(r.config).toEqual(config);
    expect(r.classroom).toBeNull();
  });

  it('reads old links (no view keys) with the default view', () => {
    const r = readHash('#env=gridworld&baseline=learned&lr=0.1&seed=5');
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual(defaultLinkView());
  });

  it.each([
    ['speed=8', /speed must be a whole number from 0 to 7/],
    ['speed=-1', /speed/],
    ['speed=1.5', /speed/],
    ['play=yes', /play must be 0 or 1/],
    ['heatmap=2', /heatmap/],
    ['true-means=', /true-means/],
    ['cell=25', /the map has 25 cells, numbered 0 to 24 \(got 25; ignored\)/],
    ['cell=-3', /cell/],
  ])('ignores env=gridworld&%s with one line and keeps the default', (pair, pattern) => {
    const r = readHash(`env=gridworld&${pair}`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(pattern);
    expect(r.view).toEqual(defaultLinkView());
  });

  it('a cell is checked against the linked map and needs the gridworld', () => {
    expect(readHash('env=gridworld&map=S.G&cell=2').view.selectedCell).toBe(2);
    expect(readHash('env=gridworld&map=S.G&cell=3').errors[0]).toMatch(/3 cells/);
    const bandit = readHash('env=bandit&cell=2');
    expect(bandit.errors).toEqual(['cell: only the gridworld has cells (ignored)']);
    expect(bandit.view.selectedCell).toBe(-1);
  });

  it('syncHash applies the view on load and writes view changes back', () => {
    vi.useFakeTimers();
    const store = createPlaygroundStore();
    const host = fakeHost('#env=gridworld&seed=1&speed=1&heatmap=0&cell=7');
    const stop = syncHash(store, host, 50);
    const s = store.getState();
    expect([s.speed, s.view.showValue, s.view.selectedCell, s.playing]).toEqual([1, false, 7, false]);
    s.setSpeed(6);
    s.setView({ selectedCell: 3 });
    vi.advanceTimersByTime(60);
    expect(host.location.hash).toBe('#env=gridworld&seed=1&speed=6&heatmap=0&cell=3');
    stop();
  });
});

describe('hide=', () => {
  it('ids are unique per page and lower-case words', () => {
    for (const page of ['playground', 'lab'] as const) {
      const ids = hideableIds(page);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    // the lab's old links listed estimators in hide=, so no control may share a name with one
    for (const id of hideableIds('lab')) expect(LAB_ESTIMATORS as readonly string[]).not.toContain(id);
    expect(PLAYGROUND_HIDEABLE.length + LAB_HIDEABLE.length).toBeGreaterThan(8);
  });

  it('keeps known ids in canonical order and reports unknown ones in one line', () => {
    expect(parseHide('playground', 'seed,lr,seed,agent')).toEqual({
      hidden: ['agent', 'lr', 'seed'],
      extra: [],
      error: null,
    });
    const r = parseHide('playground', 'lr,bogus,<b>');
    expect(r.hidden).toEqual(['lr']);
    expect(r.error).toBe('hide: unknown controls "bogus", "<b>" (ignored)');
  });

  it('a classroom link round-trips, and equals the teacher link until something changes', () => {
    const config = { ...defaultConfig('gridworld'), lr: 0.25, seed: 9 };
    const teacher = `${writeHash(config, defaultCompare())}&hide=lr,env`;
    const r = readHash(teacher);
    expect(r.errors).toEqual([]);
    expect(r.classroom).toEqual({ hidden: ['env', 'lr'], setup: 'env=gridworld&lr=0.25&seed=9' });
    expect(writeHash(r.config, r.compare, r.view, r.classroom)).toBe(
      'env=gridworld&lr=0.25&seed=9&hide=env,lr',
    );
    // the student changes the baseline: the link keeps the teacher's setup alongside
    const changed = { ...r.config, baseline: 'none' as const };
    const student = writeHash(changed, r.compare, r.view, r.classroom);
    expect(student).toBe(
      'env=gridworld&baseline=none&lr=0.25&seed=9&hide=env,lr&setup=env%3Dgridworld%26lr%3D0.25%26seed%3D9',
    );
    const again = readHash(student);
    expect(again.errors).toEqual([]);
    expect(again.config).toEqual(changed);
    expect(again.classroom).toEqual(r.classroom);
  });

  it('unknown ids, stray setup= and nested hide are reported, the rest applies', () => {
    const r = readHash('env=bandit&hide=lr,nope');
    expect(r.errors).toEqual(['hide: unknown control "nope" (ignored)']);
    expect(r.classroom?.hidden).toEqual(['lr']);
    expect(readHash('env=bandit&setup=env%3Dbandit').errors).toEqual([
      'setup: only used together with hide (ignored)',
    ]);
    expect(readHash('env=bandit&hide=nope').classroom).toBeNull();
    const nested = readHash('env=bandit&hide=lr&setup=env%3Dbandit%26lr%3D-1%26hide%3Dseed');
    expect(nested.errors).toEqual([
      "setup: hide inside the teacher's setup (ignored)",
      'setup: lr must be a number in (0, 1000000) (got "-1")',
    ]);
    expect(nested.classroom?.setup).toBe('env=bandit&seed=1');
  });

  it('restoreSetup reapplies the teacher setup after the student changed things', () => {
    const store = createPlaygroundStore();
    const host = fakeHost('#env=gridworld&lr=0.25&seed=9&speed=2&hide=lr');
    const stop = syncHash(store, host, 50);
    const before = hashOf(store);
    store.getState().setConfig({ baseline: 'none', gamma: 0.5 });
    store.getState().setSpeed(7);
    expect(hashOf(store)).not.toBe(before);
    restoreSetup(store);
    expect(hashOf(store)).toBe(before);
    expect(store.getState().classroom?.hidden).toEqual(['lr']);
    stop();
  });
});

describe('lab classroom links', () => {
  it('hidden estimators are hide-estimators=, and old hide=<estimators> links still work', () => {
    const config = { ...defaultLabConfig(), hide: ['loo' as const] };
    expect(writeLabHash(config)).toBe('f=cos(k%20*%20z)&hide-estimators=loo');
    const old = readLabHash('f=cos(k*z)&hide=loo,muprop');
    expect(old.errors).toEqual([]);
    expect(old.config.hide).toEqual(LAB_ESTIMATORS.filter((n) => n === 'loo' || n === 'muprop'));
    expect(old.config.hide).toHaveLength(2);
    expect(old.classroom).toBeNull();
  });

  it('hide= mixes controls and (old) estimators; the classroom round-trips', () => {
    const r = readLabHash('f=z%5E2&mu=0.5&hide=mu,loo,race,zzz');
    expect(r.errors).toEqual(['hide: unknown control "zzz" (ignored)']);
    expect(r.config.hide).toEqual(['loo']);
    expect(r.classroom).toEqual({ hidden: ['mu', 'race'], setup: 'f=z%5E2&mu=0.5&hide-estimators=loo' });
    const student = { ...r.config, sigma: 2 };
    const hash = writeLabHash(student, r.classroom);
    const again = readLabHash(hash);
    expect(again.errors).toEqual([]);
    expect(again.config).toEqual(student);
    expect(again.classroom).toEqual(r.classroom);
  });

  it('syncLabHash keeps the classroom in the link and restores the setup', () => {
    vi.useFakeTimers();
    const store = createLabStore();
    const host = fakeHost('#f=z%5E2&mu=0.5&hide=mu');
    const stop = syncLabHash(store, host, 50);
    store.getState().setConfig({ sigma: 2 });
    vi.advanceTimersByTime(60);
    expect(host.location.hash).toBe('#f=z%5E2&mu=0.5&sigma=2&hide=mu&setup=f%3Dz%255E2%26mu%3D0.5');
    restoreLabSetup(store);
    vi.advanceTimersByTime(60);
    expect(host.location.hash).toBe('#f=z%5E2&mu=0.5&hide=mu');
    expect(store.getState().config.sigma).toBe(1);
    stop();
  });
});

describe('isHidden', () => {
  it('a control is hidden by its own id or its whole section', () => {
    const c = { hidden: ['race', 'k'], setup: '' };
    expect(isHidden('lab', c, 'k')).toBe(true);
    expect(isHidden('lab', c, 'race-start')).toBe(true);
    expect(isHidden('lab', c, 'mu')).toBe(false);
    expect(isHidden('lab', null, 'k')).toBe(false);
    expect(isHidden('playground', { hidden: ['agent'], setup: '' }, 'baseline')).toBe(true);
    expect(isHidden('playground', { hidden: ['agent'], setup: '' }, 'speed')).toBe(false);
  });
});
