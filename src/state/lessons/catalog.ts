/**
 * The six lessons: text with the mathematics (trusted, authored HTML: `<var>`, `<sub>`, `<sup>`, Unicode and
 * `.equation` blocks, no math library), a predict-then-run question, what the run does, why it comes out as it
 * does, and links to the playground and the lab with the lesson's exact preset.
 *
 * Sources: Sutton & Barto, *Reinforcement Learning: An Introduction* (2nd ed.), §2.8 (Fig. 2.5), Example 13.1,
 * §13.4; Williams 1992; Mohamed, Rosca, Figurnov & Mnih 2020, §§3–7; Kool, van Hoof & Welling 2019.
 */
import { defaultLabConfig } from '../labConfig';
import { writeLabHash } from '../labUrl';
import { writeHash } from '../url';
import type { Lesson, LessonId, LessonLink } from './types';
import {
  BANDIT_PRESET,
  BATCH_PRESET,
  CORRIDOR_PRESET,
  COS_PRESET,
  GRIDWORLD_PRESET,
  SMOOTH_PRESET,
  STEP_PRESET,
  type TrainPreset,
} from './presets';

const eq = (html: string) => `<div class="equation" role="math">${html}</div>`;
const v = (name: string) => `<var>${name}</var>`;

function playground(label: string, p: TrainPreset, compare = true): LessonLink {
  return { label, href: `./#${writeHash(p.config, { enabled: compare, b: p.compare })}` };
}

function lab(label: string, f: string, k: number, mu: number, sigma: number): LessonLink {
  return { label, href: `./lab.html#${writeLabHash({ ...defaultLabConfig(), f, k, mu, sigma })}` };
}

const GRAD = `∇<sub>θ</sub>`;
const PI = `π<sub>θ</sub>`;

