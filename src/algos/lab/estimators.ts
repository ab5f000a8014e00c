/**
 * Names of the lab's single-sample estimators of ∇_{μ,σ} E_{N(μ,σ²)}[f] for people: short labels for legends
 * and tables, and one line on what each does (Mohamed, Rosca, Figurnov & Mnih 2020, §§4, 5, 7). The
 * estimators themselves live in `../gaussianEstimators.ts` and `../exact/gaussian.ts`.
 */
import { GAUSSIAN_ESTIMATORS, type GaussianEstimatorName } from '../exact/gaussianTypes';

export { GAUSSIAN_ESTIMATORS as LAB_ESTIMATORS };
export type { GaussianEstimatorName as LabEstimator };

/** Short label of each estimator (legends, table rows, CSV columns use the ids). */
export const ESTIMATOR_LABELS: Readonly<Record<GaussianEstimatorName, string>> = {
  score: 'score',
  'score-mean': 'score, b = E[f]',
  'score-optimal': 'score, optimal b*',
  loo: 'score, leave-one-out',
  muprop: 'MuProp (Taylor CV)',
  pathwise: 'pathwise',
};

/** One-sentence description of each estimator (tooltips, help text). */
export const ESTIMATOR_DESCRIPTIONS: Readonly<Record<GaussianEstimatorName, string>> = {
  score: 'REINFORCE: f(z)·∇log p(z), no baseline.',
  'score-mean': 'REINFORCE with the constant baseline b = E[f] (exact, by quadrature).',
  'score-optimal':
    'REINFORCE with the variance-optimal constant b*ᵢ = E[f sᵢ²]/E[sᵢ²] (exact, by quadrature).',
  loo: 'REINFORCE with the mean of the other N − 1 values of f in the batch as baseline (RLOO).',
  muprop: 'REINFORCE on f − h, h the first-order Taylor expansion of f at μ, plus ∇E[h] in closed form.',
  pathwise: 'Reparameterization: z = μ + σε, gradient f′(z)·∂z/∂θ = (f′(z), f′(z)·ε).',
};
