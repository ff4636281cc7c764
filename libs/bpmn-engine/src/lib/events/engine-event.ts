import type { JsonObject, JsonValue } from '@laufweg/bpmn-model';
import type {
  BufferedMessageRecord,
  CompensationSubscriptionRecord,
  ConditionalSubscriptionRecord,
  EventTrigger,
  IncidentRecord,
  InstanceType,
  JobRecord,
  LoopState,
  MessageSubscriptionRecord,
  SignalSubscriptionRecord,
  TimerRecord,
  UserTaskRecord,
} from '../state/engine-state';

/**
 * Everything the engine emits. Each event is small, versioned (`v`) and applied by exactly one
 * applier (events/appliers). The durable runtime appends them and updates its projections.
 */
export type EngineEvent =
  | Versioned<'ProcessDeployed', { processDefinitionKey: string; processId: string; version: number }>
  | Versioned<'ElementActivating', ElementActivatingPayload>
  | Versioned<'ElementActivated', ElementRef>
  | Versioned<'ElementCompleting', ElementRef>
  | Versioned<'ElementCompleted', ElementRef>
  | Versioned<'ElementTerminating', ElementRef>
  | Versioned<'ElementTerminated', ElementRef>
  | Versioned<'JoinTokensDiscarded', { flowScopeKey: string }>
  | Versioned<'SequenceFlowTaken', { flowId: string; targetId: string; flowScopeKey: string; processInstanceKey: string; join: boolean }>
  | Versioned<'EventTriggered', { elementInstanceKey: string; processInstanceKey: string; trigger: EventTrigger }>
  | Versioned<'EventTriggerCleared', { elementInstanceKey: string }>
  | Versioned<'LoopStateUpdated', { elementInstanceKey: string; loop: LoopState }>
  | Versioned<'VariableSet', { scopeKey: string; processInstanceKey: string; name: string; value: JsonValue }>
  | Versioned<'JobCreated', { job: JobRecord }>
  | Versioned<'JobCompleted', { key: string; variables: JsonObject }>
  | Versioned<'JobFailed', { key: string; retries: number; retryAt?: number; errorMessage: string }>
  | Versioned<'JobErrorThrown', { key: string; errorCode: string; errorMessage: string }>
  | Versioned<'JobRetriesUpdated', { key: string; retries: number }>
  | Versioned<'JobCanceled', { key: string }>
  | Versioned<'UserTaskCreated', { userTask: UserTaskRecord }>
  | Versioned<'UserTaskCompleted', { key: string; variables: JsonObject; completedBy?: string }>
  | Versioned<'UserTaskAssigned', { key: string; assignee: string | null }>
  | Versioned<'UserTaskCanceled', { key: string }>
  | Versioned<'TimerCreated', { timer: TimerRecord }>
  | Versioned<'TimerTriggered', { key: string }>
  | Versioned<'TimerCanceled', { key: string }>
  | Versioned<'MessageSubscriptionCreated', { subscription: MessageSubscriptionRecord }>
  | Versioned<'MessageSubscriptionCorrelated', { key: string; messageName: string; correlationKey: string }>
  | Versioned<'MessageSubscriptionDeleted', { key: string }>
  | Versioned<'MessagePublished', { message: BufferedMessageRecord; buffered: boolean }>
  | Versioned<'MessageExpired', { key: string }>
  | Versioned<'SignalBroadcast', { signalName: string; variables: JsonObject }>
  | Versioned<'SignalSubscriptionCreated', { subscription: SignalSubscriptionRecord }>
  | Versioned<'SignalSubscriptionDeleted', { key: string }>
  | Versioned<'ConditionalSubscriptionCreated', { subscription: ConditionalSubscriptionRecord }>
  | Versioned<'ConditionalSubscriptionEvaluated', { key: string; result: boolean }>
  | Versioned<'ConditionalSubscriptionDeleted', { key: string }>
  | Versioned<'CompensationSubscriptionCreated', { subscription: CompensationSubscriptionRecord }>
  | Versioned<'CompensationSubscriptionMoved', { key: string; flowScopeKey: string }>
  | Versioned<'CompensationSubscriptionDeleted', { key: string }>
  | Versioned<'IncidentCreated', { incident: IncidentRecord }>
  | Versioned<'IncidentResolved', { key: string }>
  | Versioned<'ProcessInstanceMigrated', ProcessInstanceMigratedPayload>;

export type Versioned<T extends string, P> = { readonly type: T; readonly v: 1 } & Readonly<P>;

export type EngineEventType = EngineEvent['type'];

export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

export interface ElementRef {
  key: string;
}

export interface ElementActivatingPayload {
  key: string;
  elementId: string;
  elementType: InstanceType;
  processId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  flowScopeKey: string | null;
  parentElementInstanceKey?: string;
  loopCounter?: number;
  /** A join: the incoming flows whose tokens this activation consumes. */
  consumedFlows?: string[];
  compensationThrowKey?: string;
}

/**
 * A process instance now runs on another process definition: every record of the instance
 * (not of its called child instances) takes the new definition key and process id, and its
 * element id is renamed by `elementIds` (source id -> target id; the process id is included).
 */
export interface ProcessInstanceMigratedPayload {
  processInstanceKey: string;
  sourceProcessDefinitionKey: string;
  processDefinitionKey: string;
  processId: string;
  elementIds: Record<string, string>;
}

/** Builds an event without repeating the version everywhere. */
export function event<T extends EngineEventType>(type: T, payload: Omit<EventOf<T>, 'type' | 'v'>): EventOf<T> {
  return { type, v: 1, ...payload } as EventOf<T>;
}
