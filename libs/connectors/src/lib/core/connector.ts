import type { JsonObject } from '@laufweg/bpmn-model';

/** The job types of docs/connectors.md; a route names them in `zeebe:taskDefinition type`. */
export const JOB_TYPES = [
  'civil-register.find-entry',
  'residents.lookup',
  'vehicles.lookup',
  'payment.request',
  'payment.status',
  'finance.receivable',
  'e-file.store',
  'document.render',
  'print.mail',
  'portal.notify',
  'chambers.notify',
  'enforcement.update',
] as const;
export type JobType = (typeof JOB_TYPES)[number];

/**
 * One job as a connector sees it. `variables` are only the element's local variables, i.e. what
 * its `zeebe:ioMapping` inputs put there; a connector never sees the rest of the case.
 */
export interface ConnectorJob {
  readonly tenantId: string;
  readonly jobKey: string;
  readonly type: string;
  /** Retries left, including this attempt. */
  readonly retries: number;
  readonly processInstanceKey?: string;
  readonly elementId?: string;
  readonly variables: JsonObject;
}

/**
 * Does the work of one job type and answers with its one result variable (`{ registerEntry }`,
 * `{ payment }`, ...). Throws ConnectorBusinessError for a refusal the route handles (a BPMN
 * error with that code); anything else it throws is a technical failure: the engine retries with
 * backoff and raises an incident when the retries run out.
 */
export type Connector = (job: ConnectorJob) => Promise<JsonObject>;

/** A refusal of the specialised system the route models: thrown as a BPMN error with `code`. */
export class ConnectorBusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorBusinessError';
  }
}

/** The specialised system did not answer (outage, maintenance window, timeout): retried, then an incident. */
export class ConnectorUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorUnavailableError';
  }
}

/** The route handed the connector inputs it cannot use (a modelling error): a technical failure, so it ends in an incident. */
export class ConnectorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorInputError';
  }
}

/** Where a call comes from: the job (its key makes a retried call the same call). */
export interface JobOrigin {
  readonly tenantId: string;
  readonly jobKey: string;
  readonly processInstanceKey?: string;
}

export function originOf(job: ConnectorJob): JobOrigin {
  return { tenantId: job.tenantId, jobKey: job.jobKey, ...(job.processInstanceKey ? { processInstanceKey: job.processInstanceKey } : {}) };
}
