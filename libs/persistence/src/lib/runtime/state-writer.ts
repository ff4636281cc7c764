import type { PoolClient } from 'pg';
import type { RowChange } from './state-diff';

/**
 * Writes row changes: upserts grouped into one INSERT ... ON CONFLICT per table and column set,
 * deletes grouped into one DELETE per table. Runs inside the command's transaction.
 */
export async function writeChanges(client: PoolClient, tenantId: string, changes: readonly RowChange[]): Promise<void> {
  const upserts = new Map<string, Extract<RowChange, { op: 'upsert' }>[]>();
  const deletes = new Map<string, string[]>();
  const variableUpserts: Extract<RowChange, { op: 'upsert-variable' }>[] = [];
  const variableDeletes: Extract<RowChange, { op: 'delete-variable' }>[] = [];
  for (const change of changes) {
    switch (change.op) {
      case 'upsert': {
        const group = `${change.table}|${change.kind ?? ''}|${Object.keys(change.values).join(',')}`;
        upserts.set(group, [...(upserts.get(group) ?? []), change]);
        break;
      }
      case 'delete': {
        const group = `${change.table}|${change.kind ?? ''}`;
        deletes.set(group, [...(deletes.get(group) ?? []), change.key]);
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
  for (const [group, keys] of deletes) {
    const [table, kind] = group.split('|');
    await client.query(
      `DELETE FROM ${table} WHERE tenant_id = $1 AND key = ANY($2::bigint[])${kind ? ' AND kind = $3' : ''}`,
      kind ? [tenantId, keys, kind] : [tenantId, keys],
    );
  }
  for (const rows of upserts.values()) await upsertRows(client, tenantId, rows);
  if (variableDeletes.length > 0) {
    await client.query(
      `DELETE FROM variable v USING unnest($2::bigint[], $3::text[]) AS d(scope_key, name)
        WHERE v.tenant_id = $1 AND v.scope_key = d.scope_key AND v.name = d.name`,
      [tenantId, variableDeletes.map((change) => change.scopeKey), variableDeletes.map((change) => change.name)],
    );
  }
  if (variableUpserts.length > 0) {
    await client.query(
      `INSERT INTO variable (tenant_id, scope_key, name, root_key, process_instance_key, value)
       SELECT $1, scope_key, name, root_key, process_instance_key, value
         FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::jsonb[]) AS u(scope_key, name, root_key, process_instance_key, value)
       ON CONFLICT (tenant_id, scope_key, name) DO UPDATE SET value = EXCLUDED.value`,
      [
        tenantId,
        variableUpserts.map((change) => change.scopeKey),
        variableUpserts.map((change) => change.name),
        variableUpserts.map((change) => change.rootKey),
        variableUpserts.map((change) => change.processInstanceKey),
        variableUpserts.map((change) => JSON.stringify(change.value)),
      ],
    );
  }
}

async function upsertRows(client: PoolClient, tenantId: string, rows: readonly Extract<RowChange, { op: 'upsert' }>[]): Promise<void> {
  const first = rows[0];
  const columns = ['tenant_id', 'key', 'root_key', ...(first.kind ? ['kind'] : []), ...Object.keys(first.values), 'record'];
  const conflict = first.kind ? '(tenant_id, kind, key)' : '(tenant_id, key)';
  const updates = columns.filter((column) => !['tenant_id', 'key', 'kind'].includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = [tenantId, row.key, row.rootKey, ...(row.kind ? [row.kind] : []), ...Object.values(row.values), JSON.stringify(row.record)];
    return `(${values.map((value) => `$${params.push(value)}`).join(', ')})`;
  });
  await client.query(
    `INSERT INTO ${first.table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT ${conflict} DO UPDATE SET ${updates.join(', ')}`,
    params,
  );
}
