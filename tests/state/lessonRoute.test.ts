// The lessons page's URL: the list, one lesson per id, and a notice for anything else.
import { describe, expect, it } from 'vitest';
import { readRoute, writeRoute } from '../../src/state/lessons/route';
import { LESSON_IDS } from '../../src/state/lessons/types';

describe('lesson routes', () => {
  it('an empty hash is the list', () => {
    for (const h of ['', '#']) expect(readRoute(h)).toEqual({ route: { page: 'list' }, error: null });
    expect(writeRoute({ page: 'list' })).toBe('');
  });

  it('every lesson id round-trips', () => {
    for (const id of LESSON_IDS) {
      const hash = writeRoute({ page: 'lesson', id });
      expect(hash).toBe(`#lesson=${id}`);
      expect(readRoute(hash)).toEqual({ route: { page: 'lesson', id }, error: null });
      expect(readRoute(hash.slice(1)).route).toEqual({ page: 'lesson', id });
    }
    expect(readRoute('#lesson=corri%64or').route).toEqual({ page: 'lesson', id: 'corridor' });
  });

  it('anything else gives the list and a message', () => {
    expect(readRoute('#lesson=nope')).toEqual({
      route: { page: 'list' },
      error: 'there is no lesson "nope"; here is the list',
    });
    expect(readRoute('#lesson=')).toMatchObject({ route: { page: 'list' } });
    expect(readRoute('#lesson=%E0%A4%A')).toEqual({
      route: { page: 'list' },
      error: 'the lesson link is malformed; here is the list',
    });
    expect(readRoute('#env=bandit').error).toMatch(/does not name a lesson/);
    expect(readRoute('#lesson=corridor&x=1').route).toEqual({ page: 'list' });
    expect(readRoute(`#lesson=${'x'.repeat(500)}`).error!.length).toBeLessThan(80);
    expect(readRoute(undefined as unknown as string).route).toEqual({ page: 'list' });
  });
});
