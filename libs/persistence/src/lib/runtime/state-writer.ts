import type { EngineEvent } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';
import type { ProcessInstanceHeaders } from './process-instance-headers';
import type { RowChange } from './state-diff';

/** A command's events for one instance tree, appended after the position its locked root row records. */
export interface EventAppend {
  readonly rootKey: string;
  /** The root row's revision when it was locked (0 for a tree the command starts). */
  readonly revision: number;
  readonly events: readonly EngineEvent[];
}

/** Everything a command writes (migrations aside, see writeMigrations). */
export interface CommandWrite {
  readonly changes: readonly RowChange[];
  readonly headers: Pick<ProcessInstanceHeaders, 'created' | 'ended'>;
  readonly appends: readonly EventAppend[];
  readonly now: Date;
}

type Upsert = Extract<RowChange, { op: 'upsert' }>;
type Param = (value: unknown, cast: string) => string;

/** One data-modifying CTE of the write statement. */
interface Part {
  readonly name: string;
  /** Its SQL; `param` numbers the values in the order given, so one shape gives one text. */
  sql(param: Param): string;
}

/** Statement texts by shape get a prepared-statement name each, up to this many per process. */
const MAX_NAMED_SHAPES = 256;
const namesByText = new Map<string, string>();

/**
 * Writes a command in one round trip: one statement of data-modifying CTEs for its row deletes
 * and upserts (one per table and kind), its variables, the process_instance rows it creates or
 * ends, its event appends and the move of each tree's position (`revision`). The CTEs share one
 * snapshot and cannot see each other's changes, so no row is touched twice: a diff never deletes
 * and upserts one key, an instance started and ended within the command is inserted ended, a new
 * tree's root is inserted at its final revision, and an existing root's end and position move
 * are one UPDATE. The text depends only on which parts are present, so each shape is a prepared
 * statement. Runs inside the command's tenant-scoped transaction.
 */
export async function writeCommand(client: PoolClient, tenantId: string, write: CommandWrite): Promise<void> {
  const values: unknown[] = [tenantId];
  const param: Param = (value, cast) => `$${values.push(value)}::${cast}`;
  const parts = await planParts(client, tenantId, write);
  if (parts.length === 0) return;
  const created = write.headers.created.length > 0;
  const text = `WITH ${parts.map((part) => `${part.name} AS (${part.sql(param)})`).join(',\n')}\nSELECT ${created ? '(SELECT count(*) FROM created)::int' : '0'} AS created`;
  const { rows } = await client.query<{ created: number }>({ ...statementName(text), text, values });
  if (created && rows[0].created !== write.headers.created.length) {
    throw new Error(`A process definition of ${write.headers.created.map((row) => row.processDefinitionKey).join(', ')} is not deployed in tenant ${tenantId}.`);
  }
}

