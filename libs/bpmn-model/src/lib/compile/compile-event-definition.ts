import type { CompileContext } from './compile-context';
import type { EventDefinition, TimerDefinition } from './executable-model';
import { bool, child, children, expressionBody, extension, str, type ModdleElement } from './moddle-access';

const KIND_BY_TYPE: Readonly<Record<string, EventDefinition['kind']>> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:CompensateEventDefinition': 'compensate',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:CancelEventDefinition': 'cancel',
};

/** Compiles every event definition of an event (several: a BPMN "multiple" event). */
export function compileEventDefinitions(event: ModdleElement, context: CompileContext): EventDefinition[] {
  if (event['parallelMultiple'] === true) {
    context.error('event-parallel-multiple', str(event, 'id'), 'Parallel multiple events (all definitions must occur) are not supported.');
  }
  const definitions = children(event, 'eventDefinitions');
  return definitions.length === 0 ? [{ kind: 'none' }] : definitions.map((definition) => compileOne(definition, str(event, 'id') ?? '', context));
}

/** The first event definition of an event. */
export function compileEventDefinition(event: ModdleElement, context: CompileContext): EventDefinition {
  return compileEventDefinitions(event, context)[0] ?? { kind: 'none' };
}

function compileOne(definition: ModdleElement, id: string, context: CompileContext): EventDefinition {
  const kind = KIND_BY_TYPE[definition.$type];
  if (!kind) {
    context.error('event-definition-unsupported', id, `The event definition ${definition.$type} is not supported.`);
    return { kind: 'none' };
  }
  switch (kind) {
    case 'none':
    case 'terminate':
    case 'cancel':
      return { kind };
    case 'message': {
      const message = child(definition, 'messageRef');
      const name = context.feelOrStatic(message ? (str(message, 'name') ?? str(message, 'id')) : '', id, 'message name');
      const subscription = extension(message, 'zeebe:Subscription');
      const correlationKey = context.feel(str(subscription, 'correlationKey'), id, 'correlation key');
      return { kind, ...(name ? { messageName: name } : {}), ...(correlationKey ? { correlationKey } : {}) };
    }
    case 'timer':
      return compileTimer(definition, id, context);
    case 'signal': {
      const signal = child(definition, 'signalRef');
      const name = context.feelOrStatic(signal ? (str(signal, 'name') ?? str(signal, 'id')) : '', id, 'signal name');
      return { kind, ...(name ? { signalName: name } : {}) };
    }
    case 'error': {
      const error = child(definition, 'errorRef');
      const code = context.feelOrStatic(str(error, 'errorCode') ?? str(error, 'name'), id, 'error code');
      return { kind, ...(code ? { errorCode: code } : {}) };
    }
    case 'escalation': {
      const escalation = child(definition, 'escalationRef');
      const code = context.feelOrStatic(str(escalation, 'escalationCode') ?? str(escalation, 'name'), id, 'escalation code');
      return { kind, ...(code ? { escalationCode: code } : {}) };
    }
    case 'compensate': {
      const activity = str(child(definition, 'activityRef'), 'id');
      return { kind, waitForCompletion: bool(definition, 'waitForCompletion') ?? true, ...(activity ? { activityRef: activity } : {}) };
    }
    case 'conditional': {
      const condition = context.feel(expressionBody(child(definition, 'condition')), id, 'condition');
      if (!condition) {
        context.error('conditional-event-condition', id, 'A conditional event needs a condition expression.');
        return { kind: 'none' };
      }
      return { kind, condition };
    }
    case 'link':
      return { kind, linkName: str(definition, 'name') ?? '' };
  }
}

function compileTimer(definition: ModdleElement, id: string, context: CompileContext): EventDefinition {
  const candidates: readonly [TimerDefinition['type'], string][] = [
    ['date', 'timeDate'],
    ['duration', 'timeDuration'],
    ['cycle', 'timeCycle'],
  ];
  for (const [type, property] of candidates) {
    const body = expressionBody(child(definition, property));
    if (body === undefined) continue;
    const value = context.feelOrStatic(body, id, `timer ${type}`);
    if (!value) return { kind: 'none' };
    const timer: TimerDefinition = { type, value };
    return { kind: 'timer', timer };
  }
  context.error('timer-definition', id, 'A timer event needs a time date, duration or cycle.');
  return { kind: 'none' };
}
