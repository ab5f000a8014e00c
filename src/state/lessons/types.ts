/**
 * The vocabulary of the guided lessons (lessons.html): a lesson's content and question as plain data, what a
 * run measured (plain numbers, JSON-safe, so a worker can send it and a test can write it by hand), and the
 * verdict a check draws from it. Checks live in ./checks.ts, the lessons themselves in ./catalog.ts.
 */

/** Lesson ids, in course order (also the `#lesson=<id>` of each lesson's URL). */
export const LESSON_IDS = [
  'bandit-baseline',
  'corridor',
  'gridworld-baseline',
  'smooth-reward',
  'pathwise-fails',
  'batch-size',
] as const;
/** One of {@link LESSON_IDS}. */
export type LessonId = (typeof LESSON_IDS)[number];

/** One answer of a lesson's predict-then-run question. */
export interface LessonChoice {
  /** Stable id (stored in the progress; the checks name outcomes by it). */
  id: string;
  /** What the student reads. */
  label: string;
}

/** A link to the playground or the lab with the lesson's exact preset. */
export interface LessonLink {
  /** Link text. */
  label: string;
  /** Relative URL (`./#env=…` or `./lab.html#…`). */
  href: string;
}

/** A lesson: text, question, what the run does, and where to explore further. */
export interface Lesson {
  id: LessonId;
  /** 1-based position in the course. */
  number: number;
  title: string;
  /** One line for the list of lessons. */
  summary: string;
  /** The lesson's text as trusted, authored HTML (paragraphs, `<var>`, `<sub>`, `.equation` blocks). */
  body: string;
  /** The predict-then-run question. */
  question: string;
  choices: readonly LessonChoice[];
  /** What pressing Run does, in one line ("2 agents × 100 seeds × 1 000 steps"). */
  runSummary: string;
  /** Why the run comes out as it does (shown with the verdict). */
  explanation: string;
  links: readonly LessonLink[];
}

/** Per-episode mean and standard error across seeds (the shape of `train --json`'s metrics). */
export interface SeriesStats {
  mean: readonly number[];
  se: readonly number[];
}

/** A measured variance and its standard error. */
export interface VarianceEstimate {
  variance: number;
  se: number;
}

/** Lesson 1: % optimal action per step, with (A) and without (B) the average-reward baseline. */
export interface BanditMeasurement {
  kind: 'bandit-baseline';
  withBaseline: SeriesStats;
  withoutBaseline: SeriesStats;
}

/** Lesson 2: the learned π(right) of each seed after training, and the mean π(right) per episode. */
export interface CorridorMeasurement {
  kind: 'corridor';
  finalProbRight: readonly number[];
  probRight: SeriesStats;
  /** Exact J at the seeds' mean learned π(right), and at p* = 2 − √2. */
  jLearned: number;
  jOptimal: number;
}

/** Lesson 3: return per episode in a gridworld with (A) and without (B) a learned V(s). */
export interface GridworldMeasurement {
  kind: 'gridworld-baseline';
  withV: SeriesStats;
  withoutV: SeriesStats;
  /** Episode length per episode, same runs. */
  lengthWithV: SeriesStats;
  lengthWithoutV: SeriesStats;
  /** tr Cov of the gradient estimate at the same policies with and without V(s) (absent: not measured). */
  gradVariance?: GridGradientVariance;
}

/** Gradient variance with and without V(s), averaged over several policies (SE across them). */
export interface GridGradientVariance {
  withV: VarianceEstimate;
  withoutV: VarianceEstimate;
  /** How many policies (seeds). */
  policies: number;
  /** Episodes each policy was trained before measuring. */
  afterEpisodes: number;
}

/** Lesson 4: return per episode of the pathwise (A) and the REINFORCE (B) agent on a smooth reward. */
export interface SmoothMeasurement {
  kind: 'smooth-reward';
  pathwise: SeriesStats;
  reinforce: SeriesStats;
}

/** Exact and measured single-sample variances of ∂/∂μ for cos(k·a) at one k. */
export interface CosVariances {
  k: number;
  exact: { score: number; pathwise: number };
  measured: { score: VarianceEstimate; pathwise: VarianceEstimate };
}

/** Lesson 5: cos(k·a) variances at a small and a large k, and the step-reward runs. */
export interface FailsMeasurement {
  kind: 'pathwise-fails';
  cos: readonly CosVariances[];
  stepPathwise: SeriesStats;
  stepReinforce: SeriesStats;
}

/** Lesson 6: variance of the N-sample mean gradient for each N and estimator, measured and exact. */
export interface BatchMeasurement {
  kind: 'batch-size';
  sizes: readonly number[];
  /** Per estimator, one entry per size (NaN where it does not apply, e.g. leave-one-out at N = 1). */
  measured: Readonly<Record<BatchEstimator, readonly VarianceEstimate[]>>;
  exact: Readonly<Record<BatchEstimator, readonly number[]>>;
}

/** Estimators of lesson 6. */
export type BatchEstimator = 'score' | 'score-optimal' | 'loo';

/** Anything a lesson's run measured. */
export type Measurement =
  | BanditMeasurement
  | CorridorMeasurement
  | GridworldMeasurement
  | SmoothMeasurement
  | FailsMeasurement
  | BatchMeasurement;

/** What a check read from the numbers: the choice the run supports (null: not clear-cut) and how. */
export interface Finding {
  /** The id of the choice the measurement supports, or null when it is not conclusive. */
  outcome: string | null;
  /** "The run shows …" with the numbers (mean ± SE, ratios). */
  shows: string;
}

/** A verdict on a prediction. */
export interface Verdict {
  /** true: the prediction matches the run; false: it does not; null: the run was not conclusive. */
  correct: boolean | null;
  /** "You predicted X." */
  predicted: string;
  /** "The run shows Y (numbers)." */
  shows: string;
  /** Why (the lesson's explanation). */
  why: string;
}
