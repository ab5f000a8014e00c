/**
 * "Explain this update" as plain numbers for the store: the trainer's {@link UpdateExplanation} (typed arrays,
 * overwritten every update) copied into an {@link ExplainData}, with human names for the parameters that took
 * part — for a tabular policy the row of the observation the described step was taken in.
 */
import { ReinforceTrainer } from '../algos/reinforce';
import type { ExplainData } from '../state/store';
import type { AgentRunner } from './AgentRunner';

const gridActions = ['↑', '→', '↓', '←'];
const corridorActions = ['←', '→'];

/** The explanation of agent `a`'s last update, or null before its first update (or for pathwise). */
export function explainOf(a: AgentRunner): ExplainData | null {
  const trainer = a.run.trainer;
  if (!(trainer instanceof ReinforceTrainer)) return null;
  const ex = trainer.explain;
  if (ex.row < 0 || trainer.stats.updates === 0) return null;
  const names: string[] = [];
  const idx: number[] = [];
  const env = a.frame.env;
  if (a.run.kind === 'tabular') {
    const nA = a.run.policy.nActions;
    for (let b = 0; b < nA; b++) {
      idx.push(ex.obs * nA + b);
      if (env.kind === 'gridworld') names.push(`θ(s${ex.obs}, ${gridActions[b]})`);
      else if (env.kind === 'short-corridor') names.push(`θ(${corridorActions[b]})`);
      else names.push(`θ(arm ${b + 1})`);
    }
  } else {
    const p = a.run.policy;
    for (let i = 0; i < p.nParams; i++) {
      idx.push(i);
      if (i >= p.logStdOffset) names.push(p.actDim === 1 ? 'log σ' : `log σ${i - p.logStdOffset}`);
      else if (i >= p.biasOffset) names.push(p.actDim === 1 ? 'μ' : `b${i - p.biasOffset}`);
      else names.push(`W${Math.floor(i / p.obsDim)}${i % p.obsDim}`);
    }
  }
  return {
    agent: a.frame.id,
    update: trainer.stats.updates,
    baselineKind: ex.kind,
    obs: ex.obs,
    action: ex.action,
    ret: ex.ret,
    baseline: ex.baseline,
    advantage: ex.advantage,
    discount: ex.discount,
    batchSize: ex.batchSize,
    lr: trainer.settings.lr,
    names,
    score: idx.map((i) => ex.score[i]),
    grad: idx.map((i) => ex.grad[i]),
    delta: idx.map((i) => ex.delta[i]),
  };
}
