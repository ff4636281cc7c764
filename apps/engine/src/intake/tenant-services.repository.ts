import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

/** A service (LeiKa) a tenant offers, with the route that handles it. */
export interface OfferedService {
  readonly tenantId: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly routeId: string;
  readonly processId: string;
  readonly startMessage: string;
  /** JSON Schema (draft 2020-12) of the application data. */
  readonly schema: object;
}

/**
 * `tenant_service`: written when a route is deployed for a tenant, read by the intake. Runs on
 * the caller's client, inside a transaction scoped to the tenant.
 */
@Injectable()
export class TenantServicesRepository {
  async find(client: PoolClient, tenantId: string, serviceId: string): Promise<OfferedService | undefined> {
    const { rows } = await client.query<OfferedService>(
      `SELECT tenant_id AS "tenantId", service_id AS "serviceId", service_name AS "serviceName", route_id AS "routeId",
              process_id AS "processId", start_message AS "startMessage", schema
         FROM tenant_service WHERE tenant_id = $1 AND service_id = $2`,
      [tenantId, serviceId],
    );
    return rows[0];
  }

  /** Inserts or replaces the tenant's services (a redeployment may change a schema or the route). */
  async upsert(client: PoolClient, services: readonly OfferedService[]): Promise<void> {
    for (const service of services) {
      await client.query(
        `INSERT INTO tenant_service (tenant_id, service_id, service_name, route_id, process_id, start_message, schema, deployed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (tenant_id, service_id) DO UPDATE SET service_name = EXCLUDED.service_name, route_id = EXCLUDED.route_id,
           process_id = EXCLUDED.process_id, start_message = EXCLUDED.start_message, schema = EXCLUDED.schema, deployed_at = EXCLUDED.deployed_at
         WHERE (tenant_service.service_name, tenant_service.route_id, tenant_service.process_id, tenant_service.start_message, tenant_service.schema)
               IS DISTINCT FROM (EXCLUDED.service_name, EXCLUDED.route_id, EXCLUDED.process_id, EXCLUDED.start_message, EXCLUDED.schema)`,
        [service.tenantId, service.serviceId, service.serviceName, service.routeId, service.processId, service.startMessage, JSON.stringify(service.schema)],
      );
    }
  }
}
