import type { JsonObject } from '@laufweg/bpmn-model';

/** Milliseconds since the epoch; the engine passes its clock, tests a fake one. */
export interface Clock {
  now(): number;
}

/** Waits `ms` (the simulated latency); tests pass one that records and returns at once. */
export type Sleep = (ms: number) => Promise<void>;

/** A rendered document, ready to be stored. */
export interface DocumentToStore {
  readonly tenantId: string;
  readonly processInstanceKey?: string;
  readonly template: string;
  readonly name: string;
  readonly mediaType: 'application/pdf';
  readonly sha256: string;
  readonly size: number;
  readonly content: Uint8Array;
}

/** Keeps rendered documents (PostgreSQL in the engine, memory in tests); answers the document's id. */
export interface DocumentSink {
  store(document: DocumentToStore): Promise<string>;
}

/** A message for the engine's correlation (name, correlation key, variables). */
export interface PublishedMessage {
  readonly name: string;
  readonly correlationKey: string;
  readonly variables: JsonObject;
}

/** Publishes messages to the process instances of a tenant (the payment simulator: `PaymentReceived`). */
export interface MessagePublisher {
  publish(tenantId: string, message: PublishedMessage): Promise<void>;
}

/** What a simulator "sent" to the outside world. */
export type ConnectorRecordKind = 'notification' | 'print-dispatch' | 'forwarding' | 'filing' | 'receivable' | 'enforcement';

export interface ConnectorRecord {
  readonly tenantId: string;
  readonly kind: ConnectorRecordKind;
  readonly reference: string;
  readonly jobKey: string;
  readonly processInstanceKey?: string;
  readonly payload: JsonObject;
}

/** Records what simulators sent (notifications, print orders, forwardings), for tests and the UI. */
export interface ConnectorRecorder {
  record(entry: ConnectorRecord): Promise<void>;
}
