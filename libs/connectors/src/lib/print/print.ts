import { ConnectorBusinessError, type JobOrigin } from '../core/connector';

/** A postal address: structured, or lines as printed on the envelope. */
export type MailAddress = { readonly street: string; readonly postalCode: string; readonly city: string } | string;

export interface PrintOrder {
  readonly document: { readonly id: string };
  readonly recipient: { readonly name: string; readonly address: MailAddress };
}

export interface Dispatch {
  readonly orderId: string;
  readonly status: 'QUEUED';
  readonly queuedAt: string;
}

/** The print and mail service (hybrid mail, e.g. the municipal print centre or E-POST). */
export interface PrintService {
  /** Queues the letter; throws AddressUndeliverableError when the address cannot be delivered to. */
  mail(order: PrintOrder, origin: JobOrigin): Promise<Dispatch>;
}

export class AddressUndeliverableError extends ConnectorBusinessError {
  constructor(reason: string) {
    super('ADDRESS_UNDELIVERABLE', `Der Brief kann nicht zugestellt werden: ${reason}`);
  }
}
