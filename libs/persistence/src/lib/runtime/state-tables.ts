import type { EngineState } from '@laufweg/bpmn-engine';

/**
 * How the engine's state maps become rows. Each entry mirrors one map of EngineState in one
 * table: the columns the API queries, plus the whole record as JSONB (`record`). A command
 * writes only the rows whose record changed (see state-diff.ts).
 */
export type RowValues = Readonly<Record<string, unknown>>;

export interface StateTable<K extends RecordMapKey = RecordMapKey> {
  /** The map of EngineState this table mirrors. */
  readonly map: K;
  readonly table: string;
  /** For instance_record: the kind column that tells the maps apart. */
  readonly kind?: string;
  /** The process instance a record belongs to (null: definition level, no root). */
  processInstanceOf(record: EngineState[K][string]): string | null;
  /** Columns besides tenant_id, key, root_key and record. */
  columns(record: EngineState[K][string]): RowValues;
}

export type RecordMapKey = Exclude<keyof EngineState, 'variables' | 'processes'>;

const epoch = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const isoDate = (value: string | undefined): Date | null => (value ? new Date(value) : null);

function table<K extends RecordMapKey>(entry: StateTable<K>): StateTable<K> {
  return entry;
}

export const STATE_TABLES = [
  table({
    map: 'elementInstances',
    table: 'element_instance',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({
      process_instance_key: record.processInstanceKey,
      element_id: record.elementId,
      element_type: record.elementType,
      flow_scope_key: record.flowScopeKey,
      state: record.state,
    }),
  }),
  table({
    map: 'jobs',
    table: 'job',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({
      process_instance_key: record.processInstanceKey,
      element_instance_key: record.elementInstanceKey,
      kind: 'job',
      type: record.type,
      // A failed job with retries left is handed out again once its backoff (due_at) is over.
      state: record.state === 'failed' && record.retries > 0 ? 'activatable' : record.state,
      retries: record.retries,
      due_at: new Date(record.retryAt ?? 0),
      // Any change of a job through the engine (failure, new retries) ends a worker's lock.
      lock_owner: null,
      lock_expires_at: null,
      last_error: record.errorMessage ?? null,
    }),
  }),
  table({
    map: 'timers',
    table: 'job',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({
      process_instance_key: record.processInstanceKey,
      element_instance_key: record.elementInstanceKey,
      kind: 'timer',
      type: 'timer',
      state: 'activatable',
      retries: 0,
      due_at: new Date(record.dueDate),
      lock_owner: null,
      lock_expires_at: null,
      last_error: null,
    }),
  }),
  table({
    map: 'userTasks',
    table: 'user_task',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({
      process_instance_key: record.processInstanceKey,
      element_id: record.elementId,
      process_id: record.processId,
      assignee: record.assignee ?? null,
      candidate_groups: record.candidateGroups,
      candidate_users: record.candidateUsers,
      due_at: isoDate(record.dueDate),
      follow_up_at: isoDate(record.followUpDate),
      created_at: new Date(record.createdAt),
    }),
  }),
  table({
    map: 'messageSubscriptions',
    table: 'message_subscription',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({ message_name: record.messageName, correlation_key: record.correlationKey, process_definition_key: null }),
  }),
  table({
    map: 'signalSubscriptions',
    table: 'signal_subscription',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({ signal_name: record.signalName, process_definition_key: record.processDefinitionKey }),
  }),
  table({
    map: 'incidents',
    table: 'incident',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: (record) => ({
      process_instance_key: record.processInstanceKey,
      element_instance_key: record.elementInstanceKey,
      element_id: record.elementId,
      error_type: record.errorType,
      message: record.message,
      created_at: epoch(record.createdAt),
    }),
  }),
  table({
    map: 'messages',
    table: 'buffered_message',
    processInstanceOf: () => null,
    columns: (record) => ({
      name: record.name,
      correlation_key: record.correlationKey,
      message_id: record.messageId ?? null,
      expires_at: new Date(record.expiresAt),
    }),
  }),
  table({
    map: 'conditionalSubscriptions',
    table: 'instance_record',
    kind: 'conditional-subscription',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: () => ({}),
  }),
  table({
    map: 'compensationSubscriptions',
    table: 'instance_record',
    kind: 'compensation-subscription',
    processInstanceOf: (record) => record.processInstanceKey,
    columns: () => ({}),
  }),
] as const satisfies readonly StateTable[];
