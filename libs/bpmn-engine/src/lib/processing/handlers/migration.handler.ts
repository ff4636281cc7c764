import type { ExecutableElement, ExecutableProcess } from '@laufweg/bpmn-model';
import type { CommandOf } from '../../commands/engine-command';
import { event } from '../../events/engine-event';
import type { ModelRepository } from '../../ports';
import type { ReadonlyEngineState } from '../../state/engine-state';

type InstanceRef = Pick<ReadonlyEngineState['elementInstances'][string], 'key' | 'elementId' | 'elementType' | 'flowScopeKey'>;
import { reject, type CommandHandlerTable } from './command-handler';

/** Why an instance cannot be migrated as asked; `elementId` names the source element where there is one. */
export interface MigrationProblem {
  readonly elementId?: string;
  readonly message: string;
}

type MigrateCommand = CommandOf<'MigrateProcessInstance'>;

/**
 * Checks a migration without changing anything (the API validates a whole batch with it first).
 * An instance can move when every active element and every catching element with an open
 * subscription or timer is mapped to an element of the same type (same loop kind, same event
 * definition, same scope) in the target version. Not migrated, by design: tokens waiting at a
 * join (their flow ids belong to the old graph), pending event triggers, and compensation
 * subscriptions. Subscriptions keep their message name and correlation key; timers keep their
 * due dates; jobs keep type and headers (as in Camunda 8).
 */
export function checkMigration(state: ReadonlyEngineState, command: MigrateCommand, models: ModelRepository): MigrationProblem[] {
  const root = state.elementInstances[command.processInstanceKey];
  if (root?.elementType !== 'process') return [{ message: `No active process instance ${command.processInstanceKey}.` }];
  const source = models.get(root.processDefinitionKey);
  const target = models.get(command.targetProcessDefinitionKey);
  if (!source || !target) return [{ message: `Process definition ${command.targetProcessDefinitionKey} is not deployed.` }];
  if (root.processDefinitionKey === command.targetProcessDefinitionKey) return [{ message: `Process instance ${root.key} already runs on ${root.processDefinitionKey}.` }];

  const problems: MigrationProblem[] = [];
  const mapping = new Map<string, string>();
  for (const { sourceElementId, targetElementId } of command.mappingInstructions) {
    if (mapping.has(sourceElementId)) problems.push({ elementId: sourceElementId, message: `'${sourceElementId}' is mapped more than once.` });
    else if (!source.elements[sourceElementId] || sourceElementId === source.id) problems.push({ elementId: sourceElementId, message: `'${sourceElementId}' is not an element of the source version of '${source.id}'.` });
    else if (!target.elements[targetElementId] || targetElementId === target.id) problems.push({ elementId: sourceElementId, message: `Target '${targetElementId}' is not an element of the target version of '${target.id}'.` });
    mapping.set(sourceElementId, targetElementId);
  }
  if (problems.length > 0) return problems;

  const owned = <T extends { processInstanceKey: string | null }>(records: Readonly<Record<string, T>>): T[] =>
    Object.values(records).filter((record) => record.processInstanceKey === root.key);
  const checked = new Set<string>();
  const check = (elementId: string, rule: (from: ExecutableElement, to: ExecutableElement) => string | undefined): void => {
    if (checked.has(elementId)) return;
    checked.add(elementId);
    const targetId = mapping.get(elementId);
    const from = source.elements[elementId];
    const to = targetId === undefined ? undefined : target.elements[targetId];
    if (!from || !to) {
      problems.push({ elementId, message: `Active element '${elementId}' has no mapping to the target version.` });
      return;
    }
    const problem = sameKind(from, to) ?? rule(from, to);
    if (problem) problems.push({ elementId, message: problem });
  };

  for (const instance of owned(state.elementInstances)) {
    if (instance.joins && Object.keys(instance.joins).length > 0) problems.push({ elementId: instance.elementId, message: `Tokens wait at a join in '${instance.elementId}'; migrate once the join fired.` });
    if (instance.trigger) problems.push({ elementId: instance.elementId, message: `'${instance.elementId}' has an event trigger pending; migrate once it was handled.` });
    if (instance.key !== root.key) check(instance.elementId, (_from, to) => scopeProblem(instance, to, state, root, mapping, target));
  }
  const catching = [...owned(state.timers), ...owned(state.messageSubscriptions), ...owned(state.signalSubscriptions), ...owned(state.conditionalSubscriptions)];
  for (const subscription of catching) {
    check(subscription.elementId, (from, to) => (from.attachedToId !== undefined && mapping.get(from.attachedToId) !== to.attachedToId ? `Boundary event '${from.id}' must stay attached to the mapped activity.` : undefined));
  }
  if (owned(state.compensationSubscriptions).length > 0) problems.push({ message: 'Instances with compensable completed activities cannot be migrated.' });
  return problems;
}

function sameKind(from: ExecutableElement, to: ExecutableElement): string | undefined {
  if (from.type !== to.type) return `'${from.id}' is a ${from.type}, its target '${to.id}' a ${to.type}.`;
  if (from.loop?.kind !== to.loop?.kind) return `'${from.id}' and its target '${to.id}' differ in their loop characteristics.`;
  if (from.eventDefinition?.kind !== to.eventDefinition?.kind) return `'${from.id}' and its target '${to.id}' have different event definitions.`;
  return undefined;
}

/** The target element must sit in the target of the instance's current scope. */
function scopeProblem(
  instance: InstanceRef,
  to: ExecutableElement,
  state: ReadonlyEngineState,
  root: InstanceRef,
  mapping: ReadonlyMap<string, string>,
  target: ExecutableProcess,
): string | undefined {
  const scope = instance.flowScopeKey === null ? undefined : state.elementInstances[instance.flowScopeKey];
  if (!scope || (scope.elementType === 'multiInstanceBody' && scope.elementId === instance.elementId)) return undefined;
  const expected = scope.key === root.key ? target.id : mapping.get(scope.elementId);
  return to.flowScopeId === expected ? undefined : `Target '${to.id}' is not in the target of the scope '${scope.elementId}'.`;
}

export const migrationHandlers: CommandHandlerTable<'MigrateProcessInstance'> = {
  MigrateProcessInstance(command, behaviors) {
    const { processing } = behaviors;
    const problems = checkMigration(processing.state, command, processing.ports.models);
    if (problems.length > 0) return reject(problems.map((problem) => problem.message).join(' '));
    const root = processing.instance(command.processInstanceKey);
    const target = processing.model(command.targetProcessDefinitionKey);
    if (!root) return reject(`No active process instance ${command.processInstanceKey}.`);
    const elementIds: Record<string, string> = { [root.elementId]: target.id };
    for (const instruction of command.mappingInstructions) elementIds[instruction.sourceElementId] = instruction.targetElementId;
    processing.emit(
      event('ProcessInstanceMigrated', {
        processInstanceKey: root.key,
        sourceProcessDefinitionKey: root.processDefinitionKey,
        processDefinitionKey: command.targetProcessDefinitionKey,
        processId: target.id,
        elementIds,
      }),
    );
    return undefined;
  },
};