async function planParts(client: PoolClient, tenantId: string, write: CommandWrite): Promise<Part[]> {
  const deletes = new Map<string, { table: string; kind?: string; keys: string[] }>();
  const upserts = new Map<string, Upsert[]>();
  const variableUpserts: Extract<RowChange, { op: 'upsert-variable' }>[] = [];
  const variableDeletes: Extract<RowChange, { op: 'delete-variable' }>[] = [];
  for (const change of write.changes) {
    switch (change.op) {
      case 'upsert': {
        const group = `${change.table}|${change.kind ?? ''}|${Object.keys(change.values).join(',')}`;
        upserts.set(group, [...(upserts.get(group) ?? []), change]);
        break;
      }
      case 'delete': {
        const group = `${change.table}|${change.kind ?? ''}`;
        const entry = deletes.get(group) ?? { table: change.table, ...(change.kind ? { kind: change.kind } : {}), keys: [] };
        entry.keys.push(change.key);
        deletes.set(group, entry);
        break;
      }
      case 'upsert-variable':
        variableUpserts.push(change);
        break;
      case 'delete-variable':
        variableDeletes.push(change);
        break;
    }
  }
  const parts: Part[] = [];
  for (const [, { table, kind, keys }] of [...deletes].sort(byGroup)) {
    const sql = (param: Param): string => `DELETE FROM ${table} WHERE tenant_id = $1 AND key = ANY(${param(keys, 'bigint[]')})${kind ? ` AND kind = '${kind}'` : ''}`;
    // buffered_message has a second unique key (message_id): a delete must precede an insert there.
    if (table === 'buffered_message' && [...upserts.keys()].some((key) => key.startsWith('buffered_message|'))) {
      const values: unknown[] = [tenantId];
      await client.query(sql((value, cast) => `$${values.push(value)}::${cast}`), values);
    } else {
      parts.push({ name: `delete_${parts.length}`, sql });
    }
  }
  for (const [, rows] of [...upserts].sort(byGroup)) parts.push({ name: `upsert_${parts.length}`, sql: (param) => upsertSql(rows, param) });
  if (variableDeletes.length > 0) {
    parts.push({
      name: 'delete_variables',
      sql: (param) => `DELETE FROM variable v USING unnest(${param(variableDeletes.map((change) => change.scopeKey), 'bigint[]')}, ${param(variableDeletes.map((change) => change.name), 'text[]')}) AS d(scope_key, name)
        WHERE v.tenant_id = $1 AND v.scope_key = d.scope_key AND v.name = d.name`,
    });
  }
  if (variableUpserts.length > 0) {
    parts.push({
      name: 'upsert_variables',
      sql: (param) => `INSERT INTO variable (tenant_id, scope_key, name, root_key, process_instance_key, value)
       SELECT $1, scope_key, name, root_key, process_instance_key, value
         FROM unnest(${[
           param(variableUpserts.map((change) => change.scopeKey), 'bigint[]'),
           param(variableUpserts.map((change) => change.name), 'text[]'),
           param(variableUpserts.map((change) => change.rootKey), 'bigint[]'),
           param(variableUpserts.map((change) => change.processInstanceKey), 'bigint[]'),
           param(variableUpserts.map((change) => JSON.stringify(change.value)), 'jsonb[]'),
         ].join(', ')}) AS u(scope_key, name, root_key, process_instance_key, value)
       ON CONFLICT (tenant_id, scope_key, name) DO UPDATE SET value = EXCLUDED.value`,
    });
  }
  parts.push(...headerAndLogParts(write));
  return parts;
}

/**
 * One INSERT ... ON CONFLICT for the rows of one table, kind and column set, passed as one JSON
 * array and typed by the table's row type (jsonb_populate_recordset), so the text does not
 * depend on the number of rows.
 */
