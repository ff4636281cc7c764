import type { JsonObject } from '@laufweg/bpmn-model';
import type { JobType } from '../lib/core/connector';
import { InMemoryPaymentLedger } from '../lib/payment/payment-ledger';
import type { ConnectorsConfig } from '../lib/settings/connector-settings';
import { createSimulatedConnectors } from '../lib/simulated-connectors';
import { FakeClock, InMemoryDocumentSink, InMemoryRecorder, RecordingPublisher, RecordingSleep } from './in-memory-ports';

export const TENANT = '14713000';

/** The simulated connectors on in-memory ports, and a way to run one job. For specs. */
export function connectorTestKit(config: ConnectorsConfig = {}) {
  const clock = new FakeClock();
  const sleep = new RecordingSleep();
  const documents = new InMemoryDocumentSink();
  const messages = new RecordingPublisher();
  const recorder = new InMemoryRecorder();
  const payments = new InMemoryPaymentLedger();
  const connectors = createSimulatedConnectors(config, { clock, sleep: sleep.sleep, documents, messages, recorder, payments });
  let jobs = 0;
  const run = (type: JobType, variables: JsonObject, options: { tenantId?: string; jobKey?: string } = {}): Promise<JsonObject> => {
    const connector = connectors.get(type);
    if (!connector) throw new Error(`no connector ${type}`);
    jobs += 1;
    return connector({ tenantId: options.tenantId ?? TENANT, jobKey: options.jobKey ?? String(2251799813685000 + jobs), type, retries: 3, processInstanceKey: '2251799813685249', variables });
  };
  return { clock, sleep, documents, messages, recorder, payments, connectors, run };
}
