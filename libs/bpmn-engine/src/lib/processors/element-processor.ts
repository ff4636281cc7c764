import type { ExecutableElement, ExecutableProcess, JsonValue } from '@laufweg/bpmn-model';
import type { Behaviors } from '../behaviors/behaviors';
import type { ElementInstanceRecord, IncidentErrorType } from '../state/engine-state';

/** An expected failure: becomes an incident on the element instance, in its current state. */
export interface Failure {
  readonly errorType: IncidentErrorType;
  readonly message: string;
}

export function failure(errorType: IncidentErrorType, message: string): Failure {
  return { errorType, message };
}

/** What a hook is about: the instance (read-only), its element and its process. */
export interface ElementContext {
  readonly instance: Readonly<ElementInstanceRecord>;
  readonly element: ExecutableElement;
  readonly model: ExecutableProcess;
}

/** A hook either finishes its step or returns a failure (the engine raises the incident). */
export type HookResult = Failure | undefined;

/**
 * The one interface behind which every element type lives (one processor per type, registered
 * in processor-registry.ts). Processors never write state: they call behaviors, which emit
 * events. Every hook either ends its step or returns a Failure; the engine then raises an
 * incident and the instance stays in its state until the incident is resolved, which runs the
 * same hook again.
 */
export interface ElementProcessor {
  /**
   * The instance is ACTIVATING. May apply input mappings, evaluate expressions, create jobs,
   * user tasks and subscriptions, activate children. Must then transition to ACTIVATED and
   * either wait (a later trigger, job or child continues it) or request completion.
   */
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult;

  /**
   * The instance is COMPLETING (completion was requested). May apply output mappings and choose
   * outgoing flows. Must then leave: transition to COMPLETED and take the outgoing flows
   * (behaviors.lifecycle.leave), after which the flow scope is told a child left.
   */
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult;

  /**
   * The instance is TERMINATING (cancel, interrupting event, modification). Must cancel its own
   * work (jobs, user tasks, subscriptions; done by behaviors.lifecycle.terminated) and, for
   * scopes, terminate its children first. Transitions to TERMINATED when nothing is left.
   */
  onTerminate(context: ElementContext, behaviors: Behaviors): void;

  /**
   * A subscription or job of this instance fired (message, timer, signal, conditional, job or
   * user task completion) with variables. Default: set the variables and request completion.
   */
  onTrigger?(context: ElementContext, variables: Readonly<Record<string, JsonValue>>, behaviors: Behaviors): HookResult;
}

/** A child (or, for call activities, the called process instance) that has just left. */
export interface LeftChild {
  readonly instance: Readonly<ElementInstanceRecord>;
  readonly outcome: 'completed' | 'terminated';
  /** The child's local variables at the moment it left. */
  readonly variables: Readonly<Record<string, JsonValue>>;
}

/** Processors of elements that contain other element instances. */
export interface ScopeProcessor extends ElementProcessor {
  /**
   * A direct child is about to complete (still COMPLETING, its variables readable). Multi-instance
   * bodies collect output elements here. A failure becomes an incident on the child.
   */
  beforeChildCompleted?(scope: ElementContext, child: ElementContext, behaviors: Behaviors): HookResult;

  /**
   * A direct child has COMPLETED or TERMINATED and is gone. Decide what comes next: complete the
   * scope when nothing is left, finish termination, start the next iteration ...
   */
  onChildLeft(scope: ElementContext, child: LeftChild, behaviors: Behaviors): void;
}

export function isScopeProcessor(processor: ElementProcessor): processor is ScopeProcessor {
  return 'onChildLeft' in processor;
}
