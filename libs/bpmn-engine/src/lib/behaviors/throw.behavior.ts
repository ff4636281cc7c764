import type { ExecutableElement, JsonObject } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import type { Processing } from '../processing/processing';
import type { ElementInstanceRecord } from '../state/engine-state';
import type { Behaviors } from './behaviors';

export type ThrowOutcome = { readonly caught: false } | { readonly caught: true; readonly interrupting: boolean };

/** Who catches a thrown error or escalation: the owner instance and the catching element. */
export interface Catcher {
  readonly ownerKey: string;
  readonly catchingId: string;
  readonly interrupting: boolean;
}

/**
 * Throwing: BPMN errors and escalations search the scope chain outward (event sub-processes of a
 * scope first, then boundary events of the activity, across call activities); signals and
 * messages go to every matching subscription and start event.
 */
export class ThrowBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  /** `from` is the first instance whose boundary events may catch (the task for a job error). */
  throwEvent(kind: 'error' | 'escalation', code: string, from: Readonly<ElementInstanceRecord> | undefined, variables: JsonObject): ThrowOutcome {
    const catcher = this.findCatcher(kind, code, from);
    if (!catcher || !this.behaviors.triggers.trigger(catcher.ownerKey, catcher.catchingId, catcher.interrupting, variables)) return { caught: false };
    return { caught: true, interrupting: catcher.interrupting };
  }

  /** The nearest catch: event sub-processes of a scope first, then boundary events of the activity. */
  findCatcher(kind: 'error' | 'escalation', code: string, from: Readonly<ElementInstanceRecord> | undefined): Catcher | undefined {
    for (let current = from; current; current = this.processing.instance(current.flowScopeKey ?? current.parentElementInstanceKey)) {
      if (current.state !== 'activated') continue;
      const context = this.behaviors.lifecycle.context(current);
      const { model, element } = context;
      const starts = element.eventSubProcessIds.map((id) => model.elements[model.elements[id]?.triggerStartEventId ?? '']);
      const boundaries = this.processing.isInnerInstance(current) ? [] : element.boundaryEventIds.map((id) => model.elements[id]);
      for (const candidates of [starts, boundaries]) {
        const catching = this.bestMatch(kind, code, candidates, current.key);
        if (!catching) continue;
        return { ownerKey: current.key, catchingId: catching.id, interrupting: kind === 'error' ? true : (catching.interrupting ?? true) };
      }
    }
    return undefined;
  }

  private bestMatch(kind: 'error' | 'escalation', code: string, candidates: (ExecutableElement | undefined)[], scopeKey: string): ExecutableElement | undefined {
    let catchAll: ExecutableElement | undefined;
    for (const candidate of candidates) {
      const definition = candidate?.eventDefinition;
      if (!candidate || !definition) continue;
      const expected = definition.kind === 'error' && kind === 'error' ? definition.errorCode : definition.kind === 'escalation' && kind === 'escalation' ? definition.escalationCode : null;
      if (expected === null) continue;
      if (expected === undefined) {
        catchAll ??= candidate;
        continue;
      }
      const value = this.behaviors.expressions.string(expected, scopeKey);
      if (value.ok && value.value === code) return candidate;
    }
    return catchAll;
  }

  broadcastSignal(signalName: string, variables: JsonObject): void {
    this.processing.emit(event('SignalBroadcast', { signalName, variables }));
    const subscriptions = Object.values(this.processing.state.signalSubscriptions).filter((subscription) => subscription.signalName === signalName);
    for (const subscription of subscriptions) {
      if (subscription.elementInstanceKey === null) {
        this.behaviors.instances.startAt(subscription.processDefinitionKey, subscription.elementId, variables);
      } else {
        this.behaviors.triggers.trigger(subscription.elementInstanceKey, subscription.elementId, subscription.interrupting, variables);
      }
    }
  }

  /** Correlates a message to one waiting subscription per instance and to message start events. */
  correlateMessage(name: string, correlationKey: string, variables: JsonObject): number {
    let correlated = 0;
    const seenInstances = new Set<string>();
    const subscriptions = Object.values(this.processing.state.messageSubscriptions).filter(
      (subscription) => subscription.messageName === name && subscription.correlationKey === correlationKey,
    );
    for (const subscription of subscriptions) {
      if (seenInstances.has(subscription.processInstanceKey) || !this.processing.state.messageSubscriptions[subscription.key]) continue;
      const owner = this.processing.instance(subscription.elementInstanceKey);
      if (!owner || owner.state !== 'activated') continue;
      this.processing.emit(event('MessageSubscriptionCorrelated', { key: subscription.key, messageName: name, correlationKey }));
      if (this.behaviors.triggers.trigger(subscription.elementInstanceKey, subscription.elementId, subscription.interrupting, variables)) {
        seenInstances.add(subscription.processInstanceKey);
        correlated++;
      }
    }
    for (const definition of Object.values(this.processing.state.processes)) {
      const model = this.processing.model(definition.processDefinitionKey);
      for (const startId of model.scope.childIds) {
        const start = model.elements[startId];
        if (start?.type !== 'startEvent' || start.eventDefinition?.kind !== 'message') continue;
        const messageName = start.eventDefinition.messageName;
        const startName = messageName?.kind === 'static' ? messageName.value : '';
        if (startName !== name) continue;
        this.behaviors.instances.startAt(definition.processDefinitionKey, start.id, variables);
        correlated++;
      }
    }
    return correlated;
  }
}
