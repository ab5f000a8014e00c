/**
 * Compare A/B: agent B is agent A's configuration with a few settings overridden and everything else —
 * environment, its draws and the seed — shared, so both arms run on common random numbers and the difference
 * between their curves is the effect of the setting, not luck. The live runner, the multi-seed workers and
 * the lessons all build arm B with {@link withOverrides}, so they agree exactly.
 */
import type { RunConfig } from './config';

/** A's config with B's overrides (unset, null or empty ones mean "same as A"); a fresh object. */
export function withOverrides(config: RunConfig, b: Readonly<Partial<RunConfig>>): RunConfig {
  const out = { ...config } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out as unknown as RunConfig;
}
