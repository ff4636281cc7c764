import Ajv from 'ajv';
import { Pool } from 'pg';
import type { Response } from 'supertest';
import { ApiTestApp, fixture } from '../api/testing/api-test-app';
import { jobKey, waitingForFee } from '../api/testing/case-steps';
import { AuditChainerLifecycle } from '../audit/audit-chainer-lifecycle';
import { ROLES, type Role } from '../auth/caller';
import { TestTokens } from '../auth/testing/test-tokens';
import { expressRoutes, type OpenApiDocument, type Operation, operationsOf, resolvePointer, type RouteAccess, routeAccessByOperationId, sampleOf } from './openapi-operations';

/**
 * The adversarial suite of issue 5: every endpoint of the OpenAPI document is called across
 * tenants and with every role it does not allow, the audit chain is tampered with as the
 * database owner, the four-eyes rule is tried, and the document itself is validated. A refused
 * request must answer problem+json and leave every row as it was.
 */
const A = '14511000';
const B = '14612000';
const TENANT_PREFIX = '/api/v1/tenants/{tenantId}';
type Headers = { authorization: string };

/** Routes without a token: no tenant data behind them. */
const PUBLIC_OPERATIONS = [
  'HealthController_live',
  'HealthController_ready',
  'MetricsController_scrape',
  // Where the web app signs in: the issuer and the public client id, nothing of a tenant.
  'SignInController_settings',
  'DevIssuerController_discovery',
  'DevIssuerController_jwks',
  'DevIssuerController_users',
  'DevIssuerController_token',
  // The simulated pay page (local mode only, as in these tests): the request id is its only secret.
  'PaymentSimulatorController_page',
  'PaymentSimulatorController_pay',
];
/** Routes any authenticated caller may use; they must still show only the caller's tenants. */
const ANY_ROLE_OPERATIONS = ['TenantsController_list', 'TenantsController_get'];

