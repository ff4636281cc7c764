import type { JsonObject } from '@laufweg/bpmn-model';

/** What a job handler is given: the job and the variables its element sees. */
export interface JobContext {
  readonly tenantId: string;
  readonly key: string;
  readonly type: string;
  /** Retries left, including this attempt. */
  readonly retries: number;
  /** The element's zeebe:taskHeaders. */
  readonly customHeaders: Readonly<Record<string, string>>;
  readonly elementId: string;
  readonly processInstanceKey: string;
  /** The variables visible at the job's element, innermost scope winning (readVisibleVariables). */
  readonly variables: JsonObject;
}

/**
 * Does the work of one job type. Returns the variables to complete the job with (nothing: none).
 * Throwing a BpmnError throws that error event at the element (an error boundary event may catch
 * it); throwing anything else fails the job: it is retried after its backoff while retries are
 * left, and raises an incident when they run out.
 */
export type JobHandler = (job: JobContext) => Promise<JsonObject | void> | JsonObject | void;

/**
 * A business error a job handler throws on purpose (e.g. "the register knows no such person"):
 * the engine throws a BPMN error event with this code at the job's element, with `variables` set
 * at the catching scope. Uncaught, it raises an incident.
 */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly variables?: JsonObject,
  ) {
    super(message ?? `BPMN error '${code}'`);
    this.name = 'BpmnError';
  }
}
