import type { PaymentItem, PaymentLedger, PaymentRecord, PaymentStatusValue } from '@laufweg/connectors';
import type { Pool } from 'pg';

interface PaymentRow {
  tenant_id: string;
  request_id: string;
  job_key: string;
  process_instance_key: string | null;
  amount: string;
  purpose: string;
  reference: string;
  items: PaymentItem[];
  status: PaymentStatusValue;
  created_at: Date;
  paid_at: Date | null;
}

const COLUMNS = 'tenant_id, request_id, job_key, process_instance_key, amount, purpose, reference, items, status, created_at, paid_at';

/** The payment simulator's requests in `payment_request`, so the pay page survives a restart. */
export class PostgresPaymentLedger implements PaymentLedger {
  constructor(private readonly pool: Pool) {}

  async open(record: PaymentRecord): Promise<PaymentRecord> {
    await this.pool.query(
      `INSERT INTO payment_request (tenant_id, request_id, job_key, process_instance_key, amount, purpose, reference, items, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [record.tenantId, record.requestId, record.jobKey, record.processInstanceKey ?? null, record.amount, record.purpose, record.reference, JSON.stringify(record.items), record.status, record.createdAt],
    );
    return (await this.find(record.requestId)) ?? record;
  }

  async find(requestId: string): Promise<PaymentRecord | undefined> {
    const { rows } = await this.pool.query<PaymentRow>(`SELECT ${COLUMNS} FROM payment_request WHERE request_id = $1`, [requestId]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async settle(requestId: string, status: Exclude<PaymentStatusValue, 'OPEN'>, at: string): Promise<PaymentRecord | undefined> {
    const { rows } = await this.pool.query<PaymentRow>(
      `UPDATE payment_request SET status = $2, paid_at = CASE WHEN $2 = 'PAID' THEN $3::timestamptz END
        WHERE request_id = $1 AND status = 'OPEN' RETURNING ${COLUMNS}`,
      [requestId, status, at],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}

function toRecord(row: PaymentRow): PaymentRecord {
  return {
    tenantId: row.tenant_id,
    requestId: row.request_id,
    jobKey: row.job_key,
    ...(row.process_instance_key ? { processInstanceKey: row.process_instance_key } : {}),
    amount: Number(row.amount),
    purpose: row.purpose,
    reference: row.reference,
    items: row.items,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    ...(row.paid_at ? { paidAt: row.paid_at.toISOString() } : {}),
  };
}
