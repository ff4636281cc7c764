import { Logger } from '@nestjs/common';
import type { CommandObservation } from '@laufweg/persistence';
import { RuntimeMetrics } from './runtime-metrics';

/** The value of one sample in the Prometheus text format. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('RuntimeMetrics for job push and group commit', () => {
  const noDatabase = { query: () => Promise.reject(new Error('not used')) };

  it('counts the jobs a command pushed to this process’s executor', async () => {
    // given the metrics and two accepted completions, one of which pushed two new jobs
    const metrics = new RuntimeMetrics(noDatabase as never);
    const observation = (pushedJobKeys?: string[]): CommandObservation => ({
      request: { tenantId: 'plauen', rootKeys: ['100'], command: { type: 'CompleteJob', jobKey: '101', variables: {} } },
      durationMs: 2,
      result: { rejected: false, createdRoots: [], events: [], state: {} as never, ...(pushedJobKeys ? { pushedJobKeys } : {}) },
    });

    // when the store reports them
    metrics.commandRan(observation(['201', '202']));
    metrics.commandRan(observation());

    // then two jobs count as pushed
    expect(sample(await metrics.registry.metrics(), 'laufweg_jobs_pushed_total')).toBe(2);
  });

  it('counts and logs a rolled-back group commit with its cause', async () => {
    // given the metrics, with the logger watched
    const metrics = new RuntimeMetrics(noDatabase as never);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    // when a batch of five commands is rolled back
    metrics.batchRolledBack({ size: 5, error: new Error('unsupported Unicode escape sequence') });

    // then it is counted and its cause is logged
    expect(sample(await metrics.registry.metrics(), 'laufweg_group_commit_rollbacks_total')).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('A group commit of 5 commands was rolled back (unsupported Unicode escape sequence)'));
    warn.mockRestore();
  });
});
