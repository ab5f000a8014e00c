// Import validation of run files (src/algos/reportJson.ts): a real `train --json` document and a sweep read
// back unchanged; every malformed file is refused with one line naming the first problem.
import { describe, expect, it } from 'vitest';
import { parseReportJson, MAX_REPORT_CHARS, MAX_REPORT_RUNS } from '../../src/algos/reportJson';
import { train } from '../../src/cli/train';

const good = await train([
  ['env', 'bandit'],
  ['runs', '3'],
  ['episodes', '20'],
]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file's content, any shape
type Doc = any;

function mutate(f: (doc: Doc) => void): string {
  const doc = JSON.parse(JSON.stringify(good)) as Doc;
  f(doc);
  return JSON.stringify(doc);
}

describe('parseReportJson', () => {
  it('reads a train report and a sweep back exactly', () => {
    expect(parseReportJson(JSON.stringify(good))).toEqual({ ok: true, reports: [good] });
    const sweep = JSON.stringify({ command: 'sweep', reports: [good, good] });
    expect(parseReportJson(sweep)).toEqual({ ok: true, reports: [good, good] });
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"command": "train",', /^not valid JSON/],
    ['an array', '[1, 2]', /not a Gradient Wars run/],
    ['another command', '{"command":"estimate"}', /not a Gradient Wars run/],
    ['an empty sweep', '{"command":"sweep","reports":[]}', /1 to 64 run reports/],
    [
      'a short mean',
      mutate((d) => d.metrics.return.mean.pop()),
      /run.metrics.return.mean has 19 values; expected 20/,
    ],
    [
      'a string value',
      mutate((d) => (d.metrics.return.se[4] = '0.1')),
      /run.metrics.return.se\[4\] is "0.1", not a finite number/,
    ],
    [
      'a null value',
      mutate((d) => (d.metrics.optimalAction.mean[0] = null)),
      /optimalAction.mean\[0\] is null/,
    ],
    ['a negative se', mutate((d) => (d.metrics.return.se[2] = -1)), /se\[2\] is negative/],
    ['no return', mutate((d) => delete d.metrics.return), /metrics.return is missing/],
    ['a bad env', mutate((d) => (d.config.env = 'chess')), /config.env must be one of bandit, gridworld/],
    ['zero runs', mutate((d) => (d.runs = 0)), /runs must be a whole number from 1 to 1000000/],
    [
      'more runs than the CLI allows',
      mutate((d) => (d.runs = MAX_REPORT_RUNS + 1)),
      /runs must be a whole number from 1 to 1000000/,
    ],
    ['1e18 runs', mutate((d) => (d.runs = 1e18)), /runs must be a whole number from 1 to 1000000/],
    ['fractional episodes', mutate((d) => (d.episodes = 20.5)), /episodes must be a whole number/],
    [
      'a bad report in a sweep',
      JSON.stringify({ command: 'sweep', reports: [good, { command: 'train' }] }),
      /reports\[1\].config must be an object/,
    ],
  ];
  for (const [what, text, msg] of bad)
    it(`refuses ${what}`, () => {
      const r = parseReportJson(text);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error).toMatch(msg);
    });

  it('accepts the CLI limit of runs (the CLI and the import share MAX_REPORT_RUNS)', () => {
    expect(MAX_REPORT_RUNS).toBe(1_000_000);
    expect(parseReportJson(mutate((d) => (d.runs = MAX_REPORT_RUNS))).ok).toBe(true);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const r = parseReportJson(' '.repeat(MAX_REPORT_CHARS + 1));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
