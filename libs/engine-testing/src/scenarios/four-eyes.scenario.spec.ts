import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFourEyesViolation } from '@laufweg/bpmn-engine';
import { CommandRejectedError, EngineHarness } from '../index';

const approval = readFileSync(join(__dirname, 'fixtures/four-eyes.bpmn'), 'utf8');
const caseWithCall = readFileSync(join(__dirname, 'fixtures/four-eyes-case.bpmn'), 'utf8');

/** Completes the open task of the element as `completedBy` and returns the engine's refusal, if any. */
function complete(engine: EngineHarness, elementId: string, completedBy: string | undefined, variables = {}): string | undefined {
  const [task] = engine.userTasks(elementId);
  if (!task) throw new Error(`No open user task '${elementId}'.`);
  const result = engine.tryExecute({ type: 'CompleteUserTask', userTaskKey: task.key, variables, ...(completedBy === undefined ? {} : { completedBy }) });
  return 'reason' in result ? result.reason : undefined;
}

describe('the four-eyes rule (zeebe:property fourEyes)', () => {
  it('given anna reviewed, when anna approves, then the engine refuses naming both elements and her review task, and nothing changes', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    engine.createInstance('approval');
    const [review] = engine.userTasks('review');
    engine.completeUserTask('review', {}, 'anna');
    const [approve] = engine.userTasks('approve');
    const eventsBefore = engine.records.events.length;

    const reason = complete(engine, 'approve', 'anna', { approved: true });

    expect(reason).toBe(`Four-eyes rule: 'approve' must be completed by someone other than who completed 'review' (user task ${review!.key}) in this process instance; anna completed it.`);
    expect(readFourEyesViolation(reason!)).toEqual({ elementId: 'approve', earlierElementId: 'review', earlierUserTaskKey: review!.key, completedBy: 'anna' });
    expect(engine.records.events).toHaveLength(eventsBefore);
    expect(engine.userTasks('approve')).toEqual([approve]);
  });

  it('given anna reviewed, when ben approves, then the instance completes', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    const instance = engine.createInstance('approval');
    engine.completeUserTask('review', {}, 'anna');

    engine.completeUserTask('approve', { approved: true }, 'ben');

    expect(engine.isCompleted(instance)).toBe(true);
    expect(engine.records.ofType('UserTaskCompleted').map((record) => record.completedBy)).toEqual(['anna', 'ben']);
    engine.verifyFullReplay();
  });

  it('given a task the rule guards, when it is completed without saying by whom, then the engine refuses', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    engine.createInstance('approval');
    engine.completeUserTask('review', {}, 'anna');
    const [approve] = engine.userTasks('approve');

    expect(() => engine.completeUserTask('approve', { approved: true })).toThrow(CommandRejectedError);
    expect(complete(engine, 'approve', undefined)).toBe(
      `Four-eyes rule: 'approve' must be completed by someone other than who completed 'review'; user task ${approve!.key} cannot be completed without saying who completes it (completedBy).`,
    );
    expect(complete(engine, 'approve', '')).toMatch(/without saying who completes it/);
  });

  it('given a review completed without a completer, when anyone approves, then nobody is known to have reviewed and the approval goes through', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    const instance = engine.createInstance('approval');
    engine.completeUserTask('review');

    engine.completeUserTask('approve', { approved: true }, 'anna');

    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given a rework loop, when the first reviewer approves the second round, then she is still refused: any earlier review counts, not only the last', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    const instance = engine.createInstance('approval');
    const [firstReview] = engine.userTasks('review');
    engine.completeUserTask('review', {}, 'anna');
    engine.completeUserTask('approve', { approved: false }, 'ben');
    engine.completeUserTask('review', {}, 'carla');

    expect(complete(engine, 'approve', 'anna', { approved: true })).toContain(`who completed 'review' (user task ${firstReview!.key})`);
    expect(complete(engine, 'approve', 'carla', { approved: true })).toContain('carla completed it.');
    engine.completeUserTask('approve', { approved: true }, 'ben');

    expect(engine.isCompleted(instance)).toBe(true);
  });

  it('given the rule holds per process instance, when anna reviewed another instance or the calling case, then she may approve this one', async () => {
    const engine = await EngineHarness.fromBpmn([approval, caseWithCall]);
    const other = engine.createInstance('approval');
    engine.completeUserTask('review', {}, 'anna');
    const caseInstance = engine.createInstance('case');
    const caseReview = engine.userTasks('review').find((task) => task.processInstanceKey === caseInstance)!;
    engine.execute({ type: 'CompleteUserTask', userTaskKey: caseReview.key, variables: {}, completedBy: 'anna' });
    engine.completeUserTask('approve', { approved: true }, 'ben'); // the other instance's approval
    expect(engine.isCompleted(other)).toBe(true);

    // The case itself: anna reviewed it, so ben approves; then the called 'approval' starts.
    expect(complete(engine, 'approve', 'anna')).toMatch(/^Four-eyes rule: 'approve'/);
    engine.completeUserTask('approve', {}, 'ben');
    const [calledReview] = engine.userTasks('review');
    expect(calledReview!.processInstanceKey).not.toBe(caseInstance);
    engine.completeUserTask('review', {}, 'ben');

    // In the called instance only its own review counts: ben is refused, anna (who reviewed the case) may approve.
    expect(complete(engine, 'approve', 'ben', { approved: true })).toContain(`who completed 'review' (user task ${calledReview!.key})`);
    engine.completeUserTask('approve', { approved: true }, 'anna');
    expect(engine.isCompleted(caseInstance)).toBe(true);
    engine.verifyFullReplay();
  });

  it('given the state went through JSON (as the runtime stores it), when the reviewer approves, then the rule still holds', async () => {
    const engine = await EngineHarness.fromBpmn(approval);
    engine.createInstance('approval');
    engine.completeUserTask('review', {}, 'anna');

    engine.persistAndResume();

    expect(complete(engine, 'approve', 'anna', { approved: true })).toMatch(/anna completed it\.$/);
  });
});
