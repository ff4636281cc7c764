import type { Pool, PoolClient } from 'pg';
import { currentAuditContext, formatRoles } from '../audit/audit-context';

/**
 * Row-level security reads the tenants a connection may see from the `laufweg.tenants` setting
 * (migration RowLevelSecurity1764340400000). `*` is the engine's own work across tenants (job
 * executor, timers, the runtime, which narrows each command to its tenant); anything a request
 * reads runs under the caller's tenants; unset sees nothing.
 */
export const ALL_TENANTS = '*';

/** The URL whose sessions see every tenant: for the engine's own components only. */
export function systemScopedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c laufweg.tenants=${ALL_TENANTS}`);
  return parsed.toString();
}

/**
 * Opens a transaction that sees only the given tenants and, inside a request, records who it runs
 * for (the audit columns of the events it appends default to these settings) — one round trip.
 * `extra` are further settings for this transaction only (e.g. the planner's); `discardPlans`
 * drops the connection's cached plans first (see PlanRefresh).
 */
export async function beginTenantTransaction(
  client: PoolClient,
  tenantIds: readonly string[],
  extra: readonly (readonly [string, string])[] = [],
  options: { readonly discardPlans?: boolean } = {},
): Promise<void> {
  const settings: (readonly [string, string])[] = [['laufweg.tenants', tenantIds.join(',')], ...extra];
  const audit = currentAuditContext();
  if (audit) {
    settings.push(['laufweg.actor', audit.actor], ['laufweg.actor_roles', formatRoles(audit.roles) ?? ''], ['laufweg.request_id', audit.requestId]);
  }
  const assignments = settings.map(([name, value]) => `set_config('${name}', ${client.escapeLiteral(value)}, true)`).join(', ');
  await client.query(`${options.discardPlans === true ? 'DISCARD PLANS; ' : ''}BEGIN; SELECT ${assignments}`);
}

/**
 * Runs `work` in a read/write transaction that sees only the given tenants: the way request
 * handlers read, so a query that forgets its tenant filter still cannot see another tenant.
 */
export async function withTenants<T>(pool: Pool, tenantIds: readonly string[], work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await beginTenantTransaction(client, tenantIds);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
