import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MappingInstruction } from '@laufweg/bpmn-engine';
import { EngineHarness } from '../index';

const v1 = readFileSync(join(__dirname, 'fixtures/permit-v1.bpmn'), 'utf8');
const v2 = readFileSync(join(__dirname, 'fixtures/permit-v2.bpmn'), 'utf8');
const HOUR = 3_600_000;

async function waitingAtReview(): Promise<{ engine: EngineHarness; instance: string }> {
  const engine = await EngineHarness.fromBpmn(v1);
  const instance = engine.createInstance('permit', { applicant: 'Erika Mustermann' });
  await engine.deployXml(v2);
  return { engine, instance };
}

function migrate(engine: EngineHarness, instance: string, mappingInstructions: MappingInstruction[]): ReturnType<EngineHarness['tryExecute']> {
  return engine.tryExecute({ type: 'MigrateProcessInstance', processInstanceKey: instance, targetProcessDefinitionKey: 'permit:2', mappingInstructions });
}

describe('migrating a running instance to another version', () => {
  it('given an instance at a user task with a timer boundary, when migrated with a full mapping, then its records move and it follows the new version', async () => {
    const { engine, instance } = await waitingAtReview();

    const result = migrate(engine, instance, [
      { sourceElementId: 'review', targetElementId: 'assess' },
      { sourceElementId: 'remind', targetElementId: 'remindAssess' },
    ]);

    expect(result).toEqual({ events: [expect.objectContaining({ type: 'ProcessInstanceMigrated', processInstanceKey: instance, sourceProcessDefinitionKey: 'permit:1', processDefinitionKey: 'permit:2' })] });
    expect(engine.activeElements(instance)).toEqual(['assess']);
    expect(engine.state.elementInstances[instance]).toMatchObject({ processDefinitionKey: 'permit:2', elementId: 'permit' });
    expect(engine.userTasks()).toEqual([expect.objectContaining({ elementId: 'assess', candidateGroups: ['clerks'] })]);
    expect(Object.values(engine.state.timers)).toEqual([expect.objectContaining({ elementId: 'remindAssess', processDefinitionKey: 'permit:2', dueDate: engine.clock.now() + HOUR })]);
    expect(engine.variables(instance)).toEqual({ applicant: 'Erika Mustermann' });

    // the old due date stays; the boundary fires on the new element
    engine.advanceClock(HOUR);
    expect(engine.records.ofType('TimerTriggered')).toHaveLength(1);
    engine.completeUserTask('assess');
    expect(engine.jobs()).toEqual([expect.objectContaining({ elementId: 'notify', type: 'portal.notify' })]);
    engine.completeJob('notify');
    expect(engine.isCompleted(instance)).toBe(true);
    engine.verifyFullReplay();
  });

  it('given an active element without a mapping, when migrated, then the command is rejected naming it and nothing changes', async () => {
    const { engine, instance } = await waitingAtReview();
    const before = JSON.stringify(engine.state);

    const result = migrate(engine, instance, [{ sourceElementId: 'review', targetElementId: 'assess' }]);

    expect(result).toEqual({ reason: "Active element 'remind' has no mapping to the target version." });
    expect(JSON.stringify(engine.state)).toBe(before);
  });

  it.each([
    ['a target of another type', [{ sourceElementId: 'review', targetElementId: 'notify' }, { sourceElementId: 'remind', targetElementId: 'remindAssess' }], "'review' is a userTask, its target 'notify' a serviceTask. Boundary event 'remind' must stay attached to the mapped activity."],
    ['a target in another scope', [{ sourceElementId: 'review', targetElementId: 'appealReview' }, { sourceElementId: 'remind', targetElementId: 'remindAssess' }], "Target 'appealReview' is not in the target of the scope 'permit'. Boundary event 'remind' must stay attached to the mapped activity."],
    ['a boundary event moved to another activity', [{ sourceElementId: 'review', targetElementId: 'assess' }, { sourceElementId: 'remind', targetElementId: 'reminded' }], "'remind' is a boundaryEvent, its target 'reminded' a endEvent."],
    ['an unknown target', [{ sourceElementId: 'review', targetElementId: 'nowhere' }], "Target 'nowhere' is not an element of the target version of 'permit'."],
    ['an element mapped twice', [{ sourceElementId: 'review', targetElementId: 'assess' }, { sourceElementId: 'review', targetElementId: 'assess' }], "'review' is mapped more than once."],
  ])('given %s, when migrated, then the command is rejected', async (_case, mapping, reason) => {
    const { engine, instance } = await waitingAtReview();
    expect(migrate(engine, instance, mapping)).toEqual({ reason });
    expect(engine.activeElements(instance)).toEqual(['review']);
  });

  it('given an instance already on the target or a key that is no process instance, when migrated, then the command is rejected', async () => {
    const { engine, instance } = await waitingAtReview();
    const [task] = engine.userTasks();
    expect(migrate(engine, task!.elementInstanceKey, [])).toEqual({ reason: `No active process instance ${task!.elementInstanceKey}.` });
    const moved = [{ sourceElementId: 'review', targetElementId: 'assess' }, { sourceElementId: 'remind', targetElementId: 'remindAssess' }];
    expect(migrate(engine, instance, moved)).toHaveProperty('events');
    expect(migrate(engine, instance, [])).toEqual({ reason: `Process instance ${instance} already runs on permit:2.` });
  });
});
