/**
 * When a connection's cached plans are dropped so that they are made again. A command's
 * prepared statements run with generic plans (made once per connection, see CommandStore); a
 * generic plan made while a table was small (a new database, a bulk of new instances) would
 * otherwise stay — a sequential scan that grows with the table — until an ANALYZE invalidates
 * it, and none comes where autovacuum is off. So a connection drops its plans (`DISCARD PLANS`,
 * sent along with a transaction's BEGIN: no round trip of its own) when its plans are as old as
 * they were young when made — at 1, 2, 4, 8 … seconds of the connection's life — and then every
 * `maxIntervalMs`: plans made on young tables are soon made again, a connection in steady
 * state re-plans a few times an hour.
 */
export class PlanRefresh<Connection extends object> {
  private readonly connections = new WeakMap<Connection, { readonly bornAt: number; plannedAt: number }>();

  constructor(
    private readonly maxIntervalMs: number,
    private readonly minIntervalMs = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(minIntervalMs >= 0) || !(maxIntervalMs >= minIntervalMs)) {
      throw new RangeError(`Plan refresh intervals must satisfy 0 <= min (${minIntervalMs}) <= max (${maxIntervalMs}).`);
    }
  }

  /** Whether `connection`'s plans are due to be dropped now; if so, they count as fresh from now on. */
  due(connection: Connection): boolean {
    const now = this.now();
    const known = this.connections.get(connection);
    if (!known) {
      // A connection's first transaction has no plans to drop yet.
      this.connections.set(connection, { bornAt: now, plannedAt: now });
      return false;
    }
    const interval = Math.min(Math.max(known.plannedAt - known.bornAt, this.minIntervalMs), this.maxIntervalMs);
    if (now - known.plannedAt < interval) return false;
    known.plannedAt = now;
    return true;
  }
}
