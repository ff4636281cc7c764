import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ChaosReport } from './src/chaos-report';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('chaos: engine processes killed while instances run', () => {
  it('loses nothing and completes no step twice when 2 engine processes are killed 3 times during 200 instances', async () => {
    // given two engine processes on one database, killed with SIGKILL three times and restarted
    const { stdout } = await run(
      process.execPath,
      ['-r', join(root, 'tools', 'scripts', 'register-ts.js'), join(__dirname, 'src', 'chaos.ts'), '--instances', '200', '--nodes', '2', '--kills', '3', '--json'],
      { env: process.env, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 },
    );
    // when the run ends, then every instance completed once, and no timer fired twice
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChaosReport;
    expect(report).toMatchObject({ started: 200, completed: 200, lost: 0, duplicateCompletions: 0, timersFiredTwice: 0, incidents: 0, kills: 3, replayVerified: true });
    // Handlers may run more than once for a job (at-least-once), which the report counts.
    expect(report.extraHandlerExecutions).toBeGreaterThanOrEqual(0);
  }, 300_000);
});
