import type { JsonObject } from '@laufweg/bpmn-model';
import type { Processing } from '../processing/processing';
import type { ProcessDefinitionRecord } from '../state/engine-state';
import type { Behaviors } from './behaviors';

/** Creating process instances: by none start, at a given start event, or by a call activity. */
export class InstanceBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  latest(processId: string): ProcessDefinitionRecord | undefined {
    return this.processing.state.processes[processId];
  }

  definition(processDefinitionKey: string): ProcessDefinitionRecord | undefined {
    return Object.values(this.processing.state.processes).find((definition) => definition.processDefinitionKey === processDefinitionKey);
  }

  /** Starts an instance whose given start event has fired (message, timer, signal, conditional, none). */
  startAt(processDefinitionKey: string, startEventId: string | undefined, variables: JsonObject, parentElementInstanceKey?: string): string | undefined {
    const definition = this.definition(processDefinitionKey);
    if (!definition) return undefined;
    const trigger = startEventId ? { elementId: startEventId, variables: {}, interrupting: true } : undefined;
    return this.behaviors.lifecycle.activateProcess(definition, variables, trigger, parentElementInstanceKey);
  }
}