/** The lessons, in course order. */
export const LESSONS: readonly Lesson[] = [
  {
    id: 'bandit-baseline',
    number: 1,
    title: 'Why the bandit needs a baseline',
    summary: 'The 10-armed testbed with every arm near +4, with and without the average-reward baseline.',
    body: [
      `<p>A gradient bandit keeps a preference ${v('H')}(${v('a')}) per arm and picks arms with the softmax
       ${PI}(${v('a')}) ∝ e<sup>${v('H')}(${v('a')})</sup>. After pulling ${v('A')}<sub>${v('t')}</sub> and
       receiving ${v('R')}<sub>${v('t')}</sub> it moves every preference (Sutton &amp; Barto §2.8):</p>`,
      eq(
        `${v('H')}(${v('a')}) ← ${v('H')}(${v('a')}) + α (${v('R')}<sub>${v('t')}</sub> − ${v('b')}) (𝟙[${v('a')} = ${v('A')}<sub>${v('t')}</sub>] − π(${v('a')}))`,
      ),
      `<p>Any constant ${v('b')} leaves the expected update unchanged, because Σ<sub>${v('a')}</sub> π(${v('a')})
       (𝟙[…] − π(${v('a')})) = 0. The usual choice is the running average reward R̄. Here the true values
       ${v('q')}<sub>*</sub>(${v('a')}) are drawn from N(+4, 1): every reward is around +4.</p>`,
    ].join(''),
    question:
      'With α = 0.1 and rewards all near +4, how does the agent without a baseline (b = 0) do against the one with b = R̄, after 1 000 steps?',
    choices: [
      { id: 'worse', label: 'Clearly worse: it picks the best arm much less often' },
      { id: 'same', label: 'About the same: the baseline does not change the expected update' },
      { id: 'better', label: 'Better: subtracting R̄ throws information away' },
    ],
    runSummary: `2 agents (b = R̄, b = 0) × ${BANDIT_PRESET.seeds} seeds × ${BANDIT_PRESET.episodes} steps`,
    explanation:
      'Without a baseline every reward (≈ +4) pushes up the preference of whichever arm was pulled, good or bad, so the agent mostly reinforces what it already does; only the small differences between arms carry signal, buried in that large common push. Subtracting R̄ makes the update (R − R̄)·(…): arms better than average go up, worse ones go down. The expected gradient is the same, its variance is far smaller, so the same α learns much faster (S&B Fig. 2.5).',
    links: [playground('Open this comparison in the playground', BANDIT_PRESET)],
  },
  {
    id: 'corridor',
    number: 2,
    title: 'The stochastic optimum',
    summary: 'The short corridor with switched actions: the best policy is a biased coin, π(right) = 2 − √2.',
    body: [
      `<p>Three cells and a goal; every step costs −1. In the middle cell the actions are switched. The agent
       cannot tell the cells apart, so its policy is one number: ${v('p')} = π(right) (S&amp;B Example 13.1).
       The value of the start is</p>`,
      eq(
        `${v('J')}(${v('p')}) = (2${v('p')} − 4) / (${v('p')}(1 − ${v('p')})), &nbsp; 0 &lt; ${v('p')} &lt; 1`,
      ),
      `<p>A deterministic policy (${v('p')} = 0 or 1) gets stuck and never reaches the goal:
       ${v('J')} = −∞. REINFORCE with a learned baseline starts at ${v('p')} = 0.05 and climbs ${v('J')}.</p>`,
    ].join(''),
    question: 'Where does REINFORCE end up — what probability of "right" is best here?',
    choices: [
      { id: 'left', label: 'π(right) ≈ 0: always go left' },
      { id: 'half', label: 'π(right) = 0.5: a fair coin' },
      { id: 'optimum', label: 'π(right) ≈ 0.59: a coin weighted towards right' },
      { id: 'right', label: 'π(right) ≈ 1: always go right' },
    ],
    runSummary: `REINFORCE with learned V × ${CORRIDOR_PRESET.seeds} seeds × ${CORRIDOR_PRESET.episodes} episodes, from π(right) = 0.05`,
    explanation:
      'Setting J′(p) = 0 gives p² − 4p + 2 = 0, so p* = 2 − √2 ≈ 0.586 with J(p*) = −(6 + 4√2) ≈ −11.66. Any greedy (deterministic) policy loops forever in the switched cell, and an ε-greedy one is stuck near p = ε or 1 − ε. A policy-gradient method learns the probability itself, so it can find the stochastic optimum that action-value methods with greedy choices cannot represent (S&B §13.1).',
    links: [
      {
        label: 'Open this run in the playground',
        href: `./#${writeHash(CORRIDOR_PRESET.config, { enabled: false, b: { baseline: 'none' } })}`,
      },
    ],
  },
  {
    id: 'gridworld-baseline',
    number: 3,
    title: 'A learned baseline in a gridworld',
    summary: 'Same learning rate, with and without a learned state value V(s): speed and steadiness.',
    body: [
      `<p>In a gridworld the return ${v('G')}<sub>${v('t')}</sub> depends on where the agent is, so a single
       constant is a poor baseline. REINFORCE with a learned baseline fits ${v('V')}(${v('s')}) ≈ E[${v('G')}<sub>${v('t')}</sub> | ${v('S')}<sub>${v('t')}</sub> = ${v('s')}]
       by SGD alongside the policy (S&amp;B §13.4):</p>`,
      eq(
        `θ ← θ + α Σ<sub>${v('t')}</sub> γ<sup>${v('t')}</sup> (${v('G')}<sub>${v('t')}</sub> − ${v('V')}(${v('S')}<sub>${v('t')}</sub>)) ${GRAD} log ${PI}(${v('A')}<sub>${v('t')}</sub> | ${v('S')}<sub>${v('t')}</sub>)`,
      ),
      `<p>The map "bridge": a short path between two pits (−1) or a long safe way round to the goal (+1),
       −0.01 per step. Both agents use the same α = 0.5.</p>`,
    ].join(''),
    question: 'With the same learning rate, what does the learned V(s) do to learning?',
    choices: [
      { id: 'helps', label: 'With V(s) it reaches the goal sooner and more reliably' },
      { id: 'same', label: 'No difference: a baseline does not change the expected gradient' },
      { id: 'hurts', label: 'With V(s) it is worse: the baseline is wrong while it is still being learned' },
    ],
    runSummary: `2 agents (learned V, none) × ${GRIDWORLD_PRESET.seeds} seeds × ${GRIDWORLD_PRESET.episodes} episodes`,
    explanation:
      'G − V(s) is the advantage: how much better this episode went than usual from that state. Without V every action on a path that happened to reach the goal is reinforced, and every action on a path into a pit is punished, in proportion to the whole return; the updates are large and noisy. With V(s) each update is scaled by the surprise in the return, so at the same policy the gradient estimate has several times less variance, and the same α gives a steadier, faster climb.',
    links: [playground('Open this comparison in the playground', GRIDWORLD_PRESET)],
  },
  {
    id: 'smooth-reward',
    number: 4,
    title: 'Smooth reward: pathwise beats REINFORCE',
    summary: 'On the continuous bandit r(a) = −(a − 2)² the reparameterization gradient climbs faster.',
    body: [
      `<p>The agent plays ${v('a')} = μ + σε with ε ~ N(0, 1) and receives ${v('r')}(${v('a')}) = −(${v('a')} − 2)². Two
       unbiased estimates of ${GRAD} E[${v('r')}(${v('a')})] from one draw:</p>`,
      eq(
        `score (REINFORCE): (${v('r')}(${v('a')}) − ${v('b')}) ${GRAD} log ${v('p')}<sub>θ</sub>(${v('a')})<br>pathwise: ${v('r')}′(${v('a')}) ∂${v('a')}/∂θ = ${v('r')}′(${v('a')})·(1, ε)`,
      ),
      `<p>The score estimator uses only the value of ${v('r')}; the pathwise one uses its slope. Both agents use Adam
       with step 0.1; REINFORCE gets an EMA baseline.</p>`,
    ].join(''),
    question: 'Which agent collects more reward over its first 200 episodes?',
    choices: [
      { id: 'pathwise', label: 'The pathwise agent' },
      { id: 'same', label: 'Neither: both are unbiased, so they learn alike' },
      { id: 'reinforce', label: 'The REINFORCE agent' },
    ],
    runSummary: `2 agents (pathwise, REINFORCE + EMA) × ${SMOOTH_PRESET.seeds} seeds × ${SMOOTH_PRESET.episodes} episodes`,
    explanation:
      'Unbiased is not enough: speed depends on variance. At the start (μ = 0, σ = 1) the pathwise estimate of ∂/∂μ is −2(a − 2), variance 4; REINFORCE has variance 87 without a baseline, 42 with b = E[r] and still 38 with the best constant baseline — ten times more — because it must infer the slope from the correlation between ε and r, one draw at a time. Each pathwise step points uphill far more reliably.',
    links: [
      playground('Open this comparison in the playground', SMOOTH_PRESET),
      lab('See the variances in the lab', '-(z - k)^2', 2, 0, 1),
    ],
  },
  {
    id: 'pathwise-fails',
    number: 5,
    title: 'When pathwise loses, or is blind',
    summary: 'cos(k·a) with large k, and a step reward the pathwise gradient cannot see.',
    body: [
      `<p>The pathwise estimator is only as good as ${v('f')}′. Two ways it fails:</p>`,
      `<p><strong>Oscillating ${v('f')}.</strong> For ${v('f')}(${v('a')}) = cos(${v('k')}${v('a')}), ${v('f')}′ = −${v('k')} sin(${v('k')}${v('a')}) grows with ${v('k')},
       while E[${v('f')}] is smoothed away by the noise (∝ e<sup>−${v('k')}²σ²/2</sup>). We measure the per-sample
       variance of both estimates of ∂/∂μ at μ = σ = 1 for ${v('k')} = 0.5 and ${v('k')} = 5.</p>`,
      eq(
        `Var[pathwise] = Var[${v('f')}′(${v('a')})] &nbsp;&nbsp; vs &nbsp;&nbsp; Var[score] = Var[${v('f')}(${v('a')}) ε/σ]`,
      ),
      `<p><strong>A step.</strong> For ${v('r')}(${v('a')}) = 1 if ${v('a')} &gt; 1, else 0, ${v('r')}′(${v('a')}) = 0 wherever it exists,
       yet E[${v('r')}] = Φ((μ − 1)/σ) clearly depends on μ. Two agents start at μ = 0.</p>`,
    ].join(''),
    question: 'What does the pathwise estimator do in these two cases?',
    choices: [
      { id: 'wins-both', label: 'Lower variance on cos(5a), and it learns the step' },
      { id: 'noisy-blind', label: 'Higher variance on cos(5a), and it never moves on the step' },
      { id: 'noisy-learns', label: 'Higher variance on cos(5a), but it learns the step' },
      { id: 'smooth-blind', label: 'Lower variance on cos(5a), but it never moves on the step' },
    ],
    runSummary: `cos(k·a): ${COS_PRESET.samples.toLocaleString('en')} draws at k = 0.5 and 5 (and exact quadrature); step: 2 agents × ${STEP_PRESET.seeds} seeds × ${STEP_PRESET.episodes} episodes`,
    explanation:
      'For cos(5a) the pathwise variance Var[5 sin 5a] ≈ 12.5 is ~25 times the score estimator’s (≈ 0.5), because f′ swings with amplitude k while f stays in [−1, 1]; at k = 0.5 it is the other way round. For the step, r′ = 0 almost everywhere, so the pathwise gradient is exactly 0: the agent never moves (its estimate is biased — the true gradient lives in the jump). REINFORCE uses only r(a) and climbs the step.',
    links: [
      lab('Open cos(k·z) at k = 5 in the lab', 'cos(k * z)', 5, COS_PRESET.mu, COS_PRESET.sigma),
      lab('Open the step in the lab', 'z > k', 1, 0, 1),
      playground('Open the step comparison in the playground', STEP_PRESET),
    ],
  },
  {
    id: 'batch-size',
    number: 6,
    title: 'Batch size, 1/N, and better baselines',
    summary:
      'Average N samples: the variance falls as 1/N; leave-one-out and the optimal baseline lower it further.',
    body: [
      `<p>Averaging ${v('N')} independent single-sample estimates ĝ<sub>${v('i')}</sub> keeps the mean and divides the
       variance by ${v('N')}:</p>`,
      eq(`Var[(1/${v('N')}) Σ<sub>${v('i')}</sub> ĝ<sub>${v('i')}</sub>] = Var[ĝ] / ${v('N')}`),
      `<p>Baselines cut Var[ĝ] itself. The variance-optimal constant is ${v('b')}* = E[${v('f')} ${v('s')}²] / E[${v('s')}²] with
       ${v('s')} the score; leave-one-out (RLOO) uses, for each sample, the mean of the other ${v('N')} − 1 values of
       ${v('f')} — no oracle needed, only a batch. Here ${v('f')}(${v('a')}) = −(${v('a')} − 2)² with ${v('a')} ~ N(0, 1), gradient ∂/∂μ,
       <span class="nowrap">${v('N')} = 1, 4, 16, 64</span>.</p>`,
    ].join(''),
    question:
      'From N = 1 to N = 16 samples per estimate, how much does the standard deviation of the plain score estimate fall, and how much further do the baselines (b* and leave-one-out) cut the variance at N = 16 and 64?',
    choices: [
      { id: 'quarter-lot', label: 'SD falls 4-fold (1/√N); the baselines cut the variance a lot further' },
      { id: 'quarter-hardly', label: 'SD falls 4-fold (1/√N); the baselines hardly change it' },
      { id: 'sixteenth-lot', label: 'SD falls 16-fold (1/N); the baselines cut the variance a lot further' },
      { id: 'sixteenth-hardly', label: 'SD falls 16-fold (1/N); the baselines hardly change it' },
    ],
    runSummary: `${BATCH_PRESET.groups.toLocaleString('en')} estimates at each N (score, optimal b*, leave-one-out), and the exact variances`,
    explanation:
      'Variance falls as 1/N, so the standard deviation falls as 1/√N: 16 times the samples buy only 4 times the precision. A good baseline is cheaper. Here f averages −5, a large common offset that the plain score estimate multiplies into its noise; b* removes it and cuts Var[ĝ] by 2.3× at every N — worth more than doubling the batch. Leave-one-out estimates its baseline from the other N − 1 samples, which adds about Var[f]·E[s²]/(N − 1) to each sample’s variance: at N = 4 it gains only 1.6×, at N = 16 already 1.97× and at N = 64 2.05×, approaching b* without knowing anything in advance. The check calls a gain “a lot” when every ratio Var[score]/Var[baseline] at N = 16 and 64 is at least 1.5 (2 SE below it), “hardly” when every one is at most 1.2.',
    links: [lab('Open variance vs N in the lab', BATCH_PRESET.f, 0, BATCH_PRESET.mu, BATCH_PRESET.sigma)],
  },
];

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The lesson after `id` (undefined after the last). */
export function nextLesson(id: LessonId): Lesson | undefined {
  const i = LESSONS.findIndex((l) => l.id === id);
  return i >= 0 ? LESSONS[i + 1] : undefined;
}
