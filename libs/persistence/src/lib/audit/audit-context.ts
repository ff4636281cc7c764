import { AsyncLocalStorage } from 'node:async_hooks';

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
