import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';

/** Who caused the work running now, and in which request. */
export interface AuditContext {
  /** The caller's subject (`anonymous` on a public route). */
  readonly actor: string;
  readonly roles: readonly string[];
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `work` (and everything it awaits) on behalf of a caller: the HTTP request interceptor does this. */
export function runInAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** The caller the current work runs for; undefined for the engine's own work (timers, job handlers). */
export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

/** The roles as the audit log writes them: sorted, comma-separated; null when there are none. */
export function formatRoles(roles: Iterable<string>): string | null {
  const sorted = [...roles].sort();
  return sorted.length === 0 ? null : sorted.join(',');
}

/**
 * Tells the open transaction who it runs for, so the events it appends record it: the
 * `instance_event` columns `actor`, `actor_roles` and `request_id` default to these transaction
 * settings (migration Audit1764340300000). Does nothing, and costs no round trip, outside a
 * request. Call inside the transaction (the settings end with it).
 */
export async function applyAuditContext(client: Pick<PoolClient, 'query'>): Promise<void> {
  const context = storage.getStore();
  if (!context) return;
  await client.query(`SELECT set_config('laufweg.actor', $1, true), set_config('laufweg.actor_roles', $2, true), set_config('laufweg.request_id', $3, true)`, [
    context.actor,
    formatRoles(context.roles) ?? '',
    context.requestId,
  ]);
}
