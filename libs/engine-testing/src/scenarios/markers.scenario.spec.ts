import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/markers.bpmn'), 'utf8');

describe('multi-instance, loops, compensation, transactions, ad-hoc and conditional events', () => {
  it('given a parallel multi-instance over a collection, when all complete, then outputs are collected in order', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('multi', { recipients: ['a', 'b', 'c'], stopAfter: 99, attempts: 0 });
    const jobs = engine.jobs({ elementId: 'notify' });
    expect(jobs.map((job) => engine.scopeVariables(job.elementInstanceKey)['recipient'])).toEqual(['a', 'b', 'c']);
    for (const job of [...jobs].reverse()) engine.execute({ type: 'CompleteJob', jobKey: job.key, variables: { receipt: `r-${String(engine.scopeVariables(job.elementInstanceKey)['recipient'])}` } });
    expect(engine.variables(instance)).toMatchObject({ receipts: ['r-a', 'r-b', 'r-c'] });
    expect(engine.userTasks('sign')).toHaveLength(1);
  });

  it('given a completion condition, when it holds, then the remaining instances are terminated', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('multi', { recipients: ['a', 'b', 'c'], stopAfter: 1, attempts: 0 });
    engine.completeJob('notify', { receipt: 'first' });
    expect(engine.records.terminated(instance)).toEqual(['notify', 'notify']);
    expect(engine.variables(instance)['receipts']).toEqual(['first', null, null]);
  });

  it('given a sequential cardinality, then a standard loop and a groovy script, then they run in turn and groovy becomes a job', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('multi', { recipients: [], stopAfter: 1, attempts: 0 });
    engine.completeUserTask('sign');
    expect(engine.userTasks('sign')).toHaveLength(1);
    engine.completeUserTask('sign');

    expect(engine.records.completed(instance).filter((id) => id === 'retry')).toHaveLength(3);
    expect(engine.variables(instance)['attempts']).toBe(3);
    expect(engine.jobs({ elementId: 'legacy' })).toEqual([
      expect.objectContaining({ type: 'script:groovy', customHeaders: { script: 'println "never evaluated"' } }),
    ]);
  });

  it('given two completed compensable tasks, when a compensation end event is reached, then handlers run newest first', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('compensation', { failed: true });
    engine.onJob('book', () => ({ complete: {} })).onJob('charge', () => ({ complete: {} }));
    expect(engine.jobs().map((job) => job.type)).toEqual(['refund']);
    engine.completeJob('refund');
    expect(engine.jobs().map((job) => job.type)).toEqual(['unbook']);
    engine.completeJob('unbook');
    expect(engine.records.completed(instance)).toEqual(['cStart', 'book', 'charge', 'ok', 'refund', 'unbook', 'undo']);
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given a transaction, when its cancel end event is reached, then it compensates and leaves through the cancel boundary', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('transaction', { abort: true });
    expect(engine.records.completed(instance)).toEqual(['tStart', 'txStart', 'reserve', 'txCheck', 'release', 'txCancel', 'txCancelled', 'tCancelled']);
    expect(engine.records.terminated(instance)).toEqual(['tx']);
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given an ad-hoc sub-process, when the completion condition holds, then the open tasks are cancelled', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('adhoc', { enough: false });
    expect(engine.activeElements(instance)).toEqual(['checkAddress', 'checkFee', 'checkId', 'checks']);
    engine.completeUserTask('checkId');
    engine.completeUserTask('checkFee', { enough: true });
    expect(engine.records.terminated(instance)).toEqual(['checkAddress']);
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given conditional events, when variables change, then they fire when their condition becomes true', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('conditional', { count: 0, ready: false });
    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: { count: 11 } });
    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: { count: 12 } });
    expect(engine.records.completed(instance).filter((id) => id === 'warn')).toHaveLength(1);
    engine.completeUserTask('collect');
    expect(engine.activeElements(instance)).toEqual(['waitReady']);
    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: { ready: true } });
    expect(engine.isCompleted(instance)).toBe(true);
  });
});
