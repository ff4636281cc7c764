import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { queryAuditEntries, verifyStoredChain } from '../audit/audit-reader';
import { EngineRuntime } from '../runtime/engine-runtime';
import { setLegalHold } from './legal-hold';
import { RetentionSweeper } from './retention-sweeper';

const TENANT = 'goerlitz';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

interface StoredEvent {
  type: string;
  payload: Record<string, unknown>;
}

describe('GDPR retention on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let now = Date.parse('2023-01-10T09:00:00Z');
  const keys: Record<string, string> = {};
  const before: Record<string, StoredEvent[]> = {};

  async function eventsOf(rootKey: string): Promise<StoredEvent[]> {
    const { rows } = await pool.query<StoredEvent>('SELECT type, payload FROM instance_event WHERE tenant_id = $1 AND root_key = $2 ORDER BY position', [TENANT, rootKey]);
    return rows;
  }

  async function start(processId: string, variables: Record<string, string>): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId, variables });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function completeTask(rootKey: string, variables: Record<string, string>): Promise<void> {
    const task = await pool.query<{ key: string }>('SELECT key FROM user_task WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    await runtime.completeUserTask(TENANT, task.rows[0].key, variables);
  }

  /** A certificate order through a failed lookup (incident), a retry, the lookup and the approval. */
  async function orderCertificate(applicant: string): Promise<string> {
    const rootKey = await start('certificate-order', { applicant, birthDate: '1990-04-01' });
    const job = await pool.query<{ key: string }>('SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    await runtime.failJob(TENANT, job.rows[0].key, { retries: 0, errorMessage: `No register entry for ${applicant}` });
    const incident = await pool.query<{ key: string }>('SELECT key FROM incident WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    await runtime.resolveIncident(TENANT, incident.rows[0].key, 1);
    await runtime.completeJob(TENANT, job.rows[0].key, { registerNumber: 'G 123/1990', holder: applicant });
    await completeTask(rootKey, { decision: 'approved', comment: `${applicant} identified` });
    return rootKey;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Görlitz'), ('bautzen', 'Stadt Bautzen')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => now });
    for (const name of ['certificate-order', 'dog-registration', 'parking-permit']) {
      expect((await runtime.deploy({ tenantId: TENANT, resourceName: `${name}.bpmn`, content: fixture(`${name}.bpmn`) })).ok).toBe(true);
    }
    // given, in January 2023: an order that ended (P2Y), one on legal hold, a permit with an invalid period, one still running
    keys.old = await orderCertificate('Erika Mustermann');
    keys.held = await orderCertificate('Max Mustermann');
    keys.permit = await start('parking-permit', { plate: 'GR-AB 123' });
    await completeTask(keys.permit, { approved: 'yes' });
    keys.running = await start('certificate-order', { applicant: 'Lena Beispiel' });
    // in October 2025 and February 2026: dog registrations (tenant default P1Y)
    now = Date.parse('2025-10-01T09:00:00Z');
    keys.dogOld = await start('dog-registration', { owner: 'Hans Hundehalter' });
    await completeTask(keys.dogOld, { taxClass: 'first dog' });
    now = Date.parse('2026-02-01T09:00:00Z');
    keys.dogRecent = await start('dog-registration', { owner: 'Ines Hundehalterin' });
    await completeTask(keys.dogRecent, { taxClass: 'first dog' });
    // in June 2026: an order within its two years
    now = Date.parse('2026-06-01T09:00:00Z');
    keys.recent = await orderCertificate('Jonas Neu');
    const hold = await setLegalHold(pool, { tenantId: TENANT, processInstanceKey: keys.held, hold: true, audit: { at: new Date(now), actor: 'admin-1', role: 'admin', requestId: 'req-hold' } });
    expect(hold).toEqual({ processInstanceKey: keys.held, legalHold: true, erasedAt: null });
    for (const [name, key] of Object.entries(keys)) before[name] = await eventsOf(key);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('erases the instances past their retention, and only those', async () => {
    // when the retention job runs on 28 November 2026
    const report = await new RetentionSweeper(pool).run(new Date('2026-11-28T03:00:00Z'));
    // then the order of 2023 (P2Y) and the dog registration of 2025 (tenant default P1Y) are erased
    expect(report.erased.map((erased) => [erased.processInstanceKey, erased.retention]).sort()).toEqual([[keys.old, 'P2Y'], [keys.dogOld, 'P1Y']].sort());
    expect(report.invalid).toEqual([expect.objectContaining({ processId: 'parking-permit', retention: 'zwei Jahre' })]);
    const erasedAt = await pool.query<{ key: string }>('SELECT key FROM process_instance WHERE tenant_id = $1 AND erased_at IS NOT NULL ORDER BY key', [TENANT]);
    expect(erasedAt.rows.map((row) => row.key).sort()).toEqual([keys.old, keys.dogOld].sort());
    // and the held, recent, running and misconfigured instances are untouched
    for (const name of ['held', 'recent', 'running', 'permit', 'dogRecent']) expect(await eventsOf(keys[name])).toEqual(before[name]);
  });

  it('removes personal values and keeps the procedural skeleton', async () => {
    const after = await eventsOf(keys.old);
    const text = JSON.stringify(after);
    expect(JSON.stringify(before.old)).toContain('Erika');
    for (const value of ['Erika', '1990-04-01', 'G 123/1990', 'approved']) expect(text).not.toContain(value);
    // the same events in the same order, which element ran, and who completed
    expect(after.map((event) => event.type)).toEqual(before.old.map((event) => event.type));
    const skeleton = (events: StoredEvent[]): unknown[] => events.map((event) => [event.payload['key'], event.payload['elementId'], event.payload['name']]);
    expect(skeleton(after)).toEqual(skeleton(before.old));
    const byType = (type: string): Record<string, unknown>[] => after.filter((event) => event.type === type).map((event) => event.payload);
    expect(byType('VariableSet')).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'applicant', value: null })]));
    expect(byType('JobCompleted')).toEqual([expect.objectContaining({ variables: { registerNumber: null, holder: null } })]);
    expect(byType('UserTaskCompleted')).toEqual([expect.objectContaining({ variables: { decision: null, comment: null } })]);
    expect(byType('JobFailed')).toEqual([expect.objectContaining({ errorMessage: '[erased]', retries: 0 })]);
    expect(byType('IncidentCreated')).toEqual([expect.objectContaining({ incident: expect.objectContaining({ message: '[erased]', elementId: 'lookup', errorType: 'JOB_NO_RETRIES' }) })]);
    expect(byType('ElementCompleted').length).toBeGreaterThan(0);
    // and the log still replays to the stored state
    await expect(verifyEveryTreeReplays(pool)).resolves.toBeGreaterThan(0);
  });

  it('records every erasure in the audit log, once', async () => {
    const entries = await queryAuditEntries(pool, TENANT, { limit: 50, action: 'retention.erased' });
    expect(entries.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'retention', targetKind: 'process-instance', targetKey: keys.old, details: expect.objectContaining({ processId: 'certificate-order', retention: 'P2Y', redactedEvents: before.old.length }) }),
        expect.objectContaining({ targetKey: keys.dogOld, details: expect.objectContaining({ retention: 'P1Y' }) }),
      ]),
    );
    expect(entries.items).toHaveLength(2);
    const hold = await queryAuditEntries(pool, TENANT, { limit: 10, action: 'instance.legal-hold' });
    expect(hold.items).toEqual([expect.objectContaining({ actor: 'admin-1', targetKey: keys.held, requestId: 'req-hold', details: { hold: true, rootKey: keys.held } })]);
    // when the job runs again, nothing more is erased or recorded
    expect((await new RetentionSweeper(pool).run(new Date('2026-11-29T03:00:00Z'))).erased).toEqual([]);
    expect((await queryAuditEntries(pool, TENANT, { limit: 50, action: 'retention.erased' })).items).toHaveLength(2);
    expect(await verifyStoredChain(pool, TENANT)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('erases a tree once its legal hold is lifted', async () => {
    await setLegalHold(pool, { tenantId: TENANT, processInstanceKey: keys.held, hold: false, audit: { at: new Date(now), actor: 'admin-1', role: 'admin', requestId: 'req-unhold' } });
    const report = await new RetentionSweeper(pool).run(new Date('2026-11-30T03:00:00Z'));
    expect(report.erased.map((erased) => erased.processInstanceKey)).toEqual([keys.held]);
    expect(await setLegalHold(pool, { tenantId: TENANT, processInstanceKey: '999', hold: true, audit: { at: new Date(now), actor: 'a', role: null, requestId: null } })).toBeUndefined();
  });

  it('lets the application role change the event log only through erase_personal_data', async () => {
    await expect(pool.query(`UPDATE instance_event SET payload = '{}' WHERE tenant_id = $1 AND root_key = $2`, [TENANT, keys.recent])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`DELETE FROM instance_event WHERE tenant_id = $1 AND root_key = $2`, [TENANT, keys.recent])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`SELECT redact_personal_data('{}')`)).rejects.toThrow(/permission denied/);
    // the function refuses a running tree, and a tenant outside the session's scope
    expect((await pool.query('SELECT erase_personal_data($1, $2) AS n', [TENANT, keys.running])).rows).toEqual([{ n: null }]);
    const scoped = new Client({ connectionString: db.tenantScopedUrl });
    await scoped.connect();
    try {
      await scoped.query(`SELECT set_config('laufweg.tenants', 'bautzen', false)`);
      await expect(scoped.query('SELECT erase_personal_data($1, $2)', [TENANT, keys.recent])).rejects.toThrow(/not in this session's scope/);
    } finally {
      await scoped.end();
    }
    expect(await eventsOf(keys.recent)).toEqual(before.recent);
  });

  it('redacts the personal fields of every kind of event', async () => {
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const redact = async (payload: unknown): Promise<unknown> => (await owner.query<{ r: unknown }>('SELECT redact_personal_data($1::jsonb) AS r', [JSON.stringify(payload)])).rows[0].r;
      expect(await redact({ type: 'EventTriggered', v: 1, elementInstanceKey: '7', processInstanceKey: '1', trigger: { elementId: 'answer', variables: { reply: 'Ja' }, interrupting: true } })).toEqual({
        type: 'EventTriggered', v: 1, elementInstanceKey: '7', processInstanceKey: '1', trigger: { elementId: 'answer', variables: { reply: null }, interrupting: true },
      });
      expect(await redact({ type: 'MessagePublished', v: 1, buffered: true, message: { key: '9', name: 'paid', correlationKey: 'Erika-1990', variables: { iban: 'DE02' }, expiresAt: 5 } })).toEqual({
        type: 'MessagePublished', v: 1, buffered: true, message: { key: '9', name: 'paid', correlationKey: '[erased]', variables: { iban: null }, expiresAt: 5 },
      });
      expect(await redact({ type: 'LoopStateUpdated', v: 1, elementInstanceKey: '3', loop: { collection: ['Erika', 'Max'], total: 2, started: 1, completed: 0 } })).toEqual({
        type: 'LoopStateUpdated', v: 1, elementInstanceKey: '3', loop: { collection: [null, null], total: 2, started: 1, completed: 0 },
      });
      expect(await redact({ type: 'MessageSubscriptionCorrelated', v: 1, key: '4', messageName: 'paid', correlationKey: 'Erika-1990' })).toEqual({ type: 'MessageSubscriptionCorrelated', v: 1, key: '4', messageName: 'paid', correlationKey: '[erased]' });
      expect(await redact({ type: 'JobErrorThrown', v: 1, key: '5', errorCode: 'NOT_FOUND', errorMessage: 'Erika unknown' })).toEqual({ type: 'JobErrorThrown', v: 1, key: '5', errorCode: 'NOT_FOUND', errorMessage: '[erased]' });
      const skeleton = { type: 'ElementActivating', v: 1, key: '2', elementId: 'lookup', elementType: 'serviceTask', processId: 'p', processDefinitionKey: '1', processInstanceKey: '1', flowScopeKey: '1' };
      expect(await redact(skeleton)).toEqual(skeleton);
    } finally {
      await owner.end();
    }
  });
});
