// lazyHandler (src/app/multiSeed/lazyController.ts): the multi-seed module is loaded on the first request; a
// failed load is reported for that request, never sticks (the next request loads again) and never rejects.
import { describe, expect, it } from 'vitest';
import { lazyHandler } from '../../src/app/multiSeed/lazyController';

describe('lazyHandler', () => {
  it('reports a failed load, then retries and hands later requests to the handler', async () => {
    let loads = 0;
    const handled: string[] = [];
    const errors: string[] = [];
    const run = lazyHandler<string>(
      () => {
        loads++;
        return loads === 1
          ? Promise.reject(new Error('Failed to fetch dynamically imported module'))
          : Promise.resolve({ handle: (r: string) => void handled.push(r) });
      },
      (message, req) => errors.push(`${req}: ${message}`),
    );
    await expect(run('run')).resolves.toBeUndefined();
    expect(errors).toEqual(['run: Failed to fetch dynamically imported module']);
    expect(handled).toEqual([]);
    await run('export');
    await run('clear');
    expect(loads).toBe(2);
    expect(handled).toEqual(['export', 'clear']);
    expect(errors).toHaveLength(1);
  });

  it('loads once for concurrent first requests', async () => {
    let loads = 0;
    const handled: number[] = [];
    const run = lazyHandler<number>(
      () => {
        loads++;
        return Promise.resolve({ handle: (r: number) => void handled.push(r) });
      },
      () => {},
    );
    await Promise.all([run(1), run(2), run(3)]);
    expect(loads).toBe(1);
    expect(handled).toEqual([1, 2, 3]);
  });
});
