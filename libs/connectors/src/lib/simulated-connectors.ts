import { civilRegisterConnector } from './civil-register/civil-register.connector';
import { CivilRegisterSimulator } from './civil-register/civil-register.simulator';
import { chambersConnector } from './chambers/chambers.connector';
import { ChambersSimulator } from './chambers/chambers.simulator';
import type { Connector, ConnectorJob, JobType } from './core/connector';
import type { Clock, ConnectorRecorder, DocumentSink, MessagePublisher, Sleep } from './core/ports';
import { documentConnector } from './documents/document.connector';
import { PdfDocumentRenderer } from './documents/document-renderer';
import { enforcementConnector } from './enforcement/enforcement.connector';
import { EnforcementSimulator } from './enforcement/enforcement.simulator';
import { eFileConnector } from './e-file/e-file.connector';
import { EFileSimulator } from './e-file/e-file.simulator';
import { financeConnector } from './finance/finance.connector';
import { FinanceSimulator } from './finance/finance.simulator';
import { paymentRequestConnector, paymentStatusConnector } from './payment/payment.connector';
import type { PaymentLedger } from './payment/payment-ledger';
import { PaymentSimulator } from './payment/payment.simulator';
import { portalConnector } from './portal/portal.connector';
import { PortalSimulator } from './portal/portal.simulator';
import { printConnector } from './print/print.connector';
import { PrintSimulator } from './print/print.simulator';
import { residentsConnector } from './residents/residents.connector';
import { ResidentsSimulator } from './residents/residents.simulator';
import { behaviorOf, type ConnectorsConfig, resolveTenantSettings, type SystemName, type TenantConnectorSettings } from './settings/connector-settings';
import { DEFAULT_CONNECTOR_SETTINGS } from './settings/default-connector-settings';
import { seededRandom } from './simulation/seeded-random';
import { SimulatedSystem } from './simulation/simulated-system';
import { vehiclesConnector } from './vehicles/vehicles.connector';
import { VehiclesSimulator } from './vehicles/vehicles.simulator';

/** What the simulators need from outside. */
export interface ConnectorPorts {
  readonly clock: Clock;
  /** Waits out the simulated latency; default: a real timer. */
  readonly sleep?: Sleep;
  readonly documents: DocumentSink;
  readonly messages: MessagePublisher;
  readonly recorder: ConnectorRecorder;
  readonly payments: PaymentLedger;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every job type of docs/connectors.md backed by its simulator. Settings resolve per tenant
 * (built-in defaults ← file defaults ← the tenant's section), and each tenant gets its own
 * simulators, with one seeded random sequence per system.
 */
export function createSimulatedConnectors(config: ConnectorsConfig, ports: ConnectorPorts, builtIn: TenantConnectorSettings = DEFAULT_CONNECTOR_SETTINGS): ReadonlyMap<JobType, Connector> {
  const tenants = new Map<string, ReadonlyMap<JobType, Connector>>();
  const forTenant = (tenantId: string): ReadonlyMap<JobType, Connector> => {
    let connectors = tenants.get(tenantId);
    if (!connectors) tenants.set(tenantId, (connectors = tenantConnectors(resolveTenantSettings(builtIn, config, tenantId), tenantId, ports)));
    return connectors;
  };
  const types = [...tenantConnectors(builtIn, '', ports).keys()];
  return new Map(types.map((type) => [type, (job: ConnectorJob) => (forTenant(job.tenantId).get(type) as Connector)(job)]));
}

function tenantConnectors(settings: TenantConnectorSettings, tenantId: string, ports: ConnectorPorts): ReadonlyMap<JobType, Connector> {
  const { clock, recorder } = ports;
  const system = (name: SystemName, displayName: string): SimulatedSystem =>
    new SimulatedSystem(displayName, behaviorOf(settings, name), { clock, sleep: ports.sleep ?? realSleep, random: seededRandom(`${settings.seed}:${tenantId}:${name}`) });
  const payment = new PaymentSimulator(system('payment', 'Die Zahlungsplattform'), settings.payment, ports.payments, ports.messages, clock);
  const entries: [JobType, Connector][] = [
    ['civil-register.find-entry', civilRegisterConnector(new CivilRegisterSimulator(system('civilRegister', 'Das Personenstandsregister'), settings.civilRegister.entries))],
    ['residents.lookup', residentsConnector(new ResidentsSimulator(system('residents', 'Das Melderegister'), settings.residents.residents))],
    ['vehicles.lookup', vehiclesConnector(new VehiclesSimulator(system('vehicles', 'Das Fahrzeugregister'), settings.vehicles.vehicles))],
    ['payment.request', paymentRequestConnector(payment)],
    ['payment.status', paymentStatusConnector(payment)],
    ['finance.receivable', financeConnector(new FinanceSimulator(system('finance', 'Die Finanzsoftware'), settings.finance, recorder, clock))],
    ['e-file.store', eFileConnector(new EFileSimulator(system('eFile', 'Die E-Akte'), settings.eFile, recorder, clock))],
    ['document.render', documentConnector(new PdfDocumentRenderer(clock), ports.documents, system('documents', 'Der Dokumentendienst'))],
    ['print.mail', printConnector(new PrintSimulator(system('print', 'Der Druckdienstleister'), settings.print, recorder, clock))],
    ['portal.notify', portalConnector(new PortalSimulator(system('portal', 'Das Portal'), recorder, clock))],
    ['chambers.notify', chambersConnector(new ChambersSimulator(system('chambers', 'Die Weiterleitung an die Kammern'), recorder, clock))],
    ['enforcement.update', enforcementConnector(new EnforcementSimulator(system('enforcement', 'Die Parkraumüberwachung'), recorder, clock))],
  ];
  return new Map(entries);
}
