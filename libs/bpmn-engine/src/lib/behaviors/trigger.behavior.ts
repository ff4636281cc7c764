import type { JsonObject } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import type { Processing } from '../processing/processing';
import type { Behaviors } from './behaviors';

/**
 * Routes a fired subscription to what it means for its owner: the owner's own catch event
 * completes, a boundary event interrupts or forks, an event sub-process starts (interrupting the
 * scope or not), or an event-based gateway takes the flow to the event that fired.
 */
export class TriggerBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  /** Returns false when the owner cannot be triggered (gone, or not waiting). */
  trigger(ownerKey: string, catchingId: string, interrupting: boolean, variables: JsonObject): boolean {
    const owner = this.processing.instance(ownerKey);
    if (!owner || owner.state !== 'activated') return false;
    const context = this.behaviors.lifecycle.context(owner);
    const catching = context.model.elements[catchingId];
    if (!catching) return false;
    const trigger = { elementId: catchingId, variables, interrupting };
    const { lifecycle, subscriptions } = this.behaviors;

    if (catching.id === owner.elementId) {
      const processor = this.behaviors.processorOf(owner);
      const result = processor.onTrigger ? processor.onTrigger(context, variables, this.behaviors) : this.completeWith(context, variables);
      if (result) this.behaviors.incidents.raise(context, result);
      return true;
    }
    if (catching.type === 'boundaryEvent') {
      const scope = this.processing.instance(owner.flowScopeKey);
      if (!scope) return false;
      if (!interrupting) {
        lifecycle.activateChild(catching.id, scope, { trigger });
        return true;
      }
      this.processing.emit(event('EventTriggered', { elementInstanceKey: owner.key, processInstanceKey: owner.processInstanceKey, trigger }));
      subscriptions.closeAllOf(owner.key);
      lifecycle.terminate(owner.key);
      return true;
    }
    const eventSubProcessId = catching.type === 'startEvent' ? catching.flowScopeId : undefined;
    if (eventSubProcessId && context.element.eventSubProcessIds.includes(eventSubProcessId)) {
      if (!interrupting) {
        lifecycle.activateChild(eventSubProcessId, owner, { trigger });
        return true;
      }
      this.processing.emit(event('EventTriggered', { elementInstanceKey: owner.key, processInstanceKey: owner.processInstanceKey, trigger }));
      const eventSubProcessStarts = new Set(context.element.eventSubProcessIds.map((id) => context.model.elements[id]?.triggerStartEventId));
      subscriptions.closeAllOf(owner.key, (elementId) => eventSubProcessStarts.has(elementId));
      lifecycle.terminateChildren(owner.key);
      lifecycle.settleScope(context);
      return true;
    }
    // An event-based gateway: complete it towards the event that fired.
    this.processing.emit(event('EventTriggered', { elementInstanceKey: owner.key, processInstanceKey: owner.processInstanceKey, trigger }));
    lifecycle.requestComplete(owner.key);
    return true;
  }

  private completeWith(context: ReturnType<Behaviors['lifecycle']['context']>, variables: JsonObject): undefined {
    this.behaviors.variables.applyTriggerVariables(context, variables);
    this.behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  }
}
