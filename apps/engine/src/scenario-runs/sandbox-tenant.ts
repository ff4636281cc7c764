import { randomBytes } from 'node:crypto';
import { germanBusinessCalendar, type BusinessCalendar } from '@laufweg/bpmn-engine';
import type { Pool } from 'pg';

/** Tenant ids of scenario sandboxes start with this; no real tenant should. */
export const SANDBOX_PREFIX = 'sandbox-';

/** Holds every job and timer row of a sandbox, so no job executor or worker acquires it. */
export const SANDBOX_LOCK_OWNER = 'scenario-sandbox';

const LANDS = ['SN', 'BY', 'BW', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'ST', 'SH', 'TH'] as const;

/**
 * Tables with tenant rows, children before parents. The application role may delete only the
 * runtime tables; deployments, the event log, the audit chain and the tenant need the owner.
 */
const APP_DELETABLE = ['instance_record', 'incident', 'buffered_message', 'signal_subscription', 'message_subscription', 'user_task', 'job', 'variable', 'element_instance', 'process_instance', 'tenant_member'];
const OWNER_ONLY = ['instance_event', 'deployment_resource', 'process_definition', 'deployment', 'audit_entry', 'audit_head'];

/** A fresh sandbox tenant id (matches the tenant id check `^[a-z0-9][a-z0-9-]{1,62}$`). */
export function sandboxTenantId(): string {
  return `${SANDBOX_PREFIX}${randomBytes(8).toString('hex')}`;
}

/**
 * The German Land whose public holidays the calendar counts: the first Land whose working days
 * agree with it on every day of the year of `around` and the next (Lands with the same holidays
 * are interchangeable). SN when none agrees (e.g. a weekends-only calendar).
 */
export function landOf(calendar: BusinessCalendar, around: number): string {
  const start = Date.UTC(new Date(around).getUTCFullYear(), 0, 1, 11);
  const days = Array.from({ length: 731 }, (_, index) => start + index * 86_400_000);
  const expected = days.map((day) => calendar.isWorkingDay(day));
  for (const land of LANDS) {
    const candidate = germanBusinessCalendar({ land });
    if (days.every((day, index) => candidate.isWorkingDay(day) === expected[index])) return land;
  }
  return 'SN';
}

export async function createSandboxTenant(pool: Pool, tenantId: string, land: string): Promise<void> {
  await pool.query('INSERT INTO tenant (id, name, land) VALUES ($1, $2, $3)', [tenantId, `Scenario sandbox ${tenantId}`, land]);
}

/**
 * Deletes the sandbox tenant and every row of it. With the owner connection everything goes, in
 * one transaction that holds off the audit chainer; with the application role only the runtime
 * tables are emptied, and the tenant row, its deployments, event log and audit chain remain
 * (returned, so the caller can report them).
 */
export async function dropSandboxTenant(tenantId: string, pools: { app: Pool; owner?: Pool }): Promise<readonly string[]> {
  if (!tenantId.startsWith(SANDBOX_PREFIX)) throw new Error(`Refusing to drop '${tenantId}': not a sandbox tenant.`);
  const client = await (pools.owner ?? pools.app).connect();
  try {
    await client.query('BEGIN');
    if (pools.owner) {
      // The audit chainer appends to a tenant's chain under its head row; wait for a round in progress.
      await client.query('LOCK TABLE audit_head IN EXCLUSIVE MODE');
      const tables = [...APP_DELETABLE, ...OWNER_ONLY];
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' AND NOT (table_name = ANY($1::text[]))`,
        [tables],
      );
      // Tables added after this list: emptied first, they are children of the known ones if anything.
      for (const table of [...rows.map((row) => row.table_name), ...tables]) {
        await client.query(`DELETE FROM ${client.escapeIdentifier(table)} WHERE tenant_id = $1`, [tenantId]);
      }
      await client.query('DELETE FROM tenant WHERE id = $1', [tenantId]);
      await client.query('COMMIT');
      return [];
    }
    for (const table of APP_DELETABLE) await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    await client.query('COMMIT');
    return ['tenant', ...OWNER_ONLY];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