describe('adversarial: tenants, roles, audit chain, four-eyes, OpenAPI', () => {
  let api: ApiTestApp;
  let tokens: TestTokens;
  let document: OpenApiDocument;
  let operations: Operation[];
  let access: Map<string, RouteAccess>;
  /** Member of tenant B only, with every role but admin: only tenant isolation can stop it. */
  let intruder: Headers;
  let teamA: Headers;
  /** Real records of tenant A that the paths and bodies name. */
  const keys = { definition: '', instance: '', feeInstance: '', task: '', elementInstance: '', incident: '', job: '', deployment: '', document: '' };

  beforeAll(async () => {
    api = await ApiTestApp.start();
    tokens = TestTokens.of(api.app);
    await api.tenant(A);
    await api.tenant(B);
    intruder = await api.user('mallory', ['designer', 'caseworker', 'team', 'intake', 'worker'], { [B]: ['bauamt', 'standesamt'] });
    teamA = await api.user('tom', ['team'], { [A]: [] });
    await api.user('anna', ['caseworker'], { [A]: ['bauamt'] });

    const definitions = await api.deploy(A, 'building-permit.bpmn', ['check-application.form', 'approve-permit.form']);
    await api.deploy(A, 'storm-warning.bpmn');
    keys.definition = definitions['building-permit'];
    // the deployment with the forms, so that reading its resources would return tenant A's files
    keys.deployment = (await api.owner.query<{ key: string }>('SELECT deployment_key AS key FROM process_definition WHERE tenant_id = $1 AND key = $2', [A, keys.definition])).rows[0].key;
    keys.instance = await api.start(A, 'building-permit', { applicant: 'Erika Mustermann', applicationId: 'A-1' });
    keys.task = await api.taskKey(A, keys.instance, 'check');
    keys.elementInstance = (await api.owner.query<{ key: string }>(`SELECT key FROM element_instance WHERE tenant_id = $1 AND process_instance_key = $2 AND element_id = 'check'`, [A, keys.instance])).rows[0].key;
    // an instance waiting for the fee under the correlation key the document's example uses
    keys.feeInstance = await waitingForFee(api, A, 'BG-2026-0042');
    // an incident: the notification job failed without retries left
    const failing = await waitingForFee(api, A, 'A-incident');
    await api.runtime.correlateMessage(A, { name: 'fee-paid', correlationKey: 'A-incident' });
    const failed = await api.runtime.failJob(A, await jobKey(api, A, failing), { retries: 0, errorMessage: 'Portal nicht erreichbar' });
    if (failed.rejected) throw new Error(failed.reason);
    keys.incident = (await api.owner.query<{ key: string }>('SELECT key FROM incident WHERE tenant_id = $1', [A])).rows[0].key;
    // an open job of tenant A
    const notifying = await waitingForFee(api, A, 'A-job');
    await api.runtime.correlateMessage(A, { name: 'fee-paid', correlationKey: 'A-job' });
    keys.job = await jobKey(api, A, notifying);
    // a rendered document of tenant A
    keys.document = '6f1c2a7e-3b1d-4c55-9a43-2f7f0b6a1d10';
    await api.owner.query(
      `INSERT INTO document (tenant_id, id, process_instance_key, template, name, media_type, sha256, size, content) VALUES ($1, $2, $3, 'fee-notice', 'Gebührenbescheid Erika Mustermann.pdf', 'application/pdf', $4, 4, '\\x25504446')`,
      [A, keys.document, keys.instance, 'a'.repeat(64)],
    );

    document = (await api.http.get('/api/docs-json')).body as OpenApiDocument;
    operations = operationsOf(document);
    access = routeAccessByOperationId(api.app);
  });
  afterAll(async () => api.close());

  /** Every row the API may change, plus tenants, memberships and the audit log (after the chainer caught up). */
  async function fingerprint(): Promise<Record<string, string>> {
    await api.app.get(AuditChainerLifecycle).chainer.drain();
    const digests = await api.fingerprint();
    for (const table of ['tenant', 'tenant_member', 'audit_entry']) {
      const { rows } = await api.owner.query<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`);
      digests[table] = rows[0].digest;
    }
    return digests;
  }

  /** The path of an operation with tenant A's records in it (and `tenantId` as given). */
  function pathFor(op: Operation, tenantId: string): string {
    const resource = op.path.slice(TENANT_PREFIX.length).split('/')[1] ?? '';
    const keyOf: Record<string, string> = {
      'process-definitions': keys.definition,
      'process-instances': keys.instance,
      'user-tasks': keys.task,
      incidents: keys.incident,
      deployments: keys.deployment,
      jobs: keys.job,
    };
    return op.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      switch (name) {
        case 'tenantId':
          return tenantId;
        case 'processId':
          return 'building-permit';
        case 'subject':
          return 'anna';
        case 'documentId':
          return keys.document;
        case 'deploymentKey':
          return keys.deployment;
        case 'routeId':
          return 'bewohnerparkausweis';
        case 'name':
          return '01-plauen-halter-ausweis-erinnerung.yaml';
        // The intake's routes carry no tenant; intake/submissions.e2e.spec.ts tries them across tenants.
        case 'submissionId':
          return '2f1c0b7e-0f8e-4a5e-9c39-5d1d9b2f7a10';
        case 'attachmentId':
          return 'impfpass-1';
        case 'key': {
          const key = op.path.startsWith('/api/v1/jobs') ? keys.job : keyOf[resource];
          if (!key) throw new Error(`No tenant-A record for {key} in ${op.path}: add one to the adversarial suite.`);
          return key;
        }
        default:
          throw new Error(`No value for path parameter {${name}} of ${op.id}: add one to the adversarial suite.`);
      }
    });
  }

  /** A body that passes validation and, were it accepted, would change tenant A's rows. */
  function bodyFor(op: Operation): unknown {
    const content = op.operation.requestBody?.content;
    if (!content) return undefined;
    const schema = (content['application/json'] ?? Object.values(content)[0]).schema;
    return sampleOf(document, schema, {
      content: fixture('building-permit.bpmn').replace('Antrag prüfen', 'Antrag prüfen (geändert)'),
      resourceName: 'building-permit.bpmn',
      resources: [],
      targetProcessDefinitionKey: keys.definition,
      processInstanceKeys: [keys.instance],
      mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }],
      activate: [{ elementId: 'approve' }],
      terminate: [keys.elementInstance],
      assignee: 'mallory',
      name: op.id === 'MessagesController_broadcast' ? 'storm-warning' : 'fee-paid',
      correlationKey: 'BG-2026-0042',
      tenantId: A,
      processId: 'building-permit',
      type: 'portal.notify',
      worker: 'mallory-worker',
      hold: true,
      variables: { documentsComplete: true },
    });
  }

  /** Required query parameters that name tenant A's records (the others take the document's example). */
  const QUERY_VALUES: Record<string, string> = { tenantId: A, name: 'check-application.form' };

  function call(op: Operation, path: string, who: Headers): Promise<Response> {
    const query = Object.fromEntries((op.operation.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => [p.name, QUERY_VALUES[p.name] ?? String(p.example ?? p.schema?.example ?? 'x')]));
    const body = bodyFor(op);
    const request = api.http[op.method](path).query(query).set(who);
    return body === undefined ? request : request.send(body as object);
  }

  function refusal(response: Response): [number, boolean, boolean] {
    const problem = String(response.headers['content-type']).startsWith('application/problem+json');
    return [response.status, problem, typeof (response.body as { type?: unknown }).type === 'string'];
  }

  const tenantOperations = (): Operation[] => operations.filter((op) => op.path.startsWith(`${TENANT_PREFIX}/`) || op.path === TENANT_PREFIX);

  describe('cross-tenant access through every endpoint', () => {
    it('refuses every tenant operation on tenant A to a member of tenant B only, with 403/404 problem+json and no change', async () => {
      const ops = tenantOperations();
      expect(ops.length).toBeGreaterThanOrEqual(25);
      const before = await fingerprint();
      const answers: Record<string, unknown> = {};
      for (const op of ops) {
        const response = await call(op, pathFor(op, A), intruder);
        const [status, problem, typed] = refusal(response);
        answers[op.id] = [[403, 404].includes(status), problem, typed];
      }
      expect(answers).toEqual(Object.fromEntries(ops.map((op) => [op.id, [true, true, true]])));
      expect(await fingerprint()).toEqual(before);
    });

    it('refuses tenant A’s records addressed through tenant B’s own URLs (keys in path or body)', async () => {
      const ops = tenantOperations().filter((op) => /\{(key|processId|subject|documentId|deploymentKey)\}/.test(op.path) || op.id === 'ProcessInstanceCommandsController_migrate');
      expect(ops.length).toBeGreaterThanOrEqual(15);
      const before = await fingerprint();
      const answers: Record<string, unknown> = {};
      for (const op of ops) {
        const response = await call(op, pathFor(op, B), intruder);
        const [status, problem] = refusal(response);
        answers[op.id] = [status >= 400 && status < 500, problem];
        if (op.method === 'get') expect([op.id, JSON.stringify(response.body)]).not.toEqual([op.id, expect.stringContaining('Erika Mustermann')]);
      }
      expect(answers).toEqual(Object.fromEntries(ops.map((op) => [op.id, [true, true]])));
      expect(await fingerprint()).toEqual(before);
    });

    it('refuses tenant A through the routes that take the tenant in the query or body', async () => {
      const before = await fingerprint();
      const verify = await api.http.get('/api/v1/audit/verify').query({ tenantId: A }).set(intruder);
      expect(refusal(verify)).toEqual([404, true, true]);
      const scenario = await api.http.post('/api/v1/scenario-runs').set(intruder).send({ tenantId: A, processId: 'building-permit', scenario: 'name: probe\nsteps: []\n' });
      expect(refusal(scenario)).toEqual([404, true, true]);
      const tenants = await api.http.get('/api/v1/tenants').set(intruder);
      expect((tenants.body as { id: string }[]).map((tenant) => tenant.id)).toEqual([B]);
      expect(await fingerprint()).toEqual(before);
    });

    // Regression: the job-worker API once handed out and settled jobs of every tenant.
    it('refuses tenant A’s jobs to a worker of tenant B only', async () => {
      const before = await fingerprint();
      const activated = await api.http.post('/api/v1/jobs/activate').set(intruder).send({ type: 'portal.notify', worker: 'mallory-worker', maxJobs: 10, lockDurationMs: 1000 });
      expect((activated.body as { jobs: unknown[] }).jobs).toEqual([]);
      for (const action of ['complete', 'fail', 'error', 'extend-lock']) {
        const op = operations.find((candidate) => candidate.path === `/api/v1/jobs/{key}/${action}`);
        if (!op) throw new Error(`no job operation ${action}`);
        expect([404, 409]).toContain((await call(op, pathFor(op, B), intruder)).status);
      }
      expect(await fingerprint()).toEqual(before);
    });

    it('covers every secured operation of the document', () => {
      const coveredElsewhere = ['AuditController_verify', 'ScenarioRunsController_run', 'TenantsController_list', 'TenantsController_create', 'JobsController_activate', 'JobsController_complete', 'JobsController_fail', 'JobsController_throwError', 'JobsController_extendLock', 'SubmissionsController_submit', 'SubmissionsController_status', 'SubmissionsController_attachment'];
      const covered = new Set([...tenantOperations().map((op) => op.id), ...coveredElsewhere, ...PUBLIC_OPERATIONS]);
      expect(operations.map((op) => op.id).filter((id) => !covered.has(id))).toEqual([]);
    });
  });

  describe('role escalation', () => {
    it('knows the access rule of every operation from the guard’s own metadata', () => {
      expect(operations.map((op) => op.id).filter((id) => !access.has(id))).toEqual([]);
      expect(operations.filter((op) => access.get(op.id)?.public).map((op) => op.id).sort()).toEqual([...PUBLIC_OPERATIONS].sort());
      expect(operations.filter((op) => !access.get(op.id)?.public && access.get(op.id)?.roles.length === 0).map((op) => op.id).sort()).toEqual([...ANY_ROLE_OPERATIONS].sort());
      // and the document marks exactly the non-public ones as needing the bearer token
      for (const op of operations) expect([op.id, Boolean(op.operation.security?.length)]).toEqual([op.id, !access.get(op.id)?.public]);
    });

    it('refuses every operation with 403 to each role it does not allow, changing nothing', async () => {
      const tokensByRole = new Map<Role, Headers>();
      for (const role of ROLES) tokensByRole.set(role, await api.user(`escalating-${role}`, [role], { [A]: ['bauamt', 'standesamt'] }));
      const restricted = operations.filter((op) => (access.get(op.id)?.roles.length ?? 0) > 0);
      expect(restricted.length).toBeGreaterThanOrEqual(30);
      const before = await fingerprint();
      const answers: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      let cases = 0;
      for (const op of restricted) {
        const allowed = access.get(op.id)?.roles ?? [];
        for (const role of ROLES.filter((candidate) => !allowed.includes(candidate))) {
          const response = await call(op, pathFor(op, A), tokensByRole.get(role) as Headers);
          answers[`${op.id} as ${role}`] = [response.status, (response.body as { type?: string }).type];
          expected[`${op.id} as ${role}`] = [403, 'urn:laufweg:problem:forbidden'];
          cases += 1;
        }
      }
      expect(answers).toEqual(expected);
      expect(cases).toBeGreaterThanOrEqual(100);
      expect(await fingerprint()).toEqual(before);
    });

    it('answers 401 to wrong-audience, wrong-issuer, expired and forged tokens, even claiming admin', async () => {
      const claims = { sub: 'ada', name: 'Ada', roles: ['admin'] };
      const bad: Record<string, string> = {
        'wrong audience': await tokens.mint(claims, { audience: 'some-other-app' }),
        'wrong issuer': await tokens.mint(claims, { issuer: 'https://idp.example/realms/other' }),
        expired: await tokens.mint(claims, { expiresInSeconds: -60 }),
        forged: await tokens.forged(claims),
        'unknown key id': await tokens.forged(claims, { kid: 'not-published' }),
        'not a JWT': 'definitely.not.ajwt',
      };
      const sample = ['ProcessInstancesController_search', 'UserTasksController_claim', 'ProcessInstanceCommandsController_cancel', 'DeploymentsController_deploy', 'TenantsController_create', 'TenantMembersController_put', 'AuditController_list', 'JobsController_activate'].map((id) => {
        const op = operations.find((candidate) => candidate.id === id);
        if (!op) throw new Error(`operation ${id} is not in the document`);
        return op;
      });
      const before = await fingerprint();
      const answers: Record<string, unknown> = {};
      for (const [name, token] of Object.entries(bad)) {
        for (const op of sample) {
          const response = await call(op, pathFor(op, A), { authorization: `Bearer ${token}` });
          answers[`${op.id} ${name}`] = [response.status, (response.body as { type?: string }).type, String(response.headers['www-authenticate']).startsWith('Bearer')];
        }
      }
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, [401, 'urn:laufweg:problem:unauthorized', true]])));
      expect(await fingerprint()).toEqual(before);
    });
  });

  describe('audit log tampering', () => {
    const verify = async (): Promise<{ ok: boolean; firstBrokenSeq?: number; reason?: string; entries: number }> => {
      const response = await api.http.get('/api/v1/audit/verify').query({ tenantId: A }).set(teamA);
      expect(response.status).toBe(200);
      return response.body as { ok: boolean; firstBrokenSeq?: number; reason?: string; entries: number };
    };

    beforeAll(async () => {
      // some state-changing requests of tenant A in the chain
      expect((await api.http.post(`/api/v1/tenants/${A}/process-instances/${keys.feeInstance}/legal-hold`).set(teamA).send({ hold: true })).status).toBe(200);
      expect((await api.http.post(`/api/v1/tenants/${A}/process-instances/${keys.feeInstance}/legal-hold`).set(teamA).send({ hold: false })).status).toBe(200);
      await api.app.get(AuditChainerLifecycle).chainer.drain();
    });

    it('does not let the application role change, delete or truncate audit entries', async () => {
      const app = new Pool({ connectionString: api.appUrl, max: 1 });
      app.on('error', () => undefined);
      try {
        await expect(app.query(`UPDATE audit_entry SET details = '{}' WHERE tenant_id = $1 AND seq = 1`, [A])).rejects.toThrow(/permission denied/);
        await expect(app.query('DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 1', [A])).rejects.toThrow(/permission denied/);
        await expect(app.query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
      } finally {
        await app.end();
      }
      expect(await verify()).toEqual(expect.objectContaining({ ok: true }));
    });

    it('names the first broken seq after the owner changed one entry, and after the owner deleted one', async () => {
      const intact = await verify();
      expect(intact.ok).toBe(true);
      expect(intact.entries).toBeGreaterThanOrEqual(6);

      const original = await api.owner.query<{ details: unknown }>('SELECT details FROM audit_entry WHERE tenant_id = $1 AND seq = 3', [A]);
      await api.owner.query(`UPDATE audit_entry SET details = jsonb_build_object('tampered', true) WHERE tenant_id = $1 AND seq = 3`, [A]);
      expect(await verify()).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 3, reason: expect.stringContaining('entry 3 was changed') }));
      await api.owner.query('UPDATE audit_entry SET details = $2 WHERE tenant_id = $1 AND seq = 3', [A, JSON.stringify(original.rows[0].details)]);
      expect(await verify()).toEqual(expect.objectContaining({ ok: true }));

      await api.owner.query('DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 5', [A]);
      expect(await verify()).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 5, reason: expect.stringContaining('entry 5 is missing') }));
    });
  });

  describe('four-eyes rule', () => {
    it('refuses the approval to the caseworker who did the check (403 four-eyes, nothing changed) and lets a second caseworker approve', async () => {
      const carla = await api.user('carla.sachbearbeitung', ['caseworker'], { [A]: ['bauamt'] });
      const carl = await api.user('carl.sachbearbeitung', ['caseworker'], { [A]: ['bauamt'] });
      const base = `/api/v1/tenants/${A}/user-tasks`;
      const instance = await api.start(A, 'building-permit', { applicant: 'Max Mustermann', applicationId: 'A-4eyes' });
      const check = await api.taskKey(A, instance, 'check');
      expect((await api.http.post(`${base}/${check}/claim`).set(carla)).status).toBe(204);
      expect((await api.http.post(`${base}/${check}/complete`).set(carla).send({ variables: { documentsComplete: true, fee: 120 } })).status).toBe(204);

      const approve = await api.taskKey(A, instance, 'approve');
      expect((await api.http.post(`${base}/${approve}/claim`).set(carla)).status).toBe(204);
      const before = await fingerprint();
      const sameEyes = await api.http.post(`${base}/${approve}/complete`).set(carla).send({ variables: { decision: 'approved' } });
      expect(refusal(sameEyes)).toEqual([403, true, true]);
      expect(sameEyes.body).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:four-eyes', elementId: 'approve' }));
      expect(await fingerprint()).toEqual(before);

      expect((await api.http.post(`${base}/${approve}/unclaim`).set(carla)).status).toBe(204);
      expect((await api.http.post(`${base}/${approve}/claim`).set(carl)).status).toBe(204);
      expect((await api.http.post(`${base}/${approve}/complete`).set(carl).send({ variables: { decision: 'approved' } })).status).toBe(204);
      const { rows } = await api.owner.query('SELECT element_id FROM element_instance WHERE tenant_id = $1 AND process_instance_key = $2 AND key <> $2', [A, instance]);
      expect(rows).toEqual([{ element_id: 'awaitFee' }]);
    });
  });

  describe('the OpenAPI document', () => {
    const responses = { type: 'object', minProperties: 1, propertyNames: { pattern: '^([1-5][0-9][0-9]|[1-5]XX|default)$' }, additionalProperties: { type: 'object', required: ['description'] } };
    const parameter = {
      type: 'object',
      required: ['name', 'in'],
      properties: { name: { type: 'string', minLength: 1 }, in: { enum: ['path', 'query', 'header', 'cookie'] }, required: { type: 'boolean' } },
      if: { properties: { in: { const: 'path' } } },
      then: { required: ['name', 'in', 'required'], properties: { required: { const: true } } },
    };
    const operation = {
      type: 'object',
      required: ['responses', 'operationId'],
      properties: {
        operationId: { type: 'string', minLength: 1 },
        parameters: { type: 'array', items: parameter },
        requestBody: { type: 'object', required: ['content'], properties: { content: { type: 'object', minProperties: 1 } } },
        responses,
        security: { type: 'array', items: { type: 'object' } },
      },
    };
    /** The essentials of OpenAPI 3.0 the document must satisfy. */
    const openApi30 = {
      type: 'object',
      required: ['openapi', 'info', 'paths'],
      properties: {
        openapi: { type: 'string', pattern: '^3\\.0\\.[0-9]+$' },
        info: { type: 'object', required: ['title', 'version'], properties: { title: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } } },
        paths: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^/' },
          additionalProperties: {
            type: 'object',
            propertyNames: { enum: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'parameters', 'summary', 'description', 'servers', '$ref'] },
            properties: Object.fromEntries(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].map((method) => [method, operation])),
          },
        },
        components: {
          type: 'object',
          properties: {
            schemas: { type: 'object', additionalProperties: { type: 'object' } },
            securitySchemes: { type: 'object', additionalProperties: { type: 'object', required: ['type'], properties: { type: { enum: ['apiKey', 'http', 'oauth2', 'openIdConnect'] } } } },
          },
        },
      },
    };

    it('validates against the OpenAPI 3.0 essentials', () => {
      const validate = new Ajv({ allErrors: true, strict: false }).compile(openApi30);
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    });

    it('has unique operationIds, resolvable $refs, declared path parameters and known security schemes', () => {
      const ids = operations.map((op) => op.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);

      const refs: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === '$ref' && typeof value === 'string') refs.push(value);
            else walk(value);
          }
        }
      };
      walk(document);
      expect(refs.length).toBeGreaterThan(20);
      expect(refs.filter((ref) => !ref.startsWith('#/components/') || resolvePointer(document, ref) === undefined)).toEqual([]);

      for (const op of operations) {
        const declared = (op.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
        const templated = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect([op.id, declared]).toEqual([op.id, templated]);
      }

      const schemes = Object.keys(document.components.securitySchemes ?? {});
      const used = new Set(operations.flatMap((op) => (op.operation.security ?? []).flatMap((requirement) => Object.keys(requirement))));
      expect(used.size).toBeGreaterThan(0);
      expect([...used].filter((name) => !schemes.includes(name))).toEqual([]);
    });

    it('lists exactly the routes the application dispatches (besides the docs and the web app)', () => {
      const served = expressRoutes(api.app)
        .filter((route) => !/ \/api\/docs/.test(route) && !route.endsWith(' /') && !route.includes('{*path}'))
        .sort();
      const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`).sort();
      expect(served.length).toBeGreaterThanOrEqual(40);
      expect(documented).toEqual(served);
    });
  });
});
