import type { PaymentItem, PaymentStatusValue } from './payment';

/** A payment request as the simulated platform keeps it. */
export interface PaymentRecord {
  readonly tenantId: string;
  readonly requestId: string;
  readonly jobKey: string;
  readonly processInstanceKey?: string;
  readonly amount: number;
  readonly purpose: string;
  readonly reference: string;
  readonly items: readonly PaymentItem[];
  readonly status: PaymentStatusValue;
  readonly createdAt: string;
  readonly paidAt?: string;
}

/** Where the payment simulator keeps its requests (PostgreSQL in the engine, so the pay page survives a restart). */
export interface PaymentLedger {
  /** Stores the request unless one with its id exists; answers the stored one. */
  open(record: PaymentRecord): Promise<PaymentRecord>;
  /** Request ids are unique across tenants (the pay page knows only the id). */
  find(requestId: string): Promise<PaymentRecord | undefined>;
  /** Sets the status of an OPEN request; answers the changed record, or undefined when it was not open. */
  settle(requestId: string, status: Exclude<PaymentStatusValue, 'OPEN'>, at: string): Promise<PaymentRecord | undefined>;
}

/** The ledger in memory: for tests and a single process without a database. */
export class InMemoryPaymentLedger implements PaymentLedger {
  private readonly records = new Map<string, PaymentRecord>();

  open(record: PaymentRecord): Promise<PaymentRecord> {
    const known = this.records.get(record.requestId);
    if (!known) this.records.set(record.requestId, record);
    return Promise.resolve(known ?? record);
  }

  find(requestId: string): Promise<PaymentRecord | undefined> {
    return Promise.resolve(this.records.get(requestId));
  }

  settle(requestId: string, status: Exclude<PaymentStatusValue, 'OPEN'>, at: string): Promise<PaymentRecord | undefined> {
    const known = this.records.get(requestId);
    if (!known || known.status !== 'OPEN') return Promise.resolve(undefined);
    const settled: PaymentRecord = { ...known, status, ...(status === 'PAID' ? { paidAt: at } : {}) };
    this.records.set(requestId, settled);
    return Promise.resolve(settled);
  }
}
