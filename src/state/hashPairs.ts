/**
 * `key=value&key=value` in `location.hash`, read defensively: shared by the playground's and the lab's links
 * (./url.ts, ./labUrl.ts). Broken percent-encoding, repeated keys, too many pairs and over-long hashes are
 * dropped and reported, never thrown.
 */

/** Longest hash read at all (characters); anything longer is ignored as a whole. */
export const MAX_HASH_LENGTH = 8000;
/** Most `key=value` pairs read from one hash. */
export const MAX_HASH_PAIRS = 64;

/** The browser APIs `syncHash` / `syncLabHash` uses (a `window` in the app, a fake in tests). */
export interface HashHost {
  location: { hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** Splits and decodes `a=1&b=2`, dropping (and reporting) broken, repeated and excess pairs. */
export function splitPairs(hash: string, errors: string[]): [string, string][] {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH_LENGTH) {
    errors.push(`the link's settings are too long (${text.length} characters, at most ${MAX_HASH_LENGTH})`);
    return [];
  }
  const seen = new Set<string>();
  const out: [string, string][] = [];
  const parts = text.split('&').filter((p) => p !== '');
  if (parts.length > MAX_HASH_PAIRS) {
    errors.push(`too many settings in the link (${parts.length}, reading the first ${MAX_HASH_PAIRS})`);
  }
  for (const part of parts.slice(0, MAX_HASH_PAIRS)) {
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (name === null || value === null) {
      errors.push(`malformed percent-encoding in "${clip(part)}"`);
    } else if (seen.has(name)) {
      errors.push(`repeated option ${clip(name)} (keeping the first)`);
    } else {
      seen.add(name);
      out.push([name, value]);
    }
  }
  return out;
}

/** A UTF-16 surrogate without its partner (cannot be percent-encoded). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(s: string): string | null {
  try {
    const text = decodeURIComponent(s);
    return LONE_SURROGATE.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** Percent-encodes a value, leaving `/` and `,` readable (they are legal in a fragment). */
export function encode(s: string): string {
  const wellFormed = s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/%2F/g, '/').replace(/%2C/g, ',');
}

/** Shortens text for a message and replaces control characters. */
export function clip(s: string): string {
  const short = s.length > 40 ? `${s.slice(0, 37)}...` : s;
  return Array.from(short, (c) => (c < ' ' || c === '\u007f' ? '?' : c)).join('');
}

/** What {@link syncLink} needs of a page. */
export interface LinkSync {
  /** Applies a hash read from the address bar (validated by the page's reader). */
  apply(hash: string): void;
  /** The hash (with `#`) that describes the page now. */
  current(): string;
  /** Calls `changed` whenever something in the link may have changed; returns the unsubscribers. */
  watch(changed: () => void): (() => void)[];
}

/**
 * Keeps a page and `location.hash` in step: applies the current hash now and on every `hashchange`, and
 * rewrites the hash with `history.replaceState` when the page changes (at most once per `delayMs`: a dragged
 * slider must not call replaceState dozens of times a second, browsers throttle it). Returns a stopper.
 */
export function syncLink(host: HashHost, page: LinkSync, delayMs: number): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const hash = page.current();
    if (hash === host.location.hash) return;
    written = hash;
    host.history.replaceState(null, '', hash);
  };
  const apply = () => {
    if (host.location.hash === written) return;
    page.apply(host.location.hash);
    write();
  };
  if (host.location.hash.length > 1) apply();
  else write();
  const writeSoon = () => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  };
  host.addEventListener('hashchange', apply);
  const stops = page.watch(writeSoon);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    host.removeEventListener('hashchange', apply);
    for (const stop of stops) stop();
  };
}
