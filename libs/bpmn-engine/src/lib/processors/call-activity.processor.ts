import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs, completeWithOutputs } from './activity-steps';
import { failure, type ElementContext, type HookResult, type LeftChild, type ScopeProcessor } from './element-processor';

/**
 * Call activities start the latest version of the called process as a child instance, with all
 * visible variables (propagateAllParentVariables, default) or only the input mappings. When the
 * child completes, its variables come back (propagateAllChildVariables, default) and the output
 * mappings apply, as in Zeebe. An unknown process id is an incident.
 */
export const callActivityProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const { element, instance } = context;
    const called = element.calledElement;
    if (!called) return failure('CALLED_ELEMENT_ERROR', `Call activity '${element.id}' names no process.`);
    const processId = behaviors.expressions.string(called.processId, instance.flowScopeKey ?? instance.key);
    if (!processId.ok) return processId.failure;
    const definition = behaviors.instances.latest(processId.value);
    if (!definition) {
      return failure('CALLED_ELEMENT_ERROR', `Call activity '${element.id}' calls process '${processId.value}', which is not deployed.`);
    }
    const failed = activateWithInputs(context, behaviors);
    if (failed) return failed;
    const variables = called.propagateAllParentVariables ? behaviors.variables.context(instance.key) : { ...behaviors.variables.local(instance.key) };
    behaviors.lifecycle.activateProcess(definition, variables, undefined, instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate(context: ElementContext, behaviors: Behaviors): void {
    const child = Object.values(behaviors.processing.state.elementInstances).find((candidate) => candidate.parentElementInstanceKey === context.instance.key);
    if (child) behaviors.lifecycle.terminate(child.key);
    else behaviors.lifecycle.terminated(context);
  },
  onChildLeft(scope: ElementContext, child: LeftChild, behaviors: Behaviors): void {
    const { instance, element } = scope;
    if (instance.state === 'terminating') {
      behaviors.lifecycle.terminated(scope);
      return;
    }
    if (child.outcome !== 'completed' || instance.state !== 'activated') return;
    if (element.outputs.length > 0) behaviors.variables.setLocal(instance.key, child.variables);
    else if (element.calledElement?.propagateAllChildVariables !== false) behaviors.variables.propagate(instance.key, child.variables);
    behaviors.lifecycle.requestComplete(instance.key);
  },
};
