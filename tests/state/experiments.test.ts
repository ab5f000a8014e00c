// Named experiments in storage: the current schema round-trips; version 1 ({ name: hash }) migrates; a newer
// version is read-only and never overwritten; corrupt entries are reported and skipped but kept; unreadable
// text is backed up before it is overwritten; a full or disabled storage gives a message, never a throw.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  ownPageCheck,
  EXPERIMENTS_KEY,
  loadExperiments,
  parseExperiments,
  renamed,
  serialiseExperiments,
  storeExperiments,
  withSaved,
  without,
  type Experiment,
  type HashCheck,
  type KeyValueStorage,
} from '../../src/state/experiments';
import { readLabHash } from '../../src/state/labUrl';
import { readHash } from '../../src/state/url';

// both pages' own checks at once: every entry is read by its page's link reader
const playgroundCheck = ownPageCheck('playground', readHash);
const labCheck = ownPageCheck('lab', readLabHash);
const check: HashCheck = (page, hash) => playgroundCheck(page, hash) ?? labCheck(page, hash);

class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  /** Throw this from setItem (e.g. a quota error). */
  failWrite: Error | null = null;
  failRead: Error | null = null;
  getItem(key: string): string | null {
    if (this.failRead) throw this.failRead;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrite) throw this.failWrite;
    this.data.set(key, value);
  }
}

const a: Experiment = {
  name: 'cliff',
  page: 'playground',
  hash: '#env=gridworld&map=cliff&seed=3',
  savedAt: '2026-11-27T10:00:00.000Z',
};
const b: Experiment = {
  name: 'cos',
  page: 'lab',
  hash: '#f=cos(k*z)&k=4',
  savedAt: '2026-11-27T11:00:00.000Z',
};

describe('parseExperiments', () => {
  it('round-trips the current version', () => {
    const r = parseExperiments(serialiseExperiments([a, b]), check);
    expect(r).toMatchObject({ experiments: [a, b], errors: [], readOnly: false, migratedFrom: null });
    expect(JSON.parse(serialiseExperiments([a]))).toEqual({ version: 2, experiments: [a] });
  });

  it('nothing stored reads as an empty list', () => {
    expect(parseExperiments(null, check)).toMatchObject({ experiments: [], errors: [], readOnly: false });
  });

  it('migrates version 1 ({ name: hash }) to playground entries without dates', () => {
    const r = parseExperiments(
      JSON.stringify({ first: '#env=bandit&seed=2', second: 'env=gridworld&seed=1' }),
      check,
    );
    expect(r.migratedFrom).toBe(1);
    expect(r.errors).toEqual([]);
    expect(r.experiments).toEqual([
      { name: 'first', page: 'playground', hash: '#env=bandit&seed=2', savedAt: null },
      { name: 'second', page: 'playground', hash: 'env=gridworld&seed=1', savedAt: null },
    ]);
  });

  it('a version 1 value that is not a hash is skipped with a message and kept', () => {
    const r = parseExperiments(JSON.stringify({ good: '#env=bandit&seed=2', bad: 42 }), check);
    expect(r.experiments.map((e) => e.name)).toEqual(['good']);
    expect(r.errors).toEqual(['"bad": unknown page']);
    expect(r.skipped).toEqual([{ name: 'bad', hash: 42 }]);
  });

  it.each([
    [42, /not an object/],
    [{ name: '', page: 'lab', hash: '', savedAt: null }, /name must be text/],
    [{ name: 'x'.repeat(81), page: 'lab', hash: '', savedAt: null }, /name must be text/],
    [{ name: 'n', page: 'lessons', hash: '', savedAt: null }, /"n": unknown page/],
    [{ name: 'n', page: 'lab', hash: 7, savedAt: null }, /"n": the settings are not a link/],
    [{ name: 'n', page: 'lab', hash: 'f=z', savedAt: 'yesterday' }, /"n": the date is not a date/],
    [{ name: 'n', page: 'playground', hash: '#env=nope&seed=1', savedAt: null }, /"n": env must be one of/],
    [{ name: 'n', page: 'lab', hash: '#sigma=-1', savedAt: null }, /"n": sigma/],
    [
      { name: 'n', page: 'playground', hash: '#lr=%E0%A4%A', savedAt: null },
      /"n": malformed percent-encoding/,
    ],
  ])('skips the corrupt entry %j with one message; the good ones load', (bad, pattern) => {
    const text = JSON.stringify({ version: 2, experiments: [a, bad, b] });
    const r = parseExperiments(text, check);
    expect(r.experiments).toEqual([a, b]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(pattern);
    expect(r.skipped).toEqual([bad]);
    expect(r.readOnly).toBe(false);
  });

  it('a repeated name on the same page is corrupt; the same name on another page is not', () => {
    const r = parseExperiments(
      JSON.stringify({
        version: 2,
        experiments: [a, { ...a, hash: '#env=bandit&seed=1' }, { ...b, name: a.name }],
      }),
      check,
    );
    expect(r.experiments).toEqual([a, { ...b, name: a.name }]);
    expect(r.errors).toEqual(['"cliff": repeated name']);
  });

  it('text that is not JSON, or JSON that is not an object, loads nothing and is marked for backup', () => {
    for (const text of ['{"version": 2, "experiments": [', '[1,2]', '"text"']) {
      const r = parseExperiments(text, check);
      expect(r.experiments).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.unreadable).toBe(text);
    }
  });

  it('a newer version is shown read-only; an unknown version is read-only and empty', () => {
    const newer = parseExperiments(JSON.stringify({ version: 3, experiments: [a], extra: true }), check);
    expect(newer.experiments).toEqual([a]);
    expect(newer.readOnly).toBe(true);
    expect(newer.errors[0]).toMatch(/newer version \(3\)/);
    for (const version of [1, 0, '2', 2.5, null]) {
      const r = parseExperiments(JSON.stringify({ version, experiments: [a] }), check);
      expect(r.readOnly).toBe(true);
      expect(r.experiments).toEqual([]);
    }
  });
});

