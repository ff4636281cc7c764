import { type ConnectorJob, ConnectorBusinessError, ConnectorUnavailableError } from '@laufweg/connectors';
import { BpmnError, type JobContext } from '@laufweg/persistence';
import type { Pool } from 'pg';
import { connectorJobHandler } from './connector-job-handler';

/** A pool that answers the local-variables query with the element's own variables only. */
function poolWith(local: Record<string, unknown> | undefined): Pool {
  const rows = local === undefined ? [] : Object.keys(local).length === 0 ? [{ element_instance_key: '9', name: null, value: null }] : Object.entries(local).map(([name, value]) => ({ element_instance_key: '9', name, value }));
  return { query: () => Promise.resolve({ rows }) } as unknown as Pool;
}

const job: JobContext = {
  tenantId: '14713000',
  key: '2251799813685312',
  type: 'residents.lookup',
  retries: 3,
  customHeaders: {},
  elementId: 'lookup',
  processInstanceKey: '2251799813685249',
  variables: { person: { givenName: 'Erika' }, applicant: { iban: 'DE02120300000000202051' }, healthNote: 'geheim' },
};

describe('connectorJobHandler', () => {
  it('gives the connector the element’s local variables, not what the job sees of the case, and returns its result', async () => {
    const seen: ConnectorJob[] = [];
    const handler = connectorJobHandler((connectorJob) => {
      seen.push(connectorJob);
      return Promise.resolve({ residence: { registered: true } });
    }, poolWith({ person: { givenName: 'Erika' } }));
    await expect(handler(job)).resolves.toEqual({ residence: { registered: true } });
    expect(seen).toEqual([{ tenantId: '14713000', jobKey: '2251799813685312', type: 'residents.lookup', retries: 3, processInstanceKey: '2251799813685249', elementId: 'lookup', variables: { person: { givenName: 'Erika' } } }]);
  });

  it('throws a business refusal as a BPMN error with its code and anything else as it is (a failure)', async () => {
    const refusing = connectorJobHandler(() => Promise.reject(new ConnectorBusinessError('RESIDENT_NOT_FOUND', 'Im Melderegister ist niemand verzeichnet.')), poolWith({}));
    const refusal = await Promise.resolve(refusing(job)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BpmnError);
    expect(refusal).toMatchObject({ code: 'RESIDENT_NOT_FOUND', message: 'Im Melderegister ist niemand verzeichnet.' });

    const outage = new ConnectorUnavailableError('Das Melderegister ist nicht erreichbar.');
    const failing = connectorJobHandler(() => Promise.reject(outage), poolWith({}));
    await expect(Promise.resolve(failing(job))).rejects.toBe(outage);
  });

  it('fails when the job is gone', async () => {
    const handler = connectorJobHandler(() => Promise.resolve({}), poolWith(undefined));
    await expect(Promise.resolve(handler(job))).rejects.toThrow('no longer exists');
  });
});
