import type { JobOrigin } from '../core/connector';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableHex } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import { AddressUndeliverableError, type Dispatch, type MailAddress, type PrintOrder, type PrintService } from './print';

/**
 * The print service: checks the address as the postal address check would (a German postal code
 * and a city; not on the configured list of undeliverable postal codes) and records the order.
 */
export class PrintSimulator implements PrintService {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly settings: { readonly undeliverablePostalCodes: readonly string[] },
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  mail(order: PrintOrder, origin: JobOrigin): Promise<Dispatch> {
    return this.system.call(async () => {
      const lines = addressLines(order.recipient.address);
      const postalCode = /\b(\d{5})\b/.exec(lines.join(' '))?.[1];
      if (!postalCode) throw new AddressUndeliverableError(`Die Anschrift „${lines.join(', ')}“ hat keine Postleitzahl.`);
      if (this.settings.undeliverablePostalCodes.includes(postalCode)) throw new AddressUndeliverableError(`Unter der Anschrift „${lines.join(', ')}“ ist ${order.recipient.name} nicht zu ermitteln.`);
      const dispatch: Dispatch = { orderId: `PO-${stableHex([origin.tenantId, origin.jobKey, 'print'], 12).toUpperCase()}`, status: 'QUEUED', queuedAt: new Date(this.clock.now()).toISOString() };
      await this.recorder.record({ ...origin, kind: 'print-dispatch', reference: dispatch.orderId, payload: { documentId: order.document.id, recipient: order.recipient.name, address: lines, queuedAt: dispatch.queuedAt } });
      return dispatch;
    });
  }
}

export function addressLines(address: MailAddress): string[] {
  return typeof address === 'string' ? address.split(/\n|,\s*/).map((line) => line.trim()).filter(Boolean) : [address.street, `${address.postalCode} ${address.city}`];
}
