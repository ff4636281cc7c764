import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenarioFile, runScenarioFiles } from '@laufweg/scenarios';
import { defaultScenarioFiles, selectScenarioFiles } from './find-scenario-files';
import { junitReport } from './junit-report';
import { openPostgresBackend, type PostgresScenarioBackend } from './postgres-engine';
import { formatReport, summarize } from './print-report';

/**
 * `npm run scenarios [-- <route or file or folder>] [--json] [--junit <file>] [--postgres]`: runs
 * scenarios on the in-memory engine (or, with --postgres, on the durable runtime) and prints pass/fail with path diffs and each route's coverage. With
 * --json the last line is the summary; exit code 1 when a scenario fails, 2 on bad arguments.
 */
export async function main(argv: readonly string[], root: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        junit: { type: 'string' },
        postgres: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error: unknown) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const processesDir = join(root, 'processes');
  const routeOf = (file: string): string | undefined => {
    const loaded = loadScenarioFile(file, { processesDir });
    return loaded.ok ? loaded.scenario.route.name : undefined;
  };
  const files = positionals.length === 0 ? defaultScenarioFiles(root) : positionals.flatMap((target) => selectScenarioFiles(target, root, routeOf));
  if (files.length === 0) {
    process.stderr.write(`No scenarios found for ${positionals.join(', ') || 'the default run'}.\n`);
    return 2;
  }
  let backend: PostgresScenarioBackend | undefined;
  if (values.postgres) {
    const databaseUrl = process.env['DATABASE_URL'];
    if (!databaseUrl) {
      process.stderr.write('--postgres needs DATABASE_URL: an owner connection to a PostgreSQL server, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test. Each scenario runs in a sandbox tenant there that is dropped afterwards.\n');
      return 2;
    }
    backend = await openPostgresBackend(databaseUrl, (message) => process.stderr.write(`${message}\n`));
  }
  let report;
  try {
    report = await runScenarioFiles(files, { processesDir, ...(backend ? { engine: backend.engine } : {}) });
  } finally {
    await backend?.close();
  }
  const shown = (file: string): string => relative(root, file) || file;
  process.stdout.write(formatReport(report, shown));
  if (values.junit !== undefined) writeFileSync(values.junit, junitReport(report.results, shown));
  const summary = summarize(report);
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}

const USAGE = `Usage: npm run scenarios [-- <route | scenario.yaml | folder> ...] [--json] [--junit <file>] [--postgres]
  (no target)   every processes/*/scenarios/*.yaml and libs/scenarios/examples/*.yaml
  --json        print the summary {scenarios, passed, failed, routes} as the last line
  --junit FILE  also write a JUnit XML report
  --postgres    run on PostgreSQL (DATABASE_URL, an owner connection) in sandbox tenants instead of in memory
`;
