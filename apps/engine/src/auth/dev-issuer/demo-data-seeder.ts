import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Pool } from 'pg';
import type { EngineConfig } from '../../config/engine-config';
import { ENGINE_CONFIG } from '../../config/engine-config.token';
import { DEMO_TENANT, DEMO_USERS } from './demo-users';

/**
 * With the development issuer on, makes sure the demo tenant and the demo users' memberships
 * exist, so `npm start` can be used at once. Idempotent: it adds what is missing and changes
 * nothing an admin has changed since.
 */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly pool: Pool,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO tenant (id, name, land) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [DEMO_TENANT.id, DEMO_TENANT.name, DEMO_TENANT.land]);
      await client.query(
        `INSERT INTO tenant_member (tenant_id, subject, groups)
         SELECT $1, subject, string_to_array(groups, ',')::text[] FROM unnest($2::text[], $3::text[]) AS demo (subject, groups)
         ON CONFLICT (tenant_id, subject) DO NOTHING`,
        [DEMO_TENANT.id, DEMO_USERS.map((user) => user.username), DEMO_USERS.map((user) => user.groups.join(','))],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.logger.log(`Development issuer: demo tenant '${DEMO_TENANT.id}' with ${DEMO_USERS.length} demo users (GET /dev-auth/users).`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(this.config.host)) {
      this.logger.warn(`The development issuer signs in anyone as any demo user, admin included, and HOST=${this.config.host} lets other machines reach it. Set HOST=127.0.0.1 unless that is what you want.`);
    }
  }
}
