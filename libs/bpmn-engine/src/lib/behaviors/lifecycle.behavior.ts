import type { JsonValue } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import type { ElementContext, HookResult, LeftChild } from '../processors/element-processor';
import { isScopeProcessor } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { ElementInstanceRecord, EventTrigger, ProcessDefinitionRecord } from '../state/engine-state';
import type { Behaviors } from './behaviors';

export interface ActivateOptions {
  readonly trigger?: EventTrigger;
  readonly loopCounter?: number;
  readonly consumedFlows?: string[];
  readonly compensationThrowKey?: string;
  /** Activate the activity itself, not its multi-instance body (used by the body). */
  readonly inner?: boolean;
}

export interface LeaveOptions {
  /** Take exactly these flows (gateways); default: the element's outgoing flows by condition. */
  readonly flows?: readonly string[];
  /** Pass a trigger to the element at the end of the taken flow (event-based gateway). */
  readonly trigger?: EventTrigger;
}

/**
 * The checked element lifecycle: creating instances, transitions, leaving (complete or
 * terminate) and telling the flow scope that a child left. Every transition is one event.
 */
export class LifecycleBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  context(instance: Readonly<ElementInstanceRecord>): ElementContext {
    return { instance, element: this.processing.element(instance), model: this.processing.model(instance.processDefinitionKey) };
  }

  activateProcess(definition: ProcessDefinitionRecord, variables: Readonly<Record<string, JsonValue>>, trigger?: EventTrigger, parentElementInstanceKey?: string): string {
    const key = this.processing.newKey();
    this.processing.emit(
      event('ElementActivating', {
        key,
        elementId: definition.processId,
        elementType: 'process',
        processId: definition.processId,
        processDefinitionKey: definition.processDefinitionKey,
        processInstanceKey: key,
        flowScopeKey: null,
        ...(parentElementInstanceKey ? { parentElementInstanceKey } : {}),
      }),
    );
    const constants = this.processing.model(definition.processDefinitionKey).constants;
    this.behaviors.variables.setLocal(key, constants ? { ...variables, ...constants } : variables);
    if (trigger) this.processing.emit(event('EventTriggered', { elementInstanceKey: key, processInstanceKey: key, trigger }));
    this.processing.schedule({ kind: 'activate', key });
    return key;
  }

  activateChild(elementId: string, scope: Readonly<ElementInstanceRecord>, options: ActivateOptions = {}): string {
    const element = this.processing.element({ processDefinitionKey: scope.processDefinitionKey, elementId });
    const key = this.processing.newKey();
    this.processing.emit(
      event('ElementActivating', {
        key,
        elementId,
        elementType: element.loop && !options.inner ? 'multiInstanceBody' : element.type,
        processId: scope.processId,
        processDefinitionKey: scope.processDefinitionKey,
        processInstanceKey: scope.processInstanceKey,
        flowScopeKey: scope.key,
        ...(options.loopCounter !== undefined ? { loopCounter: options.loopCounter } : {}),
        ...(options.consumedFlows ? { consumedFlows: options.consumedFlows } : {}),
        ...(options.compensationThrowKey ? { compensationThrowKey: options.compensationThrowKey } : {}),
      }),
    );
    if (options.trigger) {
      this.processing.emit(event('EventTriggered', { elementInstanceKey: key, processInstanceKey: scope.processInstanceKey, trigger: options.trigger }));
    }
    this.processing.schedule({ kind: 'activate', key });
    return key;
  }

  /** Opens the boundary events of an activity, then ACTIVATING -> ACTIVATED. */
  activated(context: ElementContext): HookResult {
    if (context.element.boundaryEventIds.length > 0 && !this.processing.isInnerInstance(context.instance)) {
      const failed = this.behaviors.subscriptions.openBoundaries(context);
      if (failed) return failed;
    }
    this.processing.emit(event('ElementActivated', { key: context.instance.key }));
    return undefined;
  }

  requestComplete(key: string): void {
    this.processing.schedule({ kind: 'complete', key });
  }

  /** COMPLETING -> COMPLETED, then the outgoing flows; a failure leaves it COMPLETING. */
  leave(context: ElementContext, options: LeaveOptions = {}): HookResult {
    const { instance } = context;
    const inner = this.processing.isInnerInstance(instance);
    let flows: readonly string[] = [];
    if (!inner && instance.flowScopeKey) {
      if (options.flows) flows = options.flows;
      else {
        const selected = this.behaviors.flows.select(context);
        if (!selected.ok) return selected.failure;
        flows = selected.flows;
      }
    }
    const scope = this.processing.instance(instance.flowScopeKey);
    if (scope) {
      const processor = this.behaviors.processorOf(scope);
      if (isScopeProcessor(processor) && processor.beforeChildCompleted) {
        const result = processor.beforeChildCompleted(this.context(scope), context, this.behaviors);
        if (result) return result;
      }
    }
    const variables = { ...this.behaviors.variables.local(instance.key) };
    this.behaviors.subscriptions.closeAllOf(instance.key);
    this.behaviors.compensation.recordCompleted(context);
    this.processing.emit(event('ElementCompleted', { key: instance.key }));
    if (scope && flows.length > 0) this.behaviors.flows.take(context, scope, flows, options.trigger);
    this.afterLeft({ instance, outcome: 'completed', variables });
    return undefined;
  }

  terminate(key: string): void {
    const instance = this.processing.instance(key);
    if (instance && (instance.state === 'activating' || instance.state === 'activated' || instance.state === 'completing')) {
      this.processing.schedule({ kind: 'terminate', key });
    }
  }

  terminateChildren(scopeKey: string): void {
    for (const child of this.processing.childrenOf(scopeKey)) this.terminate(child.key);
  }

  /** TERMINATING -> TERMINATED after cancelling the instance's own work. */
  terminated(context: ElementContext): void {
    const { instance } = context;
    const variables = { ...this.behaviors.variables.local(instance.key) };
    this.behaviors.jobs.cancelAllOf(instance.key);
    this.behaviors.subscriptions.closeAllOf(instance.key);
    this.behaviors.incidents.resolveAllOf(instance.key);
    this.behaviors.compensation.discardScope(instance.key);
    this.processing.emit(event('ElementTerminated', { key: instance.key }));
    const trigger = instance.trigger;
    const scope = this.processing.instance(instance.flowScopeKey);
    if (trigger?.interrupting && scope && context.element.boundaryEventIds.includes(trigger.elementId)) {
      this.activateChild(trigger.elementId, scope, { trigger });
    }
    this.afterLeft({ instance, outcome: 'terminated', variables });
  }

  /** Tells the flow scope (or the calling activity) that a child left. */
  afterLeft(child: LeftChild): void {
    const { instance } = child;
    if (instance.compensationThrowKey) this.behaviors.compensation.handlerLeft(instance.compensationThrowKey);
    const scope = this.processing.instance(instance.flowScopeKey ?? instance.parentElementInstanceKey);
    if (!scope) return;
    if (instance.flowScopeKey && scope.state === 'activated') this.behaviors.flows.checkJoins(scope);
    const processor = this.behaviors.processorOf(scope);
    if (isScopeProcessor(processor)) processor.onChildLeft(this.context(scope), child, this.behaviors);
  }

  /**
   * The default for scopes when a child left: finish termination, start a pending interrupting
   * event sub-process, or complete when no child and no waiting join token is left.
   */
  settleScope(scope: ElementContext): void {
    const { instance } = scope;
    if (this.processing.childrenOf(instance.key).length > 0) return;
    if (instance.state === 'terminating') {
      this.terminated(scope);
      return;
    }
    if (instance.state !== 'activated') return;
    const trigger = instance.trigger;
    // An interrupting boundary event has fired: the scope is about to be terminated, not completed.
    if (trigger?.interrupting && scope.element.boundaryEventIds.includes(trigger.elementId)) return;
    const eventSubProcessId = trigger ? scope.model.elements[trigger.elementId]?.flowScopeId : undefined;
    if (trigger && eventSubProcessId && scope.element.eventSubProcessIds.includes(eventSubProcessId)) {
      this.processing.emit(event('EventTriggerCleared', { elementInstanceKey: instance.key }));
      this.activateChild(eventSubProcessId, instance, { trigger });
      return;
    }
    if (!instance.joins) this.requestComplete(instance.key);
  }
}
