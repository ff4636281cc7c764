import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/order-basics.bpmn'), 'utf8');

describe('order basics: service task, exclusive gateway, script, user and manual task', () => {
  it('given a small amount, when the check passes, then the fee is computed by FEEL and the instance completes', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 40, owner: 'anna' });

    const [job] = engine.jobs({ elementId: 'check' });
    expect(job).toMatchObject({ type: 'application.check', retries: 2, customHeaders: { level: 'strict' } });
    expect(engine.scopeVariables(job!.elementInstanceKey)).toMatchObject({ doubled: 80 });

    engine.completeJob('check', { valid: true });

    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toEqual(['start', 'check', 'decide', 'fee', 'join', 'archive', 'end']);
    expect(engine.records.ofType('VariableSet').filter((record) => record.scopeKey === instance).map((record) => [record.name, record.value])).toEqual([
      ['amount', 40],
      ['owner', 'anna'],
      ['checked', true],
      ['fee', 4],
    ]);
  });

  it('given a large amount, when the check passes, then the default flow creates a user task for the candidate groups', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 400, owner: 'anna' });
    engine.completeJob('check', { valid: true });

    expect(engine.userTasks('review')).toEqual([
      expect.objectContaining({ assignee: 'anna', candidateGroups: ['clerks', 'leads'], formId: 'review-form' }),
    ]);
    engine.completeUserTask('review', { approved: true });

    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.completed(instance)).toEqual(['start', 'check', 'decide', 'review', 'join', 'archive', 'end']);
  });

  it('given a failing worker, when retries run out, then an incident is raised and resolving it retries the job', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 40 });
    engine.failJob('check', 1, 'register offline', 60_000);
    expect(engine.availableJobs()).toEqual([]);
    engine.advanceClock(60_000);
    expect(engine.availableJobs()).toHaveLength(1);
    engine.failJob('check', 0, 'register still offline');

    const [incident] = engine.incidents();
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', elementId: 'check', message: 'register still offline' });

    engine.resolveIncident(incident!.key, 1);
    engine.completeJob('check', { valid: true });
    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given no owner, when the user task activates, then the assignee expression raises an incident and resolving retries', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 400 });
    engine.completeJob('check', { valid: true });

    const [incident] = engine.incidents();
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'review' });
    expect(engine.userTasks()).toEqual([]);

    engine.execute({ type: 'SetVariables', scopeKey: instance, variables: { owner: 'ben' } });
    engine.resolveIncident(incident!.key);
    expect(engine.userTasks('review')).toEqual([expect.objectContaining({ assignee: 'ben' })]);
    expect(engine.incidents()).toEqual([]);
  });

  it('given a condition that is not boolean, when the gateway is reached, then a condition incident names the flow', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.createInstance('order', { amount: 40, owner: 'anna' });
    engine.completeJob('check', { valid: 'yes' });
    const [incident] = engine.incidents();
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'decide' });
    expect(incident!.message).toContain('toAuto');
    expect(engine.records.completed()).not.toContain('decide');
  });

  it('when the instance is cancelled, then the job is cancelled and the instance terminated', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 40 });
    engine.cancel(instance);

    expect(engine.isTerminated(instance)).toBe(true);
    expect(engine.records.ofType('JobCanceled')).toHaveLength(1);
    expect(engine.state.jobs).toEqual({});
    expect(engine.state.elementInstances).toEqual({});
  });

  it('when the instance is modified, then the job is terminated and the user task activated instead', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('order', { amount: 40, owner: 'anna' });
    const [job] = engine.jobs({ elementId: 'check' });
    engine.execute({ type: 'ModifyProcessInstance', processInstanceKey: instance, terminate: [job!.elementInstanceKey], activate: [{ elementId: 'review', variables: { checked: false } }] });

    expect(engine.records.terminated(instance)).toEqual(['check']);
    expect(engine.userTasks('review')).toHaveLength(1);
    expect(engine.jobs()).toEqual([]);
    expect(engine.tryExecute({ type: 'ModifyProcessInstance', processInstanceKey: instance, activate: [{ elementId: 'nowhere' }] })).toEqual({ reason: "'nowhere' is not an element of 'order'." });
  });
});
