// A fake of the browser APIs the link sync uses (location.hash, history.replaceState, hashchange), shared by
// the tests of the playground's and the lab's links. `fire()` plays a `hashchange`.
import { vi } from 'vitest';
import type { HashHost } from '../../src/state/hashPairs';

/** A host whose hash starts as `hash`; replaceState writes it; `fire()` calls the hashchange listeners. */
export function fakeHost(hash = ''): HashHost & { fire(): void } {
  const listeners = new Set<() => void>();
  const host = {
    location: { hash },
    history: {
      replaceState: vi.fn((_d: unknown, _u: string, url?: string) => void (host.location.hash = url ?? '')),
    },
    addEventListener: (_t: 'hashchange', l: () => void) => void listeners.add(l),
    removeEventListener: (_t: 'hashchange', l: () => void) => void listeners.delete(l),
    fire: () => listeners.forEach((l) => l()),
  };
  return host;
}
