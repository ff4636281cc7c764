import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import type { RouteBundle } from '@laufweg/routes';
import { loadTenantValues } from '@laufweg/routes';
import { Pool } from 'pg';
import { DEMO_USERS } from '../auth/dev-issuer/demo-users';
import type { EngineConfig } from '../config/engine-config';
import { ENGINE_CONFIG } from '../config/engine-config.token';
import { demoMemberships } from './demo-memberships';
import { RouteCatalogReader } from './route-catalog';
import { RouteDeployer } from './route-deployer';

/** Who the deployments at start are recorded as. */
export const ROUTE_BOOTSTRAP_ACTOR = 'laufweg:route-bootstrap';

/**
 * With DEPLOY_ROUTES (default: local mode on the embedded database), deploys every route of
 * PROCESSES_DIR for each municipality that has values for it, before the server listens: the
 * tenant is created if missing (with the demo users as members when the development issuer
 * runs), the route deployed (unchanged routes are no-ops) and its services recorded for the
 * intake. A broken route is logged and skipped; it never keeps the engine from starting.
 */
@Injectable()
export class RouteBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(RouteBootstrap.name);

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly catalog: RouteCatalogReader,
    private readonly deployer: RouteDeployer,
    private readonly pool: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.routes.deployAtStart) return;
    const { bundles, problems } = this.catalog.read();
    for (const problem of problems) this.logger.warn(`Route skipped: ${problem}`);
    this.logger.log(`Deploying ${bundles.length} routes from ${this.catalog.processesDir}`);
    const tenants = new Map<string, RouteBundle[]>();
    for (const bundle of bundles) for (const tenant of bundle.tenants) tenants.set(tenant, [...(tenants.get(tenant) ?? []), bundle]);
    for (const [tenantId, tenantBundles] of tenants) {
      await this.ensureTenant(tenantId, tenantBundles);
      for (const bundle of tenantBundles) {
        try {
          const result = await this.deployer.deploy(bundle, tenantId, ROUTE_BOOTSTRAP_ACTOR);
          if (!result.ok) {
            this.logger.warn(`Route '${bundle.id}' for '${tenantId}' not deployed: ${result.problems.map((problem) => `${problem.elementId ? `[${problem.elementId}] ` : ''}${problem.message}`).join('; ')}`);
            continue;
          }
          const fresh = result.report.deployments.filter((deployment) => !deployment.duplicate).length;
          this.logger.log(`Route '${bundle.id}' for '${tenantId}': ${fresh === 0 ? 'unchanged' : `${fresh} new deployment(s)`}, services ${result.report.services.join(', ') || '(none)'}`);
        } catch (error) {
          this.logger.error(`Route '${bundle.id}' for '${tenantId}' failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  /** The tenant from the municipality's values (name, Land), and the demo members in local mode. */
  private async ensureTenant(tenantId: string, bundles: readonly RouteBundle[]): Promise<void> {
    const values = bundles.map((bundle) => loadTenantValues(bundle, tenantId)).find((result) => result.ok);
    const name = values?.ok && typeof values.values['name'] === 'string' ? values.values['name'] : tenantId;
    const land = values?.ok && typeof values.values['land'] === 'string' ? values.values['land'] : 'SN';
    const officialKey = values?.ok && typeof values.values['ags'] === 'string' ? values.values['ags'] : null;
    const members = this.config.auth.devIssuer ? demoMemberships(DEMO_USERS, bundles) : [];
    await withTenants(this.pool, [tenantId], async (client) => {
      const created = await client.query(`INSERT INTO tenant (id, name, land, official_key) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [tenantId, name, land, officialKey]);
      if ((created.rowCount ?? 0) > 0) this.logger.log(`Tenant '${tenantId}' (${name}) created for its routes`);
      for (const member of members) {
        await client.query(`INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject) DO NOTHING`, [tenantId, member.subject, member.groups]);
      }
    });
  }
}
