import { event } from '../events/engine-event';
import type { ElementContext } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { CompensationSubscriptionRecord } from '../state/engine-state';
import type { Behaviors } from './behaviors';

/**
 * Compensation: a completed activity with a compensation handler leaves a subscription in its
 * flow scope (moved outward when that scope completes, so completed sub-processes are
 * compensated too). A compensation throw runs the handlers one at a time, newest first.
 */
export class CompensationBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  recordCompleted(context: ElementContext): void {
    const { instance, element } = context;
    const subscriptions = Object.values(this.processing.state.compensationSubscriptions);
    for (const subscription of subscriptions) {
      if (subscription.flowScopeKey !== instance.key) continue;
      if (instance.flowScopeKey) this.processing.emit(event('CompensationSubscriptionMoved', { key: subscription.key, flowScopeKey: instance.flowScopeKey }));
      else this.processing.emit(event('CompensationSubscriptionDeleted', { key: subscription.key }));
    }
    if (!element.compensationHandlerId || !instance.flowScopeKey || instance.elementType === 'multiInstanceBody') return;
    const order = subscriptions.reduce((max, subscription) => Math.max(max, subscription.order), 0) + 1;
    this.processing.emit(
      event('CompensationSubscriptionCreated', {
        subscription: {
          key: this.processing.newKey(),
          processInstanceKey: instance.processInstanceKey,
          flowScopeKey: instance.flowScopeKey,
          elementId: element.id,
          handlerId: element.compensationHandlerId,
          order,
        },
      }),
    );
  }

  /** A terminated scope will never be compensated. */
  discardScope(scopeKey: string): void {
    for (const subscription of Object.values(this.processing.state.compensationSubscriptions)) {
      if (subscription.flowScopeKey === scopeKey) this.processing.emit(event('CompensationSubscriptionDeleted', { key: subscription.key }));
    }
  }

  /** Starts the next handler for a throwing instance; false when nothing is left to compensate. */
  compensateNext(thrower: ElementContext, scopeKey: string, activityRef?: string): boolean {
    const next = this.pending(scopeKey, thrower.instance.processInstanceKey, activityRef)[0];
    const scope = this.processing.instance(thrower.instance.flowScopeKey);
    if (!next || !scope) return false;
    this.processing.emit(event('CompensationSubscriptionDeleted', { key: next.key }));
    this.behaviors.lifecycle.activateChild(next.handlerId, scope, { compensationThrowKey: thrower.instance.key });
    return true;
  }

  /** A handler finished: run the next one, or let the throwing event continue. */
  handlerLeft(throwKey: string): void {
    const thrower = this.processing.instance(throwKey);
    if (!thrower || thrower.state !== 'activated') return;
    const context = this.behaviors.lifecycle.context(thrower);
    const definition = context.element.eventDefinition;
    const activityRef = definition?.kind === 'compensate' ? definition.activityRef : undefined;
    if (!this.compensateNext(context, this.scopeToCompensate(context), activityRef)) this.behaviors.lifecycle.requestComplete(throwKey);
  }

  /** A compensation throw compensates its own scope (for an event sub-process: the scope around it). */
  scopeToCompensate(thrower: ElementContext): string {
    const scope = this.processing.instance(thrower.instance.flowScopeKey);
    if (scope?.elementType === 'eventSubProcess') return scope.flowScopeKey ?? scope.key;
    return scope?.key ?? thrower.instance.processInstanceKey;
  }

  private pending(scopeKey: string, processInstanceKey: string, activityRef?: string): CompensationSubscriptionRecord[] {
    return Object.values(this.processing.state.compensationSubscriptions)
      .filter((subscription) => subscription.processInstanceKey === processInstanceKey && subscription.flowScopeKey === scopeKey)
      .filter((subscription) => !activityRef || subscription.elementId === activityRef)
      .sort((a, b) => b.order - a.order);
  }
}
