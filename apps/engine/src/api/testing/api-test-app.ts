import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { EngineRuntime } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import type { Role } from '../../auth';
import { bearer, TEST_AUTH_ENV, TestTokens } from '../../auth/testing/test-tokens';
import { loadEngineConfig } from '../../config/engine-config';
import { createApp } from '../../create-app';

/** The tables the API changes; a refused request must leave every one of them as it was. */
const WATCHED_TABLES = [
  'deployment',
  'deployment_resource',
  'process_definition',
  'process_instance',
  'element_instance',
  'variable',
  'job',
  'user_task',
  'message_subscription',
  'signal_subscription',
  'buffered_message',
  'incident',
  'instance_record',
  'instance_event',
] as const;

export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

/**
 * The service over HTTP on a fresh database for one test file: tenants, users with roles and
 * group memberships (tokens from the development issuer the guard trusts), supertest, and a
 * fingerprint of every row the API may change, to show that a refused request changed nothing.
 */
export class ApiTestApp {
  private constructor(
    readonly app: NestExpressApplication,
    private readonly db: TestDatabase,
    /** Owner connection: not bound by row-level security, for setup and fingerprints. */
    readonly owner: Pool,
    private readonly tokens: TestTokens,
    private readonly webDir: string,
  ) {}

  /** `env` adds settings of the engine's configuration (PROCESSES_DIR of a fixture catalog, ...). */
  static async start(env: NodeJS.ProcessEnv = {}): Promise<ApiTestApp> {
    const db = await createTestDatabase();
    const webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    const app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV, ...env }), db.runtime);
    await app.init();
    const owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    // pool.end() resolves before its sockets close; dropping the database may still cut one.
    owner.on('error', () => undefined);
    return new ApiTestApp(app, db, owner, TestTokens.of(app), webDir);
  }

  /** The application role's connection (row-level security, INSERT-only audit log), for privilege tests. */
  get appUrl(): string {
    return this.db.appUrl;
  }

  get runtime(): EngineRuntime {
    return this.app.get(EngineRuntime);
  }

  get http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  async tenant(id: string, name = `Gemeinde ${id}`): Promise<void> {
    await this.owner.query('INSERT INTO tenant (id, name) VALUES ($1, $2)', [id, name]);
  }

  /** A user with these roles and these groups per tenant; returns the Authorization header. */
  async user(subject: string, roles: readonly Role[], tenants: Readonly<Record<string, readonly string[]>> = {}): Promise<{ authorization: string }> {
    for (const [tenantId, groups] of Object.entries(tenants)) {
      await this.owner.query('INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject) DO UPDATE SET groups = $3', [tenantId, subject, groups]);
    }
    return bearer(await this.tokens.mint({ sub: subject, name: subject, roles: [...roles] }));
  }

  /** Deploys fixtures directly through the runtime (tests of other endpoints start from there). */
  async deploy(tenantId: string, bpmn: string, forms: readonly string[] = []): Promise<Record<string, string>> {
    const result = await this.runtime.deploy({
      tenantId,
      resourceName: bpmn,
      content: fixture(bpmn),
      resources: forms.map((name) => ({ name, kind: 'form' as const, resourceId: (JSON.parse(fixture(name)) as { id: string }).id, content: fixture(name) })),
    });
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
    return Object.fromEntries(result.value.processes.map((process) => [process.processId, process.processDefinitionKey]));
  }

  async start(tenantId: string, processId: string, variables: Record<string, unknown> = {}, businessKey?: string): Promise<string> {
    const result = await this.runtime.startInstance(tenantId, { processId, variables: variables as never, ...(businessKey ? { businessKey } : {}) });
    if (result.rejected) throw new Error(result.reason);
    return result.createdRoots[0];
  }

  /** The open user task of an element in an instance. */
  async taskKey(tenantId: string, processInstanceKey: string, elementId: string): Promise<string> {
    const { rows } = await this.owner.query<{ key: string }>('SELECT key FROM user_task WHERE tenant_id = $1 AND process_instance_key = $2 AND element_id = $3', [tenantId, processInstanceKey, elementId]);
    if (rows.length !== 1) throw new Error(`Expected one open task '${elementId}', found ${rows.length}.`);
    return rows[0].key;
  }

  /** A digest of every row of every watched table: equal digests, no row changed. */
  async fingerprint(): Promise<Record<string, string>> {
    const digests: Record<string, string> = {};
    for (const table of WATCHED_TABLES) {
      const { rows } = await this.owner.query<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`);
      digests[table] = rows[0].digest;
    }
    return digests;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.owner.end();
    await this.db.drop();
    await rm(this.webDir, { recursive: true, force: true });
  }
}
