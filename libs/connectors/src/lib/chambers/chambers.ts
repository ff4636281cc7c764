import type { JsonObject } from '@laufweg/bpmn-model';
import type { JobOrigin } from '../core/connector';

/**
 * The bodies a business registration goes to (§ 14 GewO, GewAnzV): IHK, HWK, FA (tax office),
 * GAA (trade supervisory office), BA (employment agency), REG (register court), and others by code.
 */
export type ChamberCode = string;

export interface ForwardingInput {
  readonly recipients: readonly ChamberCode[];
  readonly business: JsonObject;
}

export interface Forwarding {
  readonly recipients: readonly ChamberCode[];
  readonly sentAt: string;
  /** Each recipient's reference for the forwarding (recipient code → reference). */
  readonly references: Readonly<Record<ChamberCode, string>>;
}

/** Forwarding of business registrations to the chambers and authorities (XGewerbeanzeige). */
export interface Chambers {
  forward(input: ForwardingInput, origin: JobOrigin): Promise<Forwarding>;
}
