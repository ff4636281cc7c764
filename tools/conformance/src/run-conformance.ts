import { resolve } from 'node:path';
import type { ConformanceRow, ConformanceSet, ConformanceSetResult } from './conformance-set';
import { CONFORMANCE_SETS } from './sets';

/** Command-line options of the runner. */
export interface ConformanceOptions {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly root: string;
  /** Run only the sets with these names (all when empty). */
  readonly only: readonly string[];
}

/** Reads `--json`, `--verbose`, `--root <dir>`, `--set <name>` (repeatable). */
export function parseArguments(argv: readonly string[], repositoryRoot: string): ConformanceOptions {
  const only: string[] = [];
  let root = process.env.LAUFWEG_CONFORMANCE_DIR ?? resolve(repositoryRoot, '..', 'shared', 'conformance');
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--root') root = resolve(argv[++index] ?? root);
    else if (argument === '--set') only.push(argv[++index] ?? '');
  }
  return { json: argv.includes('--json'), verbose: argv.includes('--verbose'), root, only };
}

/** Runs the sets, prints one table each, and with `json` a summary object as the last line. */
export async function runConformance(options: ConformanceOptions, sets: readonly ConformanceSet[] = CONFORMANCE_SETS): Promise<Record<string, number | string>> {
  const summary: Record<string, number | string> = {};
  for (const set of sets.filter((candidate) => options.only.length === 0 || options.only.includes(candidate.name))) {
    const started = performance.now();
    const result = await set.run({ root: options.root, verbose: options.verbose });
    printTable(set, result, performance.now() - started, options.verbose);
    Object.assign(summary, result.fields);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary;
}

function printTable(set: ConformanceSet, result: ConformanceSetResult, milliseconds: number, verbose: boolean): void {
  const lines = [``, `== ${set.title} (${(milliseconds / 1000).toFixed(1)} s)`];
  const width = Math.max(...result.rows.map((row) => row.label.length));
  for (const row of result.rows) lines.push(`  ${row.label.padEnd(width)}  ${formatCount(row)}${row.note === undefined ? '' : `  (${row.note})`}`);
  const shown = verbose ? result.failures : result.failures.slice(0, 10);
  for (const failure of shown) lines.push(`    - ${failure}`);
  if (shown.length < result.failures.length) lines.push(`    ... ${result.failures.length - shown.length} more (--verbose)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function formatCount(row: ConformanceRow): string {
  const percent = row.total === 0 ? 100 : (100 * row.passed) / row.total;
  return `${String(row.passed).padStart(5)} / ${String(row.total).padEnd(5)} ${percent.toFixed(1).padStart(5)} %`;
}