describe('storage', () => {
  it('saves, reads back, migrates on write, and keeps skipped entries', () => {
    const s = new FakeStorage();
    s.data.set(EXPERIMENTS_KEY, JSON.stringify({ old: '#env=bandit&seed=2', bad: 1 }));
    const loaded = loadExperiments(s, check);
    const { experiments, replaced } = withSaved(loaded.experiments, a);
    expect(replaced).toBe(false);
    expect(storeExperiments(s, loaded, experiments)).toBeNull();
    const stored = JSON.parse(s.data.get(EXPERIMENTS_KEY)!);
    expect(stored.version).toBe(2);
    expect(stored.experiments).toEqual([
      { name: 'old', page: 'playground', hash: '#env=bandit&seed=2', savedAt: null },
      a,
      { name: 'bad', hash: 1 },
    ]);
    const again = loadExperiments(s, check);
    expect(again.migratedFrom).toBeNull();
    expect(again.experiments.map((e) => e.name)).toEqual(['old', 'cliff']);
  });

  it('a newer version is never overwritten', () => {
    const s = new FakeStorage();
    const text = JSON.stringify({ version: 9, experiments: [] });
    s.data.set(EXPERIMENTS_KEY, text);
    const loaded = loadExperiments(s, check);
    expect(storeExperiments(s, loaded, [a])).toMatch(/read-only/);
    expect(s.data.get(EXPERIMENTS_KEY)).toBe(text);
  });

  it('unreadable text is backed up before the first write', () => {
    const s = new FakeStorage();
    s.data.set(EXPERIMENTS_KEY, 'not json');
    const loaded = loadExperiments(s, check);
    expect(storeExperiments(s, loaded, [a])).toBeNull();
    expect(s.data.get(BACKUP_KEY)).toBe('not json');
    expect(loadExperiments(s, check).experiments).toEqual([a]);
  });

  it('a full storage reports "full" and changes nothing; a throwing storage reads as read-only', () => {
    const s = new FakeStorage();
    const loaded = loadExperiments(s, check);
    const quota = new Error('The quota has been exceeded.');
    quota.name = 'QuotaExceededError';
    s.failWrite = quota;
    expect(storeExperiments(s, loaded, [a])).toBe("the browser's storage is full");
    expect(s.data.has(EXPERIMENTS_KEY)).toBe(false);
    s.failWrite = new Error('denied');
    expect(storeExperiments(s, loaded, [a])).toMatch(/refused/);
    s.failRead = Object.assign(new Error('no'), { name: 'SecurityError' });
    const r = loadExperiments(s, check);
    expect(r.readOnly).toBe(true);
    expect(r.errors[0]).toMatch(/SecurityError/);
  });
});

describe('list operations', () => {
  it('save replaces a name on the same page; delete and rename act on one page only', () => {
    const other = { ...a, page: 'lab' as const, hash: '#f=z' };
    const list = [a, other];
    const newer = { ...a, hash: '#env=bandit&seed=1' };
    expect(withSaved(list, newer)).toEqual({ experiments: [other, newer], replaced: true });
    expect(without(list, 'playground', 'cliff')).toEqual([other]);
    expect(renamed(list, 'playground', 'cliff', '  ridge ')).toEqual({
      experiments: [{ ...a, name: 'ridge' }, other],
    });
    expect(renamed([a, { ...a, name: 'b' }], 'playground', 'cliff', 'b')).toEqual({
      error: '"b" is already taken',
    });
    expect(renamed(list, 'playground', 'cliff', '   ')).toHaveProperty('error');
  });
});

describe('ownPageCheck', () => {
  it("reads its own page's entries with its reader and leaves the other page's to that page", () => {
    expect(playgroundCheck('playground', '#env=bandit&seed=3')).toBeNull();
    expect(playgroundCheck('playground', '#env=nowhere')).toMatch(/env/);
    // a lab link is not read by the playground's reader (the lab reports its own bad entries)
    expect(playgroundCheck('lab', '#env=nowhere')).toBeNull();
    expect(labCheck('lab', '#f=z&sigma=-1')).toMatch(/sigma/);
    expect(labCheck('playground', '#f=z&sigma=-1')).toBeNull();
  });
});
