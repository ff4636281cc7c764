import type { ExecutableElement } from '@laufweg/bpmn-model';
import type { Behaviors } from '../../behaviors/behaviors';
import { scheduleTimer } from '../../behaviors/timer-schedule';
import { event } from '../../events/engine-event';
import { reject, type CommandHandlerTable, type Rejection } from './command-handler';

type InstanceCommands = 'DeployProcess' | 'CreateProcessInstance' | 'CancelProcessInstance' | 'ModifyProcessInstance' | 'SetVariables';

export const instanceHandlers: CommandHandlerTable<InstanceCommands> = {
  DeployProcess(command, behaviors) {
    const { processing } = behaviors;
    const model = processing.ports.models.get(command.processDefinitionKey);
    if (!model) return reject(`No compiled model for ${command.processDefinitionKey}.`);
    const previous = processing.state.processes[model.id];
    if (previous?.processDefinitionKey === command.processDefinitionKey) return reject(`${command.processDefinitionKey} is already deployed.`);
    if (previous) closeStartSubscriptions(previous.processDefinitionKey, behaviors);
    processing.emit(event('ProcessDeployed', { processDefinitionKey: command.processDefinitionKey, processId: model.id, version: (previous?.version ?? 0) + 1 }));
    for (const id of model.scope.childIds) {
      const start = model.elements[id];
      if (start?.type === 'startEvent') {
        const problem = openStartSubscription(start, command.processDefinitionKey, behaviors);
        if (problem) return problem;
      }
    }
    return undefined;
  },
  CreateProcessInstance(command, behaviors) {
    const definition = behaviors.instances.latest(command.processId);
    if (!definition) return reject(`Process '${command.processId}' is not deployed.`);
    const model = behaviors.processing.model(definition.processDefinitionKey);
    if (command.startElementId && model.elements[command.startElementId]?.flowScopeId !== model.id) {
      return reject(`'${command.startElementId}' is not an element at the top level of process '${command.processId}'.`);
    }
    if (!command.startElementId && model.scope.startEventIds.length === 0) return reject(`Process '${command.processId}' has no none start event.`);
    behaviors.instances.startAt(definition.processDefinitionKey, command.startElementId, command.variables ?? {});
    return undefined;
  },
  CancelProcessInstance(command, behaviors) {
    const instance = behaviors.processing.instance(command.processInstanceKey);
    if (instance?.elementType !== 'process' || instance.parentElementInstanceKey) return reject(`No active root process instance ${command.processInstanceKey}.`);
    behaviors.lifecycle.terminate(instance.key);
    return undefined;
  },
  ModifyProcessInstance(command, behaviors) {
    const { processing, lifecycle } = behaviors;
    const root = processing.instance(command.processInstanceKey);
    if (root?.elementType !== 'process') return reject(`No active process instance ${command.processInstanceKey}.`);
    const model = processing.model(root.processDefinitionKey);
    for (const key of command.terminate ?? []) {
      if (processing.instance(key)?.processInstanceKey !== root.key) return reject(`Element instance ${key} is not part of ${root.key}.`);
    }
    const scopes: [string, string][] = [];
    for (const activation of command.activate ?? []) {
      const element = model.elements[activation.elementId];
      if (!element?.flowScopeId) return reject(`'${activation.elementId}' is not an element of '${model.id}'.`);
      const scope = element.flowScopeId === model.id ? root : Object.values(processing.state.elementInstances).find((candidate) => candidate.processInstanceKey === root.key && candidate.elementId === element.flowScopeId && candidate.state === 'activated');
      if (!scope) return reject(`'${activation.elementId}' needs an active instance of its scope '${element.flowScopeId}'.`);
      scopes.push([activation.elementId, scope.key]);
    }
    for (const key of command.terminate ?? []) lifecycle.terminate(key);
    (command.activate ?? []).forEach((activation, index) => {
      const [elementId, scopeKey] = scopes[index] ?? ['', ''];
      const scope = processing.instance(scopeKey);
      if (!scope) return;
      behaviors.variables.setLocal(scope.key, activation.variables ?? {});
      lifecycle.activateChild(elementId, scope);
    });
    return undefined;
  },
  SetVariables(command, behaviors) {
    if (!behaviors.processing.instance(command.scopeKey)) return reject(`No element instance ${command.scopeKey}.`);
    if (command.local) behaviors.variables.setLocal(command.scopeKey, command.variables);
    else behaviors.variables.propagate(command.scopeKey, command.variables);
    return undefined;
  },
};

function closeStartSubscriptions(processDefinitionKey: string, behaviors: Behaviors): void {
  const { processing } = behaviors;
  for (const timer of Object.values(processing.state.timers)) {
    if (timer.elementInstanceKey === null && timer.processDefinitionKey === processDefinitionKey) processing.emit(event('TimerCanceled', { key: timer.key }));
  }
  for (const subscription of Object.values(processing.state.signalSubscriptions)) {
    if (subscription.elementInstanceKey === null && subscription.processDefinitionKey === processDefinitionKey) processing.emit(event('SignalSubscriptionDeleted', { key: subscription.key }));
  }
}

/** Timer and signal start events subscribe at deployment (message starts are looked up when correlating). */
function openStartSubscription(start: ExecutableElement, processDefinitionKey: string, behaviors: Behaviors): Rejection | undefined {
  const { processing } = behaviors;
  const definition = start.eventDefinition;
  if (definition?.kind === 'timer') {
    const value = definition.timer.value;
    const evaluated = behaviors.expressions.evaluateOrStatic(value, '');
    const text = evaluated.ok ? evaluated.value : undefined;
    const scheduled =
      typeof text === 'string'
        ? scheduleTimer(definition.timer.type, text, processing.now(), {
            ...(processing.ports.calendar ? { calendar: processing.ports.calendar } : {}),
            workingDays: start.properties['calendar'] === 'working-days',
          })
        : undefined;
    if (!scheduled?.ok) return reject(`The timer of start event '${start.id}' cannot be scheduled.`);
    const { schedule } = scheduled;
    processing.emit(
      event('TimerCreated', {
        timer: {
          key: processing.newKey(),
          dueDate: schedule.dueDate,
          repetitions: schedule.repetitions,
          ...(schedule.cycle ? { cycle: schedule.cycle } : {}),
          elementId: start.id,
          elementInstanceKey: null,
          processInstanceKey: null,
          processDefinitionKey,
        },
      }),
    );
  }
  if (definition?.kind === 'signal') {
    const name = definition.signalName?.kind === 'static' ? definition.signalName.value : '';
    processing.emit(
      event('SignalSubscriptionCreated', {
        subscription: { key: processing.newKey(), signalName: name, elementInstanceKey: null, elementId: start.id, processInstanceKey: null, processDefinitionKey, interrupting: true },
      }),
    );
  }
  return undefined;
}
