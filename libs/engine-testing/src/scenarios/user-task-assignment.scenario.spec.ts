import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHarness } from '../index';

const fixture = readFileSync(join(__dirname, 'fixtures/permit-v1.bpmn'), 'utf8');

describe('user task assignment and completer', () => {
  it('given an unassigned task, when it is assigned and unassigned, then the record follows and the events say so', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.createInstance('permit');
    const [task] = engine.userTasks('review');
    expect(task!.assignee).toBeUndefined();

    engine.execute({ type: 'AssignUserTask', userTaskKey: task!.key, assignee: 'anna' });
    expect(engine.userTasks('review')).toEqual([expect.objectContaining({ assignee: 'anna' })]);

    engine.execute({ type: 'AssignUserTask', userTaskKey: task!.key, assignee: null });
    expect(engine.userTasks('review')[0]).not.toHaveProperty('assignee');
    expect(engine.records.ofType('UserTaskAssigned').map((record) => record.assignee)).toEqual(['anna', null]);
    engine.verifyFullReplay();
  });

  it('given a task that is gone, when it is assigned, then the command is rejected', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    engine.createInstance('permit');
    const [task] = engine.userTasks('review');
    engine.completeUserTask('review');
    expect(engine.tryExecute({ type: 'AssignUserTask', userTaskKey: task!.key, assignee: 'anna' })).toEqual({ reason: `No open user task ${task!.key}.` });
  });

  it('given a completer, when the task is completed, then the event records who completed it', async () => {
    const engine = await EngineHarness.fromBpmn(fixture);
    const instance = engine.createInstance('permit');
    const [task] = engine.userTasks('review');
    engine.execute({ type: 'CompleteUserTask', userTaskKey: task!.key, variables: { approved: true }, completedBy: 'anna' });
    expect(engine.records.ofType('UserTaskCompleted')).toEqual([{ type: 'UserTaskCompleted', v: 1, key: task!.key, variables: { approved: true }, completedBy: 'anna' }]);
    expect(engine.isCompleted(instance)).toBe(true);
  });
});
