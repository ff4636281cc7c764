import type { FeelExpression, FeelOrStatic, JsonValue } from '../feel/feel-expression';

/**
 * The executable model: an immutable graph per process, compiled once from bpmn-moddle
 * definitions. Every FEEL expression in it has been parsed; every reference is resolved to an
 * element id. The engine reads only this, never moddle objects.
 */
export interface ExecutableDefinitions {
  readonly processes: Readonly<Record<string, ExecutableProcess>>;
}

export interface ExecutableProcess {
  readonly id: string;
  readonly name?: string;
  readonly isExecutable: boolean;
  /** Every flow node, sub-process and sequence flow of the process, nested ones included. */
  readonly elements: Readonly<Record<string, ExecutableElement>>;
  readonly flows: Readonly<Record<string, ExecutableSequenceFlow>>;
  /** The process element itself, as the outermost scope. */
  readonly scope: ExecutableElement;
  /**
   * Variables every instance of this process starts with, set by the deployment rather than
   * the BPMN (a municipality's own values: `{ municipality: {...} }`). They win over start
   * variables of the same name, so an application cannot override them.
   */
  readonly constants?: Readonly<Record<string, JsonValue>>;
}

export type ElementType =
  | 'process'
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'manualTask'
  | 'serviceTask'
  | 'sendTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'userTask'
  | 'receiveTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'complexGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'transaction'
  | 'adHocSubProcess'
  | 'callActivity';

export type EventDefinitionKind =
  | 'none'
  | 'message'
  | 'timer'
  | 'signal'
  | 'error'
  | 'escalation'
  | 'compensate'
  | 'conditional'
  | 'link'
  | 'terminate'
  | 'cancel';

export type EventDefinition =
  | { readonly kind: 'none' }
  /** A message without messageRef has the name '' (anonymous messages match each other). */
  | { readonly kind: 'message'; readonly messageName?: FeelOrStatic; readonly correlationKey?: FeelExpression }
  | { readonly kind: 'timer'; readonly timer: TimerDefinition }
  | { readonly kind: 'signal'; readonly signalName?: FeelOrStatic }
  | { readonly kind: 'error'; readonly errorCode?: FeelOrStatic }
  | { readonly kind: 'escalation'; readonly escalationCode?: FeelOrStatic }
  | { readonly kind: 'compensate'; readonly activityRef?: string; readonly waitForCompletion: boolean }
  | { readonly kind: 'conditional'; readonly condition: FeelExpression }
  | { readonly kind: 'link'; readonly linkName: string }
  | { readonly kind: 'terminate' }
  | { readonly kind: 'cancel' };

export type TimerDefinition =
  | { readonly type: 'date'; readonly value: FeelOrStatic }
  | { readonly type: 'duration'; readonly value: FeelOrStatic }
  | { readonly type: 'cycle'; readonly value: FeelOrStatic };

export interface ExecutableSequenceFlow {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition?: FeelExpression;
}

export interface JobDefinition {
  readonly type: FeelOrStatic;
  readonly retries: FeelOrStatic;
  readonly headers: Readonly<Record<string, string>>;
}

export interface IoMapping {
  readonly source: FeelExpression;
  readonly target: string;
}

export type LoopDefinition =
  | {
      readonly kind: 'multiInstance';
      readonly isSequential: boolean;
      readonly inputCollection?: FeelExpression;
      readonly inputElement?: string;
      readonly outputCollection?: string;
      readonly outputElement?: FeelExpression;
      readonly loopCardinality?: FeelExpression;
      readonly completionCondition?: FeelExpression;
    }
  | {
      readonly kind: 'standardLoop';
      readonly testBefore: boolean;
      readonly loopCondition?: FeelExpression;
      readonly loopMaximum?: number;
    };

export interface UserTaskDefinition {
  readonly assignee?: FeelOrStatic;
  readonly candidateGroups?: FeelOrStatic;
  readonly candidateUsers?: FeelOrStatic;
  readonly formKey?: string;
  readonly formId?: string;
  readonly externalReference?: FeelOrStatic;
  readonly dueDate?: FeelOrStatic;
  readonly followUpDate?: FeelOrStatic;
}

export interface CalledElementDefinition {
  readonly processId: FeelOrStatic;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

export type ScriptDefinition =
  | { readonly kind: 'feel'; readonly expression: FeelExpression; readonly resultVariable?: string }
  | { readonly kind: 'job'; readonly format: string; readonly script: string; readonly resultVariable?: string };

/** One flow node (or the process / a sub-process as a scope). Optional parts per element type. */
export interface ExecutableElement {
  readonly id: string;
  readonly name?: string;
  readonly type: ElementType;
  /** The id of the enclosing scope (process, sub-process ...); undefined for the process. */
  readonly flowScopeId?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlowId?: string;
  /** Events: the (first) event definition; 'none' for plain events. */
  readonly eventDefinition?: EventDefinition;
  /** A "multiple" event (several definitions, any one triggers it): all of them. */
  readonly eventDefinitions?: readonly EventDefinition[];
  /** Boundary events: the activity they are attached to, and whether they interrupt. */
  readonly attachedToId?: string;
  /** Boundary events and event sub-process start events: cancelActivity / isInterrupting. */
  readonly interrupting?: boolean;
  /** Activities: ids of boundary events attached to them. */
  readonly boundaryEventIds: readonly string[];
  /** Scopes: direct children that start when the scope starts (none start events, or
   *  for ad-hoc sub-processes the elements without incoming flows). */
  readonly startEventIds: readonly string[];
  /** Scopes: all direct child flow nodes. */
  readonly childIds: readonly string[];
  /** Scopes: event sub-processes directly inside. */
  readonly eventSubProcessIds: readonly string[];
  /** Event sub-processes: the start event that triggers it. */
  readonly triggerStartEventId?: string;
  readonly loop?: LoopDefinition;
  readonly job?: JobDefinition;
  readonly inputs: readonly IoMapping[];
  readonly outputs: readonly IoMapping[];
  readonly calledElement?: CalledElementDefinition;
  readonly userTask?: UserTaskDefinition;
  readonly script?: ScriptDefinition;
  readonly calledDecision?: { readonly decisionId: FeelOrStatic; readonly resultVariable: string };
  readonly properties: Readonly<Record<string, string>>;
  /** Activities marked isForCompensation, and the handler reached by a compensation boundary. */
  readonly isForCompensation: boolean;
  readonly compensationHandlerId?: string;
  /** Link throw events: the id of the catching link event with the same name. */
  readonly linkTargetId?: string;
  /** Complex gateways: activation condition; ad-hoc sub-processes: completion condition. */
  readonly activationCondition?: FeelExpression;
  readonly completionCondition?: FeelExpression;
  readonly cancelRemainingInstances?: boolean;
  readonly activeElementsCollection?: FeelExpression;
}
