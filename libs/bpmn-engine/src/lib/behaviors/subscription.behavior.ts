import type { EventDefinition, ExecutableElement } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import { failure, type ElementContext, type HookResult } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { ExpressionBehavior } from './expression.behavior';
import { scheduleTimer } from './timer-schedule';

/** Which subscriptions of an owner to close. */
export type SubscriptionFilter = (elementId: string) => boolean;

/**
 * Opens and closes what an element instance waits for: timers, message, signal and conditional
 * subscriptions, for its own catch event, its boundary events, the event sub-processes of a
 * scope and the events behind an event-based gateway.
 */
export class SubscriptionBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly expressions: ExpressionBehavior,
  ) {}

  /** Subscribe `owner` to the event(s) of `catching` (itself, a boundary, a start event ...). */
  open(owner: ElementContext, catching: ExecutableElement, interrupting: boolean): HookResult {
    for (const definition of catching.eventDefinitions ?? (catching.eventDefinition ? [catching.eventDefinition] : [])) {
      const failed = this.openOne(owner, catching, definition, interrupting);
      if (failed) return failed;
    }
    return undefined;
  }

  private openOne(owner: ElementContext, catching: ExecutableElement, definition: EventDefinition, interrupting: boolean): HookResult {
    const { instance } = owner;
    switch (definition.kind) {
      case 'message': {
        const name = definition.messageName ? this.expressions.string(definition.messageName, instance.key) : { ok: true as const, value: '' };
        if (!name.ok) return name.failure;
        const correlation = definition.correlationKey ? this.expressions.string(definition.correlationKey, instance.key) : { ok: true as const, value: '' };
        if (!correlation.ok) return correlation.failure;
        this.processing.emit(
          event('MessageSubscriptionCreated', {
            subscription: {
              key: this.processing.newKey(),
              messageName: name.value,
              correlationKey: correlation.value,
              elementInstanceKey: instance.key,
              elementId: catching.id,
              processInstanceKey: instance.processInstanceKey,
              interrupting,
            },
          }),
        );
        return undefined;
      }
      case 'timer': {
        const value = this.expressions.string(definition.timer.value, instance.key);
        if (!value.ok) return value.failure;
        const scheduled = scheduleTimer(definition.timer.type, value.value, this.processing.now(), {
          ...(this.processing.ports.calendar ? { calendar: this.processing.ports.calendar } : {}),
          workingDays: catching.properties['calendar'] === 'working-days',
        });
        if (!scheduled.ok) return failure('EXTRACT_VALUE_ERROR', `Timer of '${catching.id}': ${scheduled.message}`);
        const { schedule } = scheduled;
        this.processing.emit(
          event('TimerCreated', {
            timer: {
              key: this.processing.newKey(),
              dueDate: schedule.dueDate,
              repetitions: schedule.repetitions,
              ...(schedule.cycle ? { cycle: schedule.cycle } : {}),
              elementId: catching.id,
              elementInstanceKey: instance.key,
              processInstanceKey: instance.processInstanceKey,
              processDefinitionKey: instance.processDefinitionKey,
            },
          }),
        );
        return undefined;
      }
      case 'signal': {
        const name = definition.signalName ? this.expressions.string(definition.signalName, instance.key) : { ok: true as const, value: '' };
        if (!name.ok) return name.failure;
        this.processing.emit(
          event('SignalSubscriptionCreated', {
            subscription: {
              key: this.processing.newKey(),
              signalName: name.value,
              elementInstanceKey: instance.key,
              elementId: catching.id,
              processInstanceKey: instance.processInstanceKey,
              processDefinitionKey: instance.processDefinitionKey,
              interrupting,
            },
          }),
        );
        return undefined;
      }
      case 'conditional':
        this.processing.emit(
          event('ConditionalSubscriptionCreated', {
            subscription: {
              key: this.processing.newKey(),
              elementInstanceKey: instance.key,
              elementId: catching.id,
              processInstanceKey: instance.processInstanceKey,
              interrupting,
              lastResult: false,
            },
          }),
        );
        return undefined;
      case 'none':
      case 'error':
      case 'escalation':
      case 'compensate':
      case 'link':
      case 'terminate':
      case 'cancel':
        return undefined;
    }
  }

  openBoundaries(owner: ElementContext): HookResult {
    for (const id of owner.element.boundaryEventIds) {
      const boundary = owner.model.elements[id];
      if (!boundary) continue;
      const result = this.open(owner, boundary, boundary.interrupting ?? true);
      if (result) return result;
    }
    return undefined;
  }

  openEventSubProcesses(scope: ElementContext): HookResult {
    for (const id of scope.element.eventSubProcessIds) {
      const start = scope.model.elements[scope.model.elements[id]?.triggerStartEventId ?? ''];
      if (!start) continue;
      const result = this.open(scope, start, start.interrupting ?? true);
      if (result) return result;
    }
    return undefined;
  }

  closeAllOf(ownerKey: string, filter: SubscriptionFilter = () => true): void {
    const state = this.processing.state;
    for (const timer of Object.values(state.timers)) {
      if (timer.elementInstanceKey === ownerKey && filter(timer.elementId)) this.processing.emit(event('TimerCanceled', { key: timer.key }));
    }
    for (const subscription of Object.values(state.messageSubscriptions)) {
      if (subscription.elementInstanceKey === ownerKey && filter(subscription.elementId)) this.processing.emit(event('MessageSubscriptionDeleted', { key: subscription.key }));
    }
    for (const subscription of Object.values(state.signalSubscriptions)) {
      if (subscription.elementInstanceKey === ownerKey && filter(subscription.elementId)) this.processing.emit(event('SignalSubscriptionDeleted', { key: subscription.key }));
    }
    for (const subscription of Object.values(state.conditionalSubscriptions)) {
      if (subscription.elementInstanceKey === ownerKey && filter(subscription.elementId)) this.processing.emit(event('ConditionalSubscriptionDeleted', { key: subscription.key }));
    }
  }
}
