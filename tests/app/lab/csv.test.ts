// CSV exports: headers, one row per bin (plus the under/overflow rows) whose counts add up to the samples,
// moments rows, the sweep's k column, and quoting of the f(z) comment line.
import { describe, expect, it } from 'vitest';
import { inlineJobRunner } from '../../../src/app/lab/jobs';
import { histogramsCsv, sweepCsv } from '../../../src/app/lab/csv';
import { LabEngine } from '../../../src/app/lab/LabEngine';
import { createLabStore } from '../../../src/state/labStore';

async function frame() {
  const store = createLabStore({ f: 'cos(k * z)', k: 2, samples: 2000 });
  const engine = new LabEngine(store, inlineJobRunner(), { replay: false });
  engine.start();
  engine.tick(16);
  await new Promise((r) => setTimeout(r, 0));
  engine.tick(16);
  while (engine.drawing) engine.tick(16);
  return engine.frame;
}

describe('lab CSV', () => {
  it('histograms: bins, edges and counts that add up, then the moments', async () => {
    const f = await frame();
    const [binPart, momentPart] = histogramsCsv(f).trim().split('\n\n');
    const lines = binPart.split('\n');
    expect(lines[0]).toBe('# f(z) = cos(k * z); mu = 1; sigma = 1; k = 2');
    expect(lines[1]).toBe('component,bin_lo,bin_hi,score,score-mean,score-optimal,muprop,pathwise,loo');
    const mu = lines.slice(2).filter((l) => l.startsWith('mu,'));
    expect(mu.length).toBe(f.hist.mu.bins + 2);
    const scoreTotal = mu.reduce((s, l) => s + Number(l.split(',')[3]), 0);
    expect(scoreTotal).toBe(2000);
    const moments = momentPart.split('\n');
    expect(moments[0]).toMatch(/^component,estimator,count,mean,standard_error,variance/);
    expect(moments.length).toBe(1 + 12);
    const path = moments.find((l) => l.startsWith('mu,pathwise,'))!.split(',');
    expect(Number(path[8])).toBeCloseTo(f.hist.mu.stats.pathwise.exactVariance, 12);
  });

  it('sweep: a k column and one column per estimator and component', async () => {
    const f = await frame();
    const lines = sweepCsv(f).trim().split('\n');
    expect(lines[1].split(',').length).toBe(13);
    expect(lines.length).toBe(2 + f.sweep.n);
    expect(Number(lines[2].split(',')[0])).toBe(f.sweep.k[0]);
  });
});
