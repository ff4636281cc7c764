import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs } from './activity-steps';
import { failure, type ElementContext, type HookResult } from './element-processor';

/**
 * What throwing intermediate and end events share: signals and messages are sent, escalations
 * and errors searched outward, compensation started. `wait` means: do not complete now (an
 * interrupting catch will terminate the thrower, or compensation handlers are running).
 */
export function throwEventDefinition(context: ElementContext, behaviors: Behaviors): HookResult | 'wait' | 'done' {
  const { element, instance } = context;
  const definition = element.eventDefinition ?? { kind: 'none' as const };
  const variables = behaviors.variables.local(instance.key);
  switch (definition.kind) {
    case 'signal': {
      const name = definition.signalName ? behaviors.expressions.string(definition.signalName, instance.key) : { ok: true as const, value: '' };
      if (!name.ok) return name.failure;
      behaviors.throws.broadcastSignal(name.value, { ...variables });
      return 'done';
    }
    case 'message': {
      if (element.job) return behaviors.jobs.createJob(context) ?? 'wait';
      const name = definition.messageName ? behaviors.expressions.string(definition.messageName, instance.key) : { ok: true as const, value: '' };
      if (!name.ok) return name.failure;
      const key = definition.correlationKey ? behaviors.expressions.string(definition.correlationKey, instance.key) : { ok: true as const, value: '' };
      if (!key.ok) return key.failure;
      behaviors.throws.correlateMessage(name.value, key.value, { ...variables });
      return 'done';
    }
    case 'escalation':
    case 'error': {
      const codeSource = definition.kind === 'error' ? definition.errorCode : definition.escalationCode;
      const code = codeSource ? behaviors.expressions.string(codeSource, instance.key) : { ok: true as const, value: '' };
      if (!code.ok) return code.failure;
      const catcher = behaviors.throws.findCatcher(definition.kind, code.value, behaviors.processing.instance(instance.flowScopeKey));
      if (definition.kind === 'error' && !catcher) {
        return failure('UNHANDLED_ERROR_EVENT', `The error '${code.value}' thrown by '${element.id}' was not caught by any error boundary or event sub-process.`);
      }
      if (!catcher) return 'done';
      // An end event has thrown and is done (its completion is queued before the catch's
      // terminations); an intermediate event that is interrupted waits to be terminated.
      if (element.type === 'endEvent' || !catcher.interrupting) behaviors.lifecycle.requestComplete(instance.key);
      behaviors.triggers.trigger(catcher.ownerKey, catcher.catchingId, catcher.interrupting, { ...variables });
      return 'wait';
    }
    case 'compensate':
    case 'cancel': {
      const activityRef = definition.kind === 'compensate' ? definition.activityRef : undefined;
      const scopeKey = definition.kind === 'cancel' ? (instance.flowScopeKey ?? '') : behaviors.compensation.scopeToCompensate(context);
      return behaviors.compensation.compensateNext(context, scopeKey, activityRef) ? 'wait' : 'done';
    }
    case 'none':
    case 'timer':
    case 'conditional':
    case 'link':
    case 'terminate':
      return 'done';
  }
}

/** The activation of every throw event: inputs, then throw; complete now unless the throw waits. */
export function activateThrowEvent(context: ElementContext, behaviors: Behaviors): HookResult {
  const failed = activateWithInputs(context, behaviors);
  if (failed) return failed;
  const result = throwEventDefinition(context, behaviors);
  if (result === 'done') behaviors.lifecycle.requestComplete(context.instance.key);
  return result === 'done' || result === 'wait' ? undefined : result;
}
