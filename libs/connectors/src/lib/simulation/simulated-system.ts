import { ConnectorUnavailableError } from '../core/connector';
import type { Clock, Sleep } from '../core/ports';
import type { SystemBehavior } from '../settings/connector-settings';
import type { Random } from './seeded-random';

export interface SimulationDeps {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: Random;
}

/**
 * How a specialised system behaves on the wire, shared by every simulator: each call waits a
 * latency drawn between min and max, fails during a configured outage window, and fails at the
 * configured rate otherwise (a technical failure: the engine retries with backoff).
 */
export class SimulatedSystem {
  constructor(
    /** The system's German name, for the failure message the team reads in the incident. */
    readonly displayName: string,
    private readonly behavior: SystemBehavior,
    private readonly deps: SimulationDeps,
  ) {}

  /** Runs one call against the simulated system. */
  async call<T>(operation: () => T | Promise<T>): Promise<T> {
    const { min, max } = this.behavior.latencyMs;
    await this.deps.sleep(Math.round(min + this.deps.random() * (max - min)));
    const now = this.deps.clock.now();
    const outage = this.behavior.outages.find((window) => Date.parse(window.from) <= now && now < Date.parse(window.to));
    if (outage) {
      throw new ConnectorUnavailableError(`${this.displayName} ist nicht erreichbar${outage.reason ? ` (${outage.reason})` : ''}, voraussichtlich bis ${outage.to}.`);
    }
    if (this.behavior.failureRate > 0 && this.deps.random() < this.behavior.failureRate) {
      throw new ConnectorUnavailableError(`${this.displayName} hat nicht rechtzeitig geantwortet.`);
    }
    return operation();
  }
}
