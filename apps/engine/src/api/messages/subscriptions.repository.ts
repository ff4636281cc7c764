import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { CorrelationDto } from './message.dto';

export type WaitingSubscription = CorrelationDto & { readonly key: string };

/** The catch events waiting for a message or signal, read before publishing to report what it reached. */
@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly pool: Pool) {}

  async waitingForMessage(tenantId: string, name: string, correlationKey: string): Promise<WaitingSubscription[]> {
    return this.read(tenantId, 'SELECT key, record FROM message_subscription WHERE tenant_id = $1 AND message_name = $2 AND correlation_key = $3 AND root_key IS NOT NULL ORDER BY key', [tenantId, name, correlationKey]);
  }

  async waitingForSignal(tenantId: string, name: string): Promise<WaitingSubscription[]> {
    return this.read(tenantId, 'SELECT key, record FROM signal_subscription WHERE tenant_id = $1 AND signal_name = $2 AND root_key IS NOT NULL ORDER BY key', [tenantId, name]);
  }

  private async read(tenantId: string, sql: string, params: unknown[]): Promise<WaitingSubscription[]> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ key: string; record: { processInstanceKey: string; elementId: string; elementInstanceKey: string } }>(sql, params);
      return rows.map((row) => ({ key: row.key, processInstanceKey: row.record.processInstanceKey, elementId: row.record.elementId, elementInstanceKey: row.record.elementInstanceKey }));
    });
  }
}
