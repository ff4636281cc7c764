import { roundToCents } from '../core/amounts';
import { ConnectorInputError } from '../core/connector';
import type { Clock, MessagePublisher } from '../core/ports';
import { stableHex } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import { type PaymentCaller, PaymentRefusedError, type PaymentRequestInput, type PaymentRequestResult, type PaymentService, type PaymentStatus } from './payment';
import type { PaymentLedger, PaymentRecord } from './payment-ledger';

export interface PaymentSimulatorSettings {
  /** The pay page; the request id is appended (`<base>/<requestId>`). */
  readonly payPageBaseUrl: string;
  /** Larger amounts are refused (PAYMENT_REFUSED), as a platform limit would. */
  readonly maxAmount: number;
}

/** The message the pay page publishes; the route waits for it with correlation key = request id. */
export const PAYMENT_RECEIVED = 'PaymentReceived';

/**
 * The payment platform: requests are checked like XBezahldienste does (positive amount, items
 * adding up to it, a platform limit) and kept in the ledger; paying one (the pay page, or
 * `pay`) publishes `PaymentReceived` with correlation key = request id and `{ paymentStatus }`.
 */
export class PaymentSimulator implements PaymentService {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly settings: PaymentSimulatorSettings,
    private readonly ledger: PaymentLedger,
    private readonly publisher: MessagePublisher,
    private readonly clock: Clock,
  ) {}

  request(input: PaymentRequestInput, caller: PaymentCaller): Promise<PaymentRequestResult> {
    return this.system.call(async () => {
      const amount = roundToCents(input.amount);
      if (amount <= 0) throw new PaymentRefusedError('Der Betrag muss größer als 0 € sein.');
      if (amount > this.settings.maxAmount) throw new PaymentRefusedError(`Der Betrag übersteigt die Obergrenze von ${this.settings.maxAmount} €.`);
      const itemTotal = roundToCents(input.items.reduce((sum, item) => sum + roundToCents(item.amount), 0));
      if (input.items.length > 0 && itemTotal !== amount) throw new PaymentRefusedError(`Die Positionen ergeben ${itemTotal} €, angefordert sind ${amount} € (CALCULATION_ERROR).`);
      const record = await this.ledger.open({
        tenantId: caller.tenantId,
        requestId: `PAY-${stableHex([caller.tenantId, caller.jobKey, 'payment'], 24)}`,
        jobKey: caller.jobKey,
        ...(caller.processInstanceKey ? { processInstanceKey: caller.processInstanceKey } : {}),
        amount,
        purpose: input.purpose,
        reference: input.reference,
        items: input.items.map((item) => ({ description: item.description, amount: roundToCents(item.amount) })),
        status: 'OPEN',
        createdAt: new Date(this.clock.now()).toISOString(),
      });
      return { requestId: record.requestId, payPageUrl: `${this.settings.payPageBaseUrl.replace(/\/$/, '')}/${record.requestId}`, status: 'OPEN' };
    });
  }

  status(tenantId: string, requestId: string): Promise<PaymentStatus> {
    return this.system.call(async () => statusOf(await this.ownRecord(tenantId, requestId)));
  }

  /** The citizen pays (what the pay page's button does). */
  pay(requestId: string): Promise<PaymentRecord | undefined> {
    return payRequest({ ledger: this.ledger, publisher: this.publisher, clock: this.clock }, requestId);
  }

  private async ownRecord(tenantId: string, requestId: string): Promise<PaymentRecord> {
    const record = await this.ledger.find(requestId);
    if (!record || record.tenantId !== tenantId) throw new ConnectorInputError(`Die Zahlungsplattform kennt keine Zahlungsanforderung ${requestId}.`);
    return record;
  }
}

export function statusOf(record: PaymentRecord): PaymentStatus {
  return { requestId: record.requestId, status: record.status, amount: record.amount, ...(record.paidAt ? { paidAt: record.paidAt } : {}) };
}

/**
 * Marks an open request paid and publishes `PaymentReceived` to its tenant. Answers the paid
 * record, or undefined when the request is unknown or not open (paid twice: no second message).
 */
export async function payRequest(deps: { ledger: PaymentLedger; publisher: MessagePublisher; clock: Clock }, requestId: string): Promise<PaymentRecord | undefined> {
  const paid = await deps.ledger.settle(requestId, 'PAID', new Date(deps.clock.now()).toISOString());
  if (!paid) return undefined;
  await deps.publisher.publish(paid.tenantId, { name: PAYMENT_RECEIVED, correlationKey: paid.requestId, variables: { paymentStatus: { ...statusOf(paid) } } });
  return paid;
}
