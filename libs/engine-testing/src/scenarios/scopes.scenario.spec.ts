import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/scopes.bpmn'), 'utf8');
const start = async (variables: Record<string, string | boolean> = {}) => {
  const engine = await EngineHarness.fromBpmn(fixture);
  const instance = engine.createInstance('main', { caseId: 'C1', late: false, valid: true, ...variables });
  return { engine, instance };
};

describe('sub-processes, errors, escalations, event sub-processes and call activities', () => {
  it('given an embedded sub-process with io mappings, when its work completes, then the output mapping reaches the process', async () => {
    const { engine, instance } = await start();
    const [job] = engine.jobs({ elementId: 'lookup' });
    expect(engine.scopeVariables(job!.elementInstanceKey)).toMatchObject({ localId: 'C1-sub' });
    engine.completeJob('lookup', { result: 'found' });

    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.variables(instance)).toMatchObject({ handled: 'found', result: 'found' });
    expect(engine.variables(instance)).not.toHaveProperty('localId');
  });

  it('given an error boundary with a code, when the worker throws that BPMN error, then the boundary takes over', async () => {
    const { engine, instance } = await start();
    engine.throwError('lookup', 'REFUSED', { reason: 'no record' });
    expect(engine.records.terminated(instance)).toEqual(['lookup']);
    expect(engine.records.completed(instance)).toEqual(['start', 'subStart', 'refused', 'refusedEnd', 'handle', 'end']);
    expect(engine.variables(instance)).toMatchObject({ reason: 'no record' });
  });

  it('given no catching boundary, when the worker throws an unknown error, then an incident names the task', async () => {
    const { engine } = await start();
    engine.throwError('lookup', 'OTHER');
    expect(engine.incidents()).toEqual([expect.objectContaining({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'lookup' })]);
  });

  it('given an error end event, when it is reached, then the boundary of the enclosing sub-process catches it', async () => {
    const { engine, instance } = await start({ valid: false });
    engine.completeJob('lookup', {});
    expect(engine.records.terminated(instance)).toEqual(['handle']);
    expect(engine.records.completed(instance).slice(-3)).toEqual(['invalidEnd', 'invalid', 'rejectedEnd']);
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given a non-interrupting escalation boundary, when the escalation is thrown inside, then both paths continue', async () => {
    const { engine, instance } = await start({ late: true });
    engine.completeJob('lookup', { result: 'ok' });
    expect(engine.userTasks('informLead')).toHaveLength(1);
    expect(engine.records.completed(instance)).toEqual(expect.arrayContaining(['escalate', 'subEnd', 'handle', 'late', 'end']));
    engine.completeUserTask('informLead');
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given a non-interrupting event sub-process, when its message arrives, then it runs beside the work', async () => {
    const { engine, instance } = await start();
    engine.correlateMessage('status-query', 'C1');
    expect(engine.records.completed(instance)).toEqual(expect.arrayContaining(['queryStart', 'answer', 'queryEnd', 'statusQuery']));
    expect(engine.activeElements(instance)).toEqual(['handle', 'lookup']);
  });

  it('given an interrupting event sub-process, when its message arrives, then the work is terminated and the process completes', async () => {
    const { engine, instance } = await start();
    engine.correlateMessage('cancel-request', 'C1');
    expect(engine.records.terminated(instance)).toEqual(['lookup', 'handle']);
    expect(engine.records.completed(instance).slice(-3)).toEqual(['cancelStart', 'cancelEnd', 'cancelled']);
    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.state.jobs).toEqual({});
  });

  it('given a call activity, when the child completes, then only the output mappings come back', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const parent = engine.createInstance('parent', { calledId: 'main', caseId: 'C7', late: false, valid: true });
    const [child] = engine.records.processInstances('ElementActivating').slice(-1);
    expect(child).not.toBe(parent);
    expect(engine.variables(child!)).toMatchObject({ caseId: 'C7', calledId: 'main' });
    engine.completeJob('lookup', { result: 'ok' });

    expect(engine.isCompleted(child!)).toBe(true);
    expect(engine.isCompleted(parent)).toBe(true);
    expect(engine.variables(parent)).toMatchObject({ outcome: 'ok' });
    expect(engine.variables(parent)).not.toHaveProperty('result');
  });

  it('given a call activity with a catch-all error boundary, when the child throws an uncaught error, then the parent catches it', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const parent = engine.createInstance('parent', { calledId: 'main', caseId: 'C7', late: false, valid: true });
    engine.throwError('lookup', 'SOMETHING');
    expect(engine.records.completed(parent)).toEqual(['pStart', 'callFailed', 'pFailed']);
    expect(engine.isCompleted(parent)).toBe(true);
    expect(engine.state.elementInstances).toEqual({});
  });

  it('given an unknown called process, when the call activity activates, then an incident; deploying and resolving retries', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const parent = engine.createInstance('parent', { calledId: 'missing' });
    expect(engine.incidents()).toEqual([expect.objectContaining({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'callMain' })]);
    engine.execute({ type: 'SetVariables', scopeKey: parent, variables: { calledId: 'main', caseId: 'C8', late: false, valid: true } });
    engine.resolveIncident(engine.incidents()[0]!.key);
    expect(engine.jobs({ elementId: 'lookup' })).toHaveLength(1);
  });
});
