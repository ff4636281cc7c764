import { ConnectorBusinessError, type JobOrigin } from '../core/connector';

export type PaymentStatusValue = 'OPEN' | 'PAID' | 'CANCELED' | 'FAILED';

export interface PaymentItem {
  readonly description: string;
  readonly amount: number;
}

export interface PaymentRequestInput {
  readonly amount: number;
  /** Booking text (XBezahldienste `purpose`). */
  readonly purpose: string;
  /** The case id the payment belongs to. */
  readonly reference: string;
  readonly items: readonly PaymentItem[];
}

/** The answer to a payment request: where the citizen pays. */
export interface PaymentRequestResult {
  readonly requestId: string;
  readonly payPageUrl: string;
  readonly status: 'OPEN';
}

export interface PaymentStatus {
  readonly requestId: string;
  readonly status: PaymentStatusValue;
  readonly paidAt?: string;
  readonly amount: number;
}

/** Who asks: the job the request comes from (its key makes a retried request the same request). */
export type PaymentCaller = JobOrigin;

/** The payment platform (ePayBL / XBezahldienste). */
export interface PaymentService {
  /** Opens a payment request; throws PaymentRefusedError when the platform refuses it. */
  request(input: PaymentRequestInput, caller: PaymentCaller): Promise<PaymentRequestResult>;
  /** The status of a request (XBezahldienste: results are queried, not pushed). */
  status(tenantId: string, requestId: string): Promise<PaymentStatus>;
}

export class PaymentRefusedError extends ConnectorBusinessError {
  constructor(reason: string) {
    super('PAYMENT_REFUSED', `Die Zahlungsplattform hat die Zahlungsanforderung abgelehnt: ${reason}`);
  }
}
