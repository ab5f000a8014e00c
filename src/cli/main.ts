/**
 * The Gradient Wars command line (`npm run -s cli -- <command> [flags]`):
 *   train     R seeded runs of one configuration; per-episode means and standard errors (table or --json)
 *   estimate  score-function vs pathwise gradient estimators for z ~ N(μ, σ²) and a typed f(z)
 *   bench     the engine's throughput benchmark (same as `npm run bench`)
 * User errors (bad flags, unknown environments, malformed maps or expressions) print one line to stderr and
 * exit with code 2.
 */
import { EnvError } from '../../envs';
import { configFields } from '../algos/config';
import { UsageError, parseArgs, takeFlag } from './args';
import { runBench } from './bench';
import { estimate, formatEstimateTable } from './estimate';
import { expandSweep, formatTrainTable, train } from './train';

const booleanFlags = new Set(['json', 'bernoulli', 'help', 'no-fig25']);

function help(): string {
  const flags = configFields.map((f) => {
    const v = f.values ? `<${f.values.join('|')}>` : f.kind === 'bool' ? '' : `<${f.kind}>`;
    return `  --${`${f.name} ${v}`.padEnd(58)} ${f.help}`;
  });
  return [
    'usage: npm run -s cli -- <command> [flags]',
    '',
    'commands:',
    '  train      run --runs seeded runs for --episodes episodes; print per-episode mean ± se',
    '  estimate   compare gradient estimators of E[f(z)], z ~ N(mu, sigma^2)',
    '  bench      measure engine throughput (rates per second)',
    '',
    'train flags:',
    ...flags,
    `  --${'episodes <int>'.padEnd(58)} episodes per run (default 1000)`,
    `  --${'runs <int>'.padEnd(58)} independent runs, seeds seed..seed+runs-1 (default 10)`,
    `  --${'json'.padEnd(58)} print one JSON object instead of a table`,
    '  comma-separated values of --estimator --baseline --lr --baseline-lr --gamma --batch --optimizer',
    '  run every combination in one command (JSON: {"command":"sweep","reports":[…]})',
    '',
    'estimate flags:',
    '  --f <expr in z>  --mu <number>  --sigma <number > 0>  --samples <int>  --batch <int>  --seed <int>  --json',
    '',
    'bench flags:',
    '  --json  --seconds <number>',
  ].join('\n');
}

/** Runs the CLI on argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { command, flags } = parseArgs(argv, booleanFlags);
    if (takeFlag(flags, 'help') !== undefined || command === 'help' || command === '') {
      process.stdout.write(help() + '\n');
      return command === '' ? 2 : 0;
    }
    const json = takeFlag(flags, 'json') !== undefined;
    switch (command) {
      case 'train': {
        // comma-separated values of some flags (--baseline average,none) run a grid in one process
        const grid = expandSweep(flags);
        const reports = [];
        for (const g of grid) reports.push(await train(g));
        const out =
          grid.length === 1
            ? json
              ? JSON.stringify(reports[0])
              : formatTrainTable(reports[0])
            : json
              ? JSON.stringify({ command: 'sweep', reports })
              : reports.map(formatTrainTable).join('\n\n');
        process.stdout.write(out + '\n');
        return 0;
      }
      case 'estimate': {
        const rep = await estimate(flags);
        process.stdout.write((json ? JSON.stringify(rep) : formatEstimateTable(rep)) + '\n');
        return 0;
      }
      case 'bench':
        await runBench(flags, json);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (use train, estimate or bench)`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof EnvError) {
      process.stderr.write(`gradient-wars: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`gradient-wars: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.GW_DEBUG) console.error(e);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
