import { applyEvent } from '../../events/apply-event';
import { event } from '../../events/engine-event';
import { createEmptyState, type EngineState, type UserTaskRecord } from '../../state/engine-state';
import { fourEyesElementIds, fourEyesReason, fourEyesRefusal, readFourEyesViolation } from './four-eyes-rule';

const task = (key: string, elementId: string): UserTaskRecord => ({
  key,
  elementId,
  elementInstanceKey: `${key}0`,
  processInstanceKey: '1',
  processId: 'p',
  candidateGroups: [],
  candidateUsers: [],
  createdAt: 0,
});

/** A process instance '1' on which the given tasks were created and completed, in order. */
function givenCompleted(...completions: readonly [key: string, elementId: string, completedBy?: string][]): EngineState {
  const state = createEmptyState();
  state.elementInstances['1'] = { key: '1', elementId: 'p', elementType: 'process', processId: 'p', processDefinitionKey: 'p:1', processInstanceKey: '1', flowScopeKey: null, state: 'activated' };
  for (const [key, elementId, completedBy] of completions) {
    applyEvent(state, event('UserTaskCreated', { userTask: task(key, elementId) }));
    applyEvent(state, event('UserTaskCompleted', { key, variables: {}, ...(completedBy === undefined ? {} : { completedBy }) }));
  }
  return state;
}

const guarded = { properties: { fourEyes: ' check , review,' } };

describe('four-eyes rule', () => {
  it('given a comma-separated fourEyes property, then it names each element once, blanks ignored', () => {
    expect(fourEyesElementIds(guarded)).toEqual(['check', 'review']);
    expect(fourEyesElementIds({ properties: {} })).toEqual([]);
  });

  it('given completions, then the process instance remembers the first task of each element per completer, and anonymous ones not at all', () => {
    const state = givenCompleted(['10', 'check', 'anna'], ['20', 'check', 'anna'], ['30', 'check', 'ben'], ['40', 'review']);
    expect(state.elementInstances['1']!.userTaskCompleters).toEqual({ check: { anna: '10', ben: '30' } });
    expect(state.userTasks).toEqual({});
  });

  it('given anna completed a named element, when she completes the guarded task, then the refusal names the element and her task', () => {
    const state = givenCompleted(['10', 'other', 'anna'], ['20', 'review', 'anna']);
    const reason = fourEyesRefusal(state, task('30', 'approve'), guarded, 'anna');
    expect(reason).toBe("Four-eyes rule: 'approve' must be completed by someone other than who completed 'review' (user task 20) in this process instance; anna completed it.");
    expect(fourEyesRefusal(state, task('30', 'approve'), guarded, 'ben')).toBeUndefined();
    expect(fourEyesRefusal(state, task('30', 'approve'), { properties: {} }, 'anna')).toBeUndefined();
  });

  it('given a reason, then it reads back to the violation; other reasons read as none', () => {
    const violation = { elementId: 'approve', earlierElementId: 'check', earlierUserTaskKey: '2251799813685260', completedBy: "o'brien (Amt 3)" };
    expect(readFourEyesViolation(fourEyesReason(violation))).toEqual(violation);
    expect(readFourEyesViolation('No open user task 7.')).toBeUndefined();
    expect(readFourEyesViolation(fourEyesRefusal(givenCompleted(), task('30', 'approve'), guarded, undefined)!)).toBeUndefined();
  });

  it('given a migration that renames a completed element, then its completers move to the new id', () => {
    const state = givenCompleted(['10', 'check', 'anna'], ['20', 'review', 'ben']);
    applyEvent(state, event('ProcessInstanceMigrated', { processInstanceKey: '1', sourceProcessDefinitionKey: 'p:1', processDefinitionKey: 'p:2', processId: 'p', elementIds: { check: 'review' } }));
    expect(state.elementInstances['1']!.userTaskCompleters).toEqual({ review: { anna: '10', ben: '20' } });
  });
});
