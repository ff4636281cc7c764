import type { AuditDetails, AuditDetailValue, AuditEntryDraft } from './audit-entry';

/** The actor of engine events no request caused (timers, job handlers, the engine's own follow-ups). */
export const ENGINE_ACTOR = 'engine';

/** The columns of an `instance_event` row the chainer reads. */
export interface InstanceEventRow {
  readonly seq: string;
  readonly tx_id: string;
  readonly root_key: string;
  readonly position: number;
  readonly process_instance_key: string | null;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly created_at: Date;
  readonly actor: string | null;
  readonly actor_roles: string | null;
  readonly request_id: string | null;
}

/**
 * Fields of an event that say what ran, never with which data: keys, element ids, types, names.
 * Variable values, job / task / message variables, error and incident messages and correlation
 * keys are personal data and stay out of the audit log, which is never erased (ADR 0005).
 */
const SKELETON_FIELDS = [
  'key',
  'elementId',
  'elementType',
  'elementInstanceKey',
  'flowId',
  'targetId',
  'name',
  'type',
  'errorCode',
  'errorType',
  'completedBy',
  'assignee',
  'messageName',
  'signalName',
  'processId',
  'processDefinitionKey',
  'sourceProcessDefinitionKey',
  'retries',
  'interrupting',
] as const;

/** Records nested in an event (JobCreated.job, UserTaskCreated.userTask, ...). */
const NESTED_RECORDS = ['job', 'userTask', 'timer', 'subscription', 'incident', 'trigger'] as const;

function skeletonOf(record: Readonly<Record<string, unknown>>, omit: readonly string[] = []): Record<string, AuditDetailValue> {
  const skeleton: Record<string, AuditDetailValue> = {};
  for (const field of SKELETON_FIELDS) {
    if (omit.includes(field)) continue;
    const value = record[field];
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) skeleton[field] = value;
  }
  return skeleton;
}

/**
 * The audit entry of one engine event: who caused it (the request's caller, recorded on the
 * event row in the same transaction, or `engine`), `engine.<EventType>`, the process instance
 * as target, and the event's skeleton as details (its place in the log and the fields above).
 */
export function engineEventEntry(row: InstanceEventRow): AuditEntryDraft {
  const details: Record<string, AuditDetailValue> = {
    rootKey: row.root_key,
    position: row.position,
    eventSeq: row.seq,
    ...skeletonOf(row.payload, ['type']),
  };
  for (const nested of NESTED_RECORDS) {
    const record = row.payload[nested];
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) details[nested] = skeletonOf(record as Record<string, unknown>);
  }
  return {
    at: row.created_at,
    actor: row.actor ?? ENGINE_ACTOR,
    role: row.actor_roles,
    action: `engine.${row.type}`,
    targetKind: 'process-instance',
    targetKey: row.process_instance_key ?? row.root_key,
    requestId: row.request_id,
    details: details as AuditDetails,
  };
}
