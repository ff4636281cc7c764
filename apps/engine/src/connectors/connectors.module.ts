import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { createSimulatedConnectors } from '@laufweg/connectors';
import { EngineRuntime } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { EngineConfig } from '../config/engine-config';
import { ConnectorsRegistration } from './connectors-registration';
import { loadConnectorsSettings } from './connectors-settings';
import { CONNECTORS, PAYMENT_DEPS } from './connectors.tokens';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { type PaymentDeps, PaymentSimulatorController } from './payment-simulator.controller';
import { PostgresConnectorRecorder } from './postgres-connector-recorder';
import { PostgresDocumentSink } from './postgres-document-sink';
import { PostgresPaymentLedger } from './postgres-payment-ledger';
import { RuntimeMessagePublisher } from './runtime-message-publisher';

/**
 * The connectors in the engine: the simulators of @laufweg/connectors as job handlers on this
 * process's job executor (settings from CONNECTORS_CONFIG), rendered documents stored in
 * PostgreSQL and served under /api/v1/tenants/:tenantId/documents, and in local mode the
 * simulated pay page under /simulator/payments.
 */
@Module({})
export class ConnectorsModule {
  static forRoot(config: EngineConfig, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const settings = loadConnectorsSettings(env, config.port);
    const local = config.auth.mode === 'local';
    return {
      module: ConnectorsModule,
      controllers: [DocumentsController, ...(local ? [PaymentSimulatorController] : [])],
      providers: [
        DocumentsRepository,
        {
          provide: PAYMENT_DEPS,
          inject: [Pool, EngineRuntime],
          useFactory: (pool: Pool, runtime: EngineRuntime): PaymentDeps => ({ ledger: new PostgresPaymentLedger(pool), publisher: new RuntimeMessagePublisher(runtime), clock: runtime.clock }),
        },
        {
          provide: CONNECTORS,
          inject: [Pool, PAYMENT_DEPS],
          useFactory: (pool: Pool, payment: PaymentDeps) => {
            const logger = new Logger(ConnectorsModule.name);
            if (!(settings.config.enabled ?? local)) {
              logger.log('The connector simulators are off (production mode without enabled: true in CONNECTORS_CONFIG); connectors run as external workers.');
              return new Map();
            }
            logger.log(`Connector simulator settings: ${settings.source}.`);
            const all = createSimulatedConnectors(
              settings.config,
              { clock: payment.clock, documents: new PostgresDocumentSink(pool), messages: payment.publisher, recorder: new PostgresConnectorRecorder(pool), payments: payment.ledger },
              settings.builtIn,
            );
            const disabled = new Set<string>(settings.config.disabledJobTypes ?? []);
            return new Map([...all].filter(([type]) => !disabled.has(type)));
          },
        },
        ConnectorsRegistration,
      ],
    };
  }
}
