import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { EngineRuntime } from '../runtime/engine-runtime';
import { AuditChainer } from './audit-chainer';
import { runInAuditContext } from './audit-context';
import { appendAuditEntry } from './audit-log';
import { queryAuditEntries, verifyStoredChain } from './audit-reader';

const TENANT = 'plauen';
const xml = readFileSync(join(__dirname, 'fixtures', 'check-and-decide.bpmn'), 'utf8');

describe('chaining engine events into the audit log', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  const now = Date.parse('2026-11-28T09:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 12 });
    // As in the service: an idle connection the server closes is dropped, not a crash of the process.
    pool.on('error', () => undefined);
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Plauen'), ('zwickau', 'Stadt Zwickau')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => now });
    for (const tenantId of [TENANT, 'zwickau']) expect((await runtime.deploy({ tenantId, resourceName: 'check-and-decide.bpmn', content: xml })).ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function startAndCheck(tenantId: string, applicant: string): Promise<string> {
    const started = await runtime.startInstance(tenantId, { processId: 'check-and-decide', variables: { applicant } });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    const job = await pool.query<{ key: string }>('SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2', [tenantId, rootKey]);
    await runtime.completeJob(tenantId, job.rows[0].key, { complete: true, note: `${applicant} ist bekannt` });
    return rootKey;
  }

  async function chainedEventSeqs(tenantId: string): Promise<string[]> {
    const { rows } = await pool.query<{ event_seq: string }>(`SELECT details ->> 'eventSeq' AS event_seq FROM audit_entry WHERE tenant_id = $1 AND action LIKE 'engine.%' ORDER BY seq`, [tenantId]);
    return rows.map((row) => row.event_seq);
  }

  async function eventSeqs(tenantId: string): Promise<string[]> {
    const { rows } = await pool.query<{ seq: string }>('SELECT seq FROM instance_event WHERE tenant_id = $1 ORDER BY seq', [tenantId]);
    return rows.map((row) => row.seq);
  }

  it('appends one entry per event, with the skeleton and without personal data', async () => {
    // given an instance that ran a job with personal data, started by the engine's own work
    const rootKey = await startAndCheck(TENANT, 'Erika Mustermann');
    // when the chainer runs
    await new AuditChainer(pool).drain();
    // then every event has its entry, in order, with the process instance as target
    expect(await chainedEventSeqs(TENANT)).toEqual(await eventSeqs(TENANT));
    const page = await queryAuditEntries(pool, TENANT, { limit: 100, targetKind: 'process-instance', targetKey: rootKey });
    const completed = page.items.find((entry) => entry.action === 'engine.JobCompleted');
    expect(completed).toEqual(expect.objectContaining({ actor: 'engine', role: null, requestId: null, details: expect.objectContaining({ rootKey, key: expect.any(String) }) }));
    const variable = page.items.find((entry) => entry.action === 'engine.VariableSet');
    expect(variable?.details).toEqual(expect.objectContaining({ name: 'applicant' }));
    expect(JSON.stringify(page.items)).not.toContain('Erika');
    expect(page.items.find((entry) => entry.action === 'engine.UserTaskCreated')?.details).toEqual(expect.objectContaining({ userTask: expect.objectContaining({ elementId: 'decide' }) }));
    expect(await verifyStoredChain(pool, TENANT)).toEqual(expect.objectContaining({ ok: true }));
    // and running again appends nothing
    expect(await new AuditChainer(pool).runOnce()).toBe(0);
  });

  it('records who caused the events and in which request', async () => {
    // given a command run on behalf of a caller
    const { rows } = await pool.query<{ key: string }>('SELECT key FROM user_task WHERE tenant_id = $1', [TENANT]);
    await runInAuditContext({ actor: 'sachbearbeiterin-1', roles: ['caseworker', 'team'], requestId: 'req-42' }, () => runtime.completeUserTask(TENANT, rows[0].key, { approved: true }));
    // when chained
    await new AuditChainer(pool).drain();
    // then its events carry the caller, the roles and the request id
    const page = await queryAuditEntries(pool, TENANT, { limit: 100, action: 'engine.UserTaskCompleted' });
    expect(page.items).toEqual([expect.objectContaining({ actor: 'sachbearbeiterin-1', role: 'caseworker,team', requestId: 'req-42' })]);
    // and the next command outside a request is the engine's again
    const rootKey = await startAndCheck(TENANT, 'Max Mustermann');
    await new AuditChainer(pool).drain();
    const later = await queryAuditEntries(pool, TENANT, { limit: 100, targetKey: rootKey, targetKind: 'process-instance' });
    expect(new Set(later.items.map((entry) => entry.actor))).toEqual(new Set(['engine']));
  });

  it('never passes an event whose transaction commits late', async () => {
    // given a transaction that appended an event and stays open
    const late = await pool.connect();
    await late.query('BEGIN');
    await late.query(`INSERT INTO instance_event (tenant_id, root_key, position, type, v, payload) VALUES ($1, 1, 1, 'ElementActivated', 1, '{"type":"ElementActivated","v":1,"key":"1"}')`, ['zwickau']);
    // and a command that commits afterwards, with higher seqs
    await startAndCheck('zwickau', 'Lena Beispiel');
    // when the chainer runs while the first is still open, it stops before both
    await new AuditChainer(pool).runOnce();
    expect(await chainedEventSeqs('zwickau')).toEqual([]);
    // then after the late commit, every event is chained exactly once
    await late.query('COMMIT');
    late.release();
    await new AuditChainer(pool).drain();
    expect([...(await chainedEventSeqs('zwickau'))].sort()).toEqual([...(await eventSeqs('zwickau'))].sort());
    expect(await verifyStoredChain(pool, 'zwickau')).toEqual(expect.objectContaining({ ok: true }));
  });

  it('chains each event once with two chainers running side by side while commands and requests append', async () => {
    // given two chainers on their intervals, as in two engine processes
    const chainers = [new AuditChainer(pool, { batchSize: 7 }), new AuditChainer(pool, { batchSize: 5 })];
    for (const chainer of chainers) chainer.start(1);
    // when instances run and requests append entries at the same time
    await Promise.all([
      ...Array.from({ length: 12 }, (_, index) => startAndCheck(index % 2 === 0 ? TENANT : 'zwickau', `Person ${index}`)),
      ...Array.from({ length: 10 }, (_, index) => appendAuditEntry(pool, TENANT, { at: new Date(now), actor: 'admin-1', role: 'admin', action: `POST /api/v1/test/${index}`, targetKind: null, targetKey: null, requestId: `r-${index}`, details: {} })),
    ]);
    for (const chainer of chainers) await chainer.stop();
    await Promise.all(chainers.map((chainer) => chainer.drain()));
    // then every event of each tenant is chained exactly once and both chains hold
    for (const tenantId of [TENANT, 'zwickau']) {
      const chained = await chainedEventSeqs(tenantId);
      expect(new Set(chained).size).toBe(chained.length);
      expect([...chained].sort()).toEqual([...(await eventSeqs(tenantId))].sort());
      expect(await verifyStoredChain(pool, tenantId)).toEqual(expect.objectContaining({ ok: true }));
    }
  });
});
