import { type Connector, ConnectorBusinessError } from '@laufweg/connectors';
import { BpmnError, type JobHandler, readJobLocalVariables } from '@laufweg/persistence';
import type { Pool } from 'pg';

/**
 * A connector as a job handler: it is given only the element's local variables (its input
 * mappings), never the whole case. A ConnectorBusinessError becomes a BPMN error with its code
 * (an error boundary event may catch it); anything else fails the job, and the executor retries
 * it after the backoff and raises an incident when the retries run out.
 */
export function connectorJobHandler(connector: Connector, pool: Pool): JobHandler {
  return async (job) => {
    const variables = await readJobLocalVariables(pool, job.tenantId, job.key);
    if (variables === undefined) throw new Error(`Job ${job.key} no longer exists.`);
    try {
      return await connector({ tenantId: job.tenantId, jobKey: job.key, type: job.type, retries: job.retries, processInstanceKey: job.processInstanceKey, elementId: job.elementId, variables });
    } catch (error) {
      if (error instanceof ConnectorBusinessError) throw new BpmnError(error.code, error.message);
      throw error;
    }
  };
}
