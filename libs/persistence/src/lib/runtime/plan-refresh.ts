/**
 * When a connection's cached plans are dropped so that they are made again. A command's
 * prepared statements run with generic plans (made once per connection, see CommandStore); a
 * generic plan made while a table was small (a new database, a new tenant) would otherwise stay
 * — a sequential scan that grows with the table — until the next ANALYZE invalidates it, and
 * ANALYZE never comes where autovacuum is off. Dropping a connection's plans every
 * `intervalMs` (`DISCARD PLANS`, sent along with the transaction's BEGIN, so no round trip of
 * its own) bounds that: the next execution plans for the table as it is now.
 */
export class PlanRefresh<Connection extends object> {
  private readonly plannedAt = new WeakMap<Connection, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(intervalMs >= 0)) throw new RangeError(`The plan refresh interval must be 0 ms or more, not ${intervalMs}.`);
  }

  /** Whether `connection`'s plans are due to be dropped now; if so, they count as fresh from now on. */
  due(connection: Connection): boolean {
    const now = this.now();
    const since = this.plannedAt.get(connection);
    if (since !== undefined && now - since < this.intervalMs) return false;
    this.plannedAt.set(connection, now);
    // A connection's first transaction has no plans to drop yet.
    return since !== undefined;
  }
}
