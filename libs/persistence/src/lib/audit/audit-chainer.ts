import type { Pool } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import { insertAuditEntries, lockChainHead } from './audit-log';
import { engineEventEntry, type InstanceEventRow } from './engine-event-entry';

export interface AuditChainerOptions {
  /** Most events one transaction chains (default 500). */
  readonly batchSize?: number;
  /** Where failures of the background loop go (it keeps running). */
  readonly logger?: { error(message: string): void };
}

/**
 * Appends an audit entry for every engine event (`instance_event` row) to its tenant's chain,
 * after the commands committed, so commands never wait for the chain. One transaction per batch
 * and tenant: lock the tenant's chain head, read the events after the head's cursor, append
 * their entries, move the cursor.
 *
 * Order and completeness: the cursor is (`tx_id`, `seq`) — the inserting transaction and the
 * event's global order — and a batch takes only events whose transaction is older than every
 * transaction still open (`tx_id < pg_snapshot_xmin(pg_current_snapshot())`). A `seq` alone
 * is not a safe cursor: identity values are drawn at insert, not at commit, so an event with a
 * lower seq can still commit after a higher one was chained, and would be skipped. Every event
 * not yet visible belongs to a transaction at or above the horizon, so it sorts after the
 * cursor. The head lock makes several chainers (several engine processes) take turns per
 * tenant; the second reads the cursor the first left, so no event is chained twice.
 */
export class AuditChainer {
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> | undefined;
  private running = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: AuditChainerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Chains every event that is ready in every tenant. Returns how many entries it appended. */
  async runOnce(): Promise<number> {
    let appended = 0;
    for (const tenantId of await this.tenantsWithEvents({ readyOnly: true })) {
      for (;;) {
        const chained = await this.chainBatch(tenantId);
        appended += chained;
        if (chained < this.batchSize) break;
      }
    }
    return appended;
  }

  /**
   * Runs until every committed event is chained, waiting out transactions that hold the horizon
   * back: for tests that check the chain, and for a clean shutdown. Throws after `timeoutMs`.
   */
  async drain(timeoutMs = 10_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    let appended = 0;
    for (;;) {
      appended += await this.runOnce();
      if ((await this.tenantsWithEvents({ readyOnly: false })).length === 0) return appended;
      if (performance.now() > deadline) throw new Error(`The audit chainer could not chain every event within ${timeoutMs} ms: a long transaction holds the horizon back.`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Chains on an interval until stop(). */
  start(intervalMs: number): void {
    if (this.running) return;
    this.running = true;
    const tick = (): void => {
      this.round = this.runOnce()
        .catch((error: unknown) => this.options.logger?.error(`Audit chaining failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          if (this.running) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops the interval and waits for a round in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  private async tenantsWithEvents({ readyOnly }: { readyOnly: boolean }): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT t.id FROM tenant t LEFT JOIN audit_head h ON h.tenant_id = t.id
        WHERE EXISTS (SELECT 1 FROM instance_event e
                       WHERE e.tenant_id = t.id
                         AND (e.tx_id, e.seq) > (coalesce(h.event_tx, '0'::xid8), coalesce(h.event_seq, 0))
                         AND (NOT $1 OR e.tx_id < pg_snapshot_xmin(pg_current_snapshot())))
        ORDER BY t.id`,
      [readyOnly],
    );
    return rows.map((row) => row.id);
  }

  private async chainBatch(tenantId: string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await beginTenantTransaction(client, [tenantId]);
      const head = await lockChainHead(client, tenantId);
      const { rows } = await client.query<InstanceEventRow>(
        `SELECT seq, tx_id::text AS tx_id, root_key, position, process_instance_key, type, payload, created_at, actor, actor_roles, request_id
           FROM instance_event
          WHERE tenant_id = $1 AND (tx_id, seq) > ($2::xid8, $3::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY tx_id, seq
          LIMIT $4`,
        [tenantId, head.eventTx, head.eventSeq, this.batchSize],
      );
      if (rows.length > 0) {
        await insertAuditEntries(client, head, rows.map(engineEventEntry));
        const last = rows[rows.length - 1];
        await client.query('UPDATE audit_head SET event_tx = $2::xid8, event_seq = $3 WHERE tenant_id = $1', [tenantId, last.tx_id, last.seq]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
