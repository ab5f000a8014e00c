/**
 * Reading a run back: strict validation of a `train --json` document (or a sweep of them) from an untrusted
 * file — its shape, array lengths, finite numbers and a size limit — with a one-line message naming the first
 * problem, so the playground can overlay an imported run or say exactly why it will not.
 */
import { isRecord } from '../core/guards';
import { runEnvIds, type RunConfig } from './config';
import { metricKeys, type SeriesStats, type TrainReport } from './trainReport';

/** Largest file accepted (characters). */
export const MAX_REPORT_CHARS = 50_000_000;
/** Most episodes per report (also the CLI's `--episodes` limit). */
export const MAX_REPORT_EPISODES = 10_000_000;
/** Most runs (seeds) per report (also the CLI's `--runs` limit). */
export const MAX_REPORT_RUNS = 1_000_000;

type Result = { ok: true; reports: TrainReport[] } | { ok: false; error: string };

class Invalid extends Error {}

function series(v: unknown, where: string, episodes: number): SeriesStats {
  if (!isRecord(v)) throw new Invalid(`${where} must be an object with "mean" and "se" arrays`);
  for (const k of ['mean', 'se'] as const) {
    const a = v[k];
    if (!Array.isArray(a)) throw new Invalid(`${where}.${k} must be an array of numbers`);
    if (a.length !== episodes)
      throw new Invalid(`${where}.${k} has ${a.length} values; expected ${episodes} (one per episode)`);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new Invalid(`${where}.${k}[${i}] is ${JSON.stringify(x) ?? String(x)}, not a finite number`);
      if (k === 'se' && x < 0) throw new Invalid(`${where}.se[${i}] is negative (${x})`);
    }
  }
  return { mean: v.mean as number[], se: v.se as number[] };
}

function report(v: unknown, where: string): TrainReport {
  if (!isRecord(v) || v.command !== 'train')
    throw new Invalid(`${where} is not a run report (expected "command": "train")`);
  const c = v.config;
  if (!isRecord(c)) throw new Invalid(`${where}.config must be an object`);
  if (!runEnvIds.includes(c.env as RunConfig['env']))
    throw new Invalid(`${where}.config.env must be one of ${runEnvIds.join(', ')}`);
  for (const k of ['estimator', 'baseline'] as const)
    if (typeof c[k] !== 'string') throw new Invalid(`${where}.config.${k} must be a string`);
  for (const k of ['lr', 'seed'] as const)
    if (typeof c[k] !== 'number' || !Number.isFinite(c[k]))
      throw new Invalid(`${where}.config.${k} must be a number`);
  const { runs, episodes } = v;
  if (!(Number.isInteger(runs) && (runs as number) >= 1 && (runs as number) <= MAX_REPORT_RUNS))
    throw new Invalid(`${where}.runs must be a whole number from 1 to ${MAX_REPORT_RUNS}`);
  if (!(
    Number.isInteger(episodes) &&
    (episodes as number) >= 1 &&
    (episodes as number) <= MAX_REPORT_EPISODES
  ))
    throw new Invalid(`${where}.episodes must be a whole number from 1 to ${MAX_REPORT_EPISODES}`);
  const m = v.metrics;
  if (!isRecord(m) || m.return === undefined) throw new Invalid(`${where}.metrics.return is missing`);
  const metrics: TrainReport['metrics'] = {
    return: series(m.return, `${where}.metrics.return`, episodes as number),
  };
  for (const k of metricKeys)
    if (k !== 'return' && m[k] !== undefined)
      metrics[k] = series(m[k], `${where}.metrics.${k}`, episodes as number);
  const out: TrainReport = {
    command: 'train',
    config: c as unknown as RunConfig,
    runs: runs as number,
    episodes: episodes as number,
    metrics,
    elapsedMs: typeof v.elapsedMs === 'number' ? v.elapsedMs : 0,
  };
  if (Array.isArray(v.liveEdits)) out.liveEdits = v.liveEdits.map(String);
  if (typeof v.stopped === 'string') out.stopped = v.stopped;
  return out;
}

/** Parses and validates a report (`{"command":"train",…}`) or a sweep (`{"command":"sweep","reports":[…]}`). */
export function parseReportJson(text: string): Result {
  if (text.length > MAX_REPORT_CHARS)
    return {
      ok: false,
      error: `the file is too large (${text.length} characters; at most ${MAX_REPORT_CHARS})`,
    };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  try {
    if (isRecord(doc) && doc.command === 'sweep') {
      const rs = doc.reports;
      if (!Array.isArray(rs) || rs.length === 0 || rs.length > 64)
        throw new Invalid('a sweep needs "reports": an array of 1 to 64 run reports');
      return { ok: true, reports: rs.map((r, i) => report(r, `reports[${i}]`)) };
    }
    if (!isRecord(doc) || doc.command !== 'train')
      throw new Invalid(
        'not a Gradient Wars run: expected "command": "train" or "sweep" (npm run cli -- train --json)',
      );
    return { ok: true, reports: [report(doc, 'run')] };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}
