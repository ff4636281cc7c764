import type { JobOrigin } from '../core/connector';
import type { Clock, ConnectorRecorder } from '../core/ports';
import { stableDigits } from '../core/stable-id';
import type { SimulatedSystem } from '../simulation/simulated-system';
import type { Chambers, Forwarding, ForwardingInput } from './chambers';

/** The forwarding: every recipient acknowledges with its own reference; one record per recipient. */
export class ChambersSimulator implements Chambers {
  constructor(
    private readonly system: SimulatedSystem,
    private readonly recorder: ConnectorRecorder,
    private readonly clock: Clock,
  ) {}

  forward(input: ForwardingInput, origin: JobOrigin): Promise<Forwarding> {
    return this.system.call(async () => {
      const sentAt = new Date(this.clock.now()).toISOString();
      const recipients = [...new Set(input.recipients)];
      const references = Object.fromEntries(recipients.map((code) => [code, `${code}-${stableDigits([origin.tenantId, origin.jobKey, code], 8)}`]));
      for (const code of recipients) {
        await this.recorder.record({ ...origin, kind: 'forwarding', reference: references[code], payload: { recipient: code, business: input.business, sentAt } });
      }
      return { recipients, sentAt, references };
    });
  }
}
