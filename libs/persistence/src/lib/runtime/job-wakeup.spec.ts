import type { EngineEvent } from '@laufweg/bpmn-engine';
import { createEmptyState } from '@laufweg/bpmn-engine';
import type { RunCommandRequest } from './command-store';
import { availableJobTypes, JobWakeup } from './job-wakeup';

const LONG = 60_000;

function jobCreated(key: string, type: string): EngineEvent {
  return {
    type: 'JobCreated',
    v: 1,
    job: { key, type, retries: 3, state: 'activatable', elementId: 'task', elementInstanceKey: '1', processInstanceKey: '1', processId: 'p', customHeaders: {} },
  };
}

describe('JobWakeup', () => {
  it('wakes the waiters of a job type when a command creates such a job, and only them', async () => {
    // given one poller waiting for payments and one for documents
    const wakeup = new JobWakeup();
    const woken: string[] = [];
    const payments = wakeup.wait(LONG, { types: ['payment.request'] }).then(() => woken.push('payments'));
    const documents = wakeup.wait(LONG, { types: ['document.render'] }).then(() => woken.push('documents'));

    // when a command creates a payment job
    const request: RunCommandRequest = { tenantId: 't', command: { type: 'CreateProcessInstance', processId: 'p' } };
    wakeup.commandRan({ request, durationMs: 1, result: { rejected: false, createdRoots: ['1'], events: [jobCreated('2', 'payment.request')], state: createEmptyState() } });
    await payments;

    // then only the payment poller woke; closing releases the other
    expect(woken).toEqual(['payments']);
    wakeup.close();
    await documents;
    expect(woken).toEqual(['payments', 'documents']);
    await expect(wakeup.wait(LONG)).resolves.toBeUndefined();
  });

  it('ends a wait when its signal aborts', async () => {
    const controller = new AbortController();
    const waiting = new JobWakeup().wait(LONG, { signal: controller.signal });
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('counts a failed job with retries and no backoff as available again, one with backoff not', () => {
    const state = createEmptyState();
    state.jobs['7'] = { key: '7', type: 'e-file.store', retries: 1, state: 'failed', elementId: 'store', elementInstanceKey: '1', processInstanceKey: '1', processId: 'p', customHeaders: {} };
    expect(availableJobTypes([{ type: 'JobFailed', v: 1, key: '7', retries: 1, errorMessage: 'down' }], state)).toEqual(['e-file.store']);
    expect(availableJobTypes([{ type: 'JobFailed', v: 1, key: '7', retries: 1, retryAt: 5, errorMessage: 'down' }], state)).toEqual([]);
    expect(availableJobTypes([{ type: 'JobRetriesUpdated', v: 1, key: '7', retries: 3 }], state)).toEqual(['e-file.store']);
  });
});