function upsertSql(rows: readonly Upsert[], param: Param): string {
  const first = rows[0];
  const valueColumns = Object.keys(first.values);
  const columns = ['tenant_id', 'key', 'root_key', ...(first.kind ? ['kind'] : []), ...valueColumns, 'record'];
  const selected = ['$1', 'r.key', 'r.root_key', ...(first.kind ? [`'${first.kind}'`] : []), ...valueColumns.map((column) => `r.${column}`), 'r.record'];
  const conflict = first.kind ? '(tenant_id, kind, key)' : '(tenant_id, key)';
  const updates = columns.filter((column) => !['tenant_id', 'key', 'kind'].includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  const json = JSON.stringify(rows.map((row) => ({ ...row.values, key: row.key, root_key: row.rootKey, record: row.record })));
  return `INSERT INTO ${first.table} (${columns.join(', ')})
     SELECT ${selected.join(', ')} FROM jsonb_populate_recordset(NULL::${first.table}, ${param(json, 'jsonb')}) r
     ON CONFLICT ${conflict} DO UPDATE SET ${updates.join(', ')}`;
}

function headerAndLogParts(write: CommandWrite): Part[] {
  const parts: Part[] = [];
  const appended = new Map(write.appends.map((append) => [append.rootKey, append]));
  const { created, ended } = write.headers;
  const createdKeys = new Set(created.map((row) => row.key));
  if (created.length > 0) {
    // A tree the command starts is inserted at the position its events move it to.
    const revisionOf = (key: string): number => {
      const append = appended.get(key);
      return append ? append.revision + append.events.length : 0;
    };
    parts.push({
      name: 'created',
      sql: (param) => `INSERT INTO process_instance (tenant_id, key, root_key, process_definition_key, process_id, version, business_key, status, parent_element_instance_key, started_at, ended_at, revision)
       SELECT $1, n.key, n.root_key, d.key, d.process_id, d.version, n.business_key, n.status, n.parent_key, t.now, CASE WHEN n.status <> 'active' THEN t.now END, n.revision
         FROM unnest(${[
           param(created.map((row) => row.key), 'bigint[]'),
           param(created.map((row) => row.rootKey), 'bigint[]'),
           param(created.map((row) => row.processDefinitionKey), 'bigint[]'),
           param(created.map((row) => row.businessKey), 'text[]'),
           param(created.map((row) => row.status), 'text[]'),
           param(created.map((row) => row.parentElementInstanceKey), 'bigint[]'),
           param(created.map((row) => revisionOf(row.key)), 'bigint[]'),
         ].join(', ')}) AS n(key, root_key, definition_key, business_key, status, parent_key, revision)
         CROSS JOIN (SELECT ${param(write.now, 'timestamptz')} AS now) t
         JOIN process_definition d ON d.tenant_id = $1 AND d.key = n.definition_key
       RETURNING 1`,
    });
  }
  // Existing rows: the end of an instance and the move of a root's position, one UPDATE per row.
  const moved = new Map<string, { appended: number; status: string | null }>();
  for (const append of write.appends) {
    if (!createdKeys.has(append.rootKey) && append.events.length > 0) moved.set(append.rootKey, { appended: append.events.length, status: null });
  }
  for (const [key, status] of ended) moved.set(key, { appended: moved.get(key)?.appended ?? 0, status });
  if (moved.size > 0) {
    const entries = [...moved];
    parts.push({
      name: 'moved',
      sql: (param) => `UPDATE process_instance p SET revision = p.revision + m.appended,
         status = CASE WHEN m.status IS NOT NULL AND p.status = 'active' THEN m.status ELSE p.status END,
         ended_at = CASE WHEN m.status IS NOT NULL AND p.status = 'active' THEN t.now ELSE p.ended_at END
         FROM unnest(${param(entries.map(([key]) => key), 'bigint[]')}, ${param(entries.map(([, row]) => row.appended), 'int[]')}, ${param(entries.map(([, row]) => row.status), 'text[]')}) AS m(key, appended, status)
         CROSS JOIN (SELECT ${param(write.now, 'timestamptz')} AS now) t
        WHERE p.tenant_id = $1 AND p.key = m.key`,
    });
  }
  const events = write.appends.flatMap((append) => append.events.map((event, index) => ({ rootKey: append.rootKey, position: append.revision + index + 1, event })));
  if (events.length > 0) {
    // The log is append-only (the application role may not update or delete it); rows go in in order.
    parts.push({
      name: 'appended',
      sql: (param) => `INSERT INTO instance_event (tenant_id, root_key, position, process_instance_key, type, v, payload)
       SELECT $1, * FROM unnest(${[
         param(events.map((row) => row.rootKey), 'bigint[]'),
         param(events.map((row) => row.position), 'int[]'),
         param(events.map(({ event }) => ('processInstanceKey' in event && typeof event.processInstanceKey === 'string' ? event.processInstanceKey : null)), 'bigint[]'),
         param(events.map(({ event }) => event.type), 'text[]'),
         param(events.map(({ event }) => event.v), 'smallint[]'),
         param(events.map(({ event }) => JSON.stringify(event)), 'jsonb[]'),
       ].join(', ')})`,
    });
  }
  return parts;
}

function byGroup<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A prepared-statement name per statement text (each shape is planned once per connection). */
function statementName(text: string): { name?: string } {
  const known = namesByText.get(text);
  if (known) return { name: known };
  if (namesByText.size >= MAX_NAMED_SHAPES) return {};
  const name = `laufweg.write-${namesByText.size + 1}`;
  namesByText.set(text, name);
  return { name };
}
