import type { ElementType, JsonObject, JsonValue } from '@laufweg/bpmn-model';

/**
 * The engine state: a plain JSON value, one map per table the durable runtime keeps
 * (element instances, variables by scope, jobs, timers, subscriptions, user tasks, incidents).
 * Processors read it through `ReadonlyEngineState`; only appliers write it.
 */
export interface EngineState {
  processes: Record<string, ProcessDefinitionRecord>;
  elementInstances: Record<string, ElementInstanceRecord>;
  /** Variables by scope key (an element instance key), then by name. */
  variables: Record<string, Record<string, JsonValue>>;
  jobs: Record<string, JobRecord>;
  userTasks: Record<string, UserTaskRecord>;
  timers: Record<string, TimerRecord>;
  messageSubscriptions: Record<string, MessageSubscriptionRecord>;
  signalSubscriptions: Record<string, SignalSubscriptionRecord>;
  conditionalSubscriptions: Record<string, ConditionalSubscriptionRecord>;
  compensationSubscriptions: Record<string, CompensationSubscriptionRecord>;
  messages: Record<string, BufferedMessageRecord>;
  incidents: Record<string, IncidentRecord>;
}

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type ReadonlyEngineState = DeepReadonly<EngineState>;

export type ElementInstanceState = 'activating' | 'activated' | 'completing' | 'completed' | 'terminating' | 'terminated';

/** 'multiInstanceBody' wraps the instances of an activity with loop characteristics. */
export type InstanceType = ElementType | 'multiInstanceBody';

/** A trigger waiting to be consumed: which catching element fired, with what variables. */
export interface EventTrigger {
  elementId: string;
  variables: JsonObject;
  interrupting: boolean;
}

/** Multi-instance / standard-loop bookkeeping on the body instance. */
export interface LoopState {
  collection?: JsonValue[];
  total: number;
  started: number;
  completed: number;
  /** Standard loops: whether the last iteration asked to continue. */
  continueLoop?: boolean;
}

export interface ElementInstanceRecord {
  key: string;
  elementId: string;
  elementType: InstanceType;
  processId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  /** The enclosing element instance; null for a process instance. */
  flowScopeKey: string | null;
  state: ElementInstanceState;
  /** A process instance started by a call activity: that call activity's instance key. */
  parentElementInstanceKey?: string;
  /** Iteration number (1-based) of a multi-instance or loop inner instance. */
  loopCounter?: number;
  loop?: LoopState;
  /** Scopes: tokens waiting at joins, gateway id -> incoming flow id -> count. */
  joins?: Record<string, Record<string, number>>;
  trigger?: EventTrigger;
  /** Compensation handlers: the key of the throwing event waiting for them. */
  compensationThrowKey?: string;
  /**
   * Process instances only: who completed user tasks of this instance, for the four-eyes rule.
   * User-task element id -> completer (`completedBy`) -> key of the first task of that element
   * they completed. Kept on the process instance record (not a map of its own) so that it lives
   * and ends with the instance and the runtime stores it with that row.
   */
  userTaskCompleters?: Record<string, Record<string, string>>;
}

export interface ProcessDefinitionRecord {
  processDefinitionKey: string;
  processId: string;
  version: number;
}

export type JobState = 'activatable' | 'failed' | 'errorThrown';

export interface JobRecord {
  key: string;
  type: string;
  retries: number;
  state: JobState;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processId: string;
  customHeaders: Record<string, string>;
  /** Epoch ms before which a failed job is not handed out again. */
  retryAt?: number;
  errorMessage?: string;
}

export interface UserTaskRecord {
  key: string;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processId: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  formKey?: string;
  formId?: string;
  externalReference?: string;
  dueDate?: string;
  followUpDate?: string;
  createdAt: number;
}

/** Owner null: a timer start event of a deployed process. */
export interface TimerRecord {
  key: string;
  dueDate: number;
  /** Remaining repetitions including this one; -1 repeats forever. */
  repetitions: number;
  /** For cycles: the ISO interval or cron expression used to reschedule. */
  cycle?: string;
  elementId: string;
  elementInstanceKey: string | null;
  processInstanceKey: string | null;
  processDefinitionKey: string;
}

export interface MessageSubscriptionRecord {
  key: string;
  messageName: string;
  correlationKey: string;
  /** The instance that owns the subscription (catch event, activity with boundary, scope, gateway). */
  elementInstanceKey: string;
  /** The catching element (the catch event, boundary event or event sub-process start event). */
  elementId: string;
  processInstanceKey: string;
  interrupting: boolean;
}

/** Owner null: a signal start event of a deployed process. */
export interface SignalSubscriptionRecord {
  key: string;
  signalName: string;
  elementInstanceKey: string | null;
  elementId: string;
  processInstanceKey: string | null;
  processDefinitionKey: string;
  interrupting: boolean;
}

export interface ConditionalSubscriptionRecord {
  key: string;
  elementInstanceKey: string;
  elementId: string;
  processInstanceKey: string;
  interrupting: boolean;
  /** The last evaluation: a conditional event fires when its condition becomes true. */
  lastResult: boolean;
}

export interface CompensationSubscriptionRecord {
  key: string;
  processInstanceKey: string;
  /** The scope the compensable activity completed in (moved up when that scope completes). */
  flowScopeKey: string;
  elementId: string;
  handlerId: string;
  /** Increases with completion: handlers run in reverse order. */
  order: number;
}

export interface BufferedMessageRecord {
  key: string;
  name: string;
  correlationKey: string;
  variables: JsonObject;
  expiresAt: number;
  messageId?: string;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CONDITION_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'UNSUPPORTED';

export interface IncidentRecord {
  key: string;
  errorType: IncidentErrorType;
  message: string;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  jobKey?: string;
  createdAt: number;
}

export function createEmptyState(): EngineState {
  return {
    processes: {},
    elementInstances: {},
    variables: {},
    jobs: {},
    userTasks: {},
    timers: {},
    messageSubscriptions: {},
    signalSubscriptions: {},
    conditionalSubscriptions: {},
    compensationSubscriptions: {},
    messages: {},
    incidents: {},
  };
}
