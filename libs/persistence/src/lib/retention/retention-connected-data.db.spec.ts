import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '@laufweg/migrations';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { queryAuditEntries, verifyStoredChain } from '../audit/audit-reader';
import { EngineRuntime } from '../runtime/engine-runtime';
import { setLegalHold } from './legal-hold';
import { RetentionSweeper } from './retention-sweeper';

const TENANT = 'goerlitz';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const hex = (bytes: string | Buffer, algorithm: 'sha256' | 'sha512'): string => createHash(algorithm).update(bytes).digest('hex');

interface Tree {
  readonly root: string;
  readonly child: string;
  readonly submissionId: string;
  readonly documentIds: readonly string[];
}

/** Everything the intake and the connectors keep of one tree, as the owner of the tables would see it. */
interface Kept {
  submissions: Record<string, unknown>[];
  attachments: Record<string, unknown>[];
  documents: Record<string, unknown>[];
  records: Record<string, unknown>[];
  payments: Record<string, unknown>[];
}

describe('GDPR retention of what the intake and the connectors keep, on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let owner: Pool;
  let runtime: EngineRuntime;
  let now = Date.parse('2025-01-10T09:00:00Z');
  const trees: Record<string, Tree> = {};
  const before: Record<string, Kept> = {};

  /** A case of the applicant: a submission started it, its child rendered a notice, connectors sent and billed. */
  async function caseOf(applicant: string, tag: string): Promise<Tree> {
    const started = await runtime.startInstance(TENANT, { processId: 'notice-case', variables: { applicant } });
    if (started.rejected) throw new Error(started.reason);
    const root = started.createdRoots[0];
    const child = (await pool.query<{ key: string }>('SELECT key FROM process_instance WHERE tenant_id = $1 AND root_key = $2 AND key <> root_key', [TENANT, root])).rows[0].key;
    const submissionId = `sub-${tag}`;
    const data = JSON.stringify({ applicant, street: 'Berliner Straße 1' });
    await pool.query(
      `INSERT INTO submission (tenant_id, submission_id, case_id, service_id, fingerprint, metadata, data, data_raw, status, receipt, process_instance_key, received_at)
       VALUES ($1, $2, $3, 'urn:de:fim:leika:leistung:99027002012000', $4, $5, $6, $7, 'accepted', $8, $9, $10)`,
      [TENANT, submissionId, `case-${tag}`, hex(data, 'sha512'), { authentication: { name: applicant } }, data, Buffer.from(data), { status: 'accept', submissionId, processInstanceKey: root }, root, new Date(now)],
    );
    const scan = Buffer.from(`%PDF Ausweis ${applicant}`);
    await pool.query(
      `INSERT INTO submission_attachment (tenant_id, submission_id, attachment_id, name, media_type, purpose, size, sha512, content)
       VALUES ($1, $2, 'a1', $3, 'application/pdf', 'attachment', $4, $5, $6)`,
      [TENANT, submissionId, `Ausweis ${applicant}.pdf`, scan.length, hex(scan, 'sha512'), scan],
    );
    const documentIds: string[] = [];
    for (const [key, template] of [[child, 'fee-notice'], [root, 'certificate']]) {
      const id = randomUUID();
      const pdf = Buffer.from(`%PDF ${template} für ${applicant}, Berliner Straße 1`);
      await pool.query(
        `INSERT INTO document (tenant_id, id, process_instance_key, template, name, media_type, sha256, size, content) VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8)`,
        [TENANT, id, key, template, `${template} ${applicant}.pdf`, hex(pdf, 'sha256'), pdf.length, pdf],
      );
      documentIds.push(id);
    }
    const record = `INSERT INTO connector_record (tenant_id, kind, reference, job_key, process_instance_key, payload) VALUES ($1, $2, $3, 1, $4, $5)`;
    await pool.query(record, [TENANT, 'notification', `N-${tag}`, child, { submissionId, caseId: `case-${tag}`, status: 'decided', message: `Guten Tag ${applicant}`, documentIds, sentAt: '2025-01-10T09:00:00.000Z' }]);
    await pool.query(record, [TENANT, 'print-dispatch', `P-${tag}`, child, { documentId: documentIds[0], recipient: applicant, address: [applicant, 'Berliner Straße 1'], queuedAt: '2025-01-10T09:00:00.000Z' }]);
    await pool.query(record, [TENANT, 'receivable', `1100.2025.${tag}`, root, { kind: 'fee', amount: 12, debtor: applicant, cashReference: `1100.2025.${tag}`, dueDate: '2025-02-10' }]);
    await pool.query(
      `INSERT INTO payment_request (tenant_id, request_id, job_key, process_instance_key, amount, purpose, reference, items, status, created_at) VALUES ($1, $2, 2, $3, 12, $4, $5, $6, 'PAID', $7)`,
      [TENANT, `pay-${tag}`, child, `Urkunde für ${applicant}`, `case-${tag} ${applicant}`, JSON.stringify([{ description: `Geburtsurkunde ${applicant}`, amount: 12 }]), new Date(now)],
    );
    const task = await pool.query<{ key: string }>('SELECT key FROM user_task WHERE tenant_id = $1 AND root_key = $2', [TENANT, root]);
    await runtime.completeUserTask(TENANT, task.rows[0].key, { outcome: 'issued' });
    return { root, child, submissionId, documentIds };
  }

  async function keptOf(tree: Tree): Promise<Kept> {
    const instances = [tree.root, tree.child];
    const rows = async (sql: string, values: unknown[]): Promise<Record<string, unknown>[]> => (await owner.query<Record<string, unknown>>(sql, values)).rows;
    return {
      submissions: await rows('SELECT submission_id, case_id, fingerprint, metadata, data, data_raw, status, receipt, erased_at FROM submission WHERE tenant_id = $1 AND submission_id = $2', [TENANT, tree.submissionId]),
      attachments: await rows('SELECT attachment_id, name, size, sha512, content FROM submission_attachment WHERE tenant_id = $1 AND submission_id = $2', [TENANT, tree.submissionId]),
      documents: await rows('SELECT id, template, name, sha256, size, content FROM document WHERE tenant_id = $1 AND process_instance_key = ANY ($2) ORDER BY created_at, id', [TENANT, instances]),
      records: await rows('SELECT kind, reference, payload FROM connector_record WHERE tenant_id = $1 AND process_instance_key = ANY ($2) ORDER BY id', [TENANT, instances]),
      payments: await rows('SELECT request_id, amount, purpose, reference, items, status FROM payment_request WHERE tenant_id = $1 AND process_instance_key = ANY ($2)', [TENANT, instances]),
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Görlitz')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => now });
    for (const name of ['notice-child', 'notice-case']) {
      expect((await runtime.deploy({ tenantId: TENANT, resourceName: `${name}.bpmn`, content: fixture(`${name}.bpmn`) })).ok).toBe(true);
    }
    // given, in January 2025 (tenant default P1Y): a case that ended, and one whose child is on legal hold
    trees.erased = await caseOf('Erika Mustermann', 'old');
    trees.held = await caseOf('Max Mustermann', 'held');
    // and, in June 2026, a case within its year
    now = Date.parse('2026-06-01T09:00:00Z');
    trees.recent = await caseOf('Jonas Neu', 'recent');
    await setLegalHold(pool, { tenantId: TENANT, processInstanceKey: trees.held.child, hold: true, audit: { at: new Date(now), actor: 'admin-1', role: 'admin', requestId: null } });
    for (const [name, tree] of Object.entries(trees)) before[name] = await keptOf(tree);
  });
  afterAll(async () => {
    await pool.end();
    await owner.end();
    await db.drop();
  });

  it('erases the submissions, documents, connector records and payment requests of an erased tree', async () => {
    expect(JSON.stringify(before.erased)).toContain('Erika');
    // when the retention job runs on 28 November 2026
    const report = await new RetentionSweeper(pool).run(new Date('2026-11-28T03:00:00Z'));
    // then only the ended tree without a hold is erased, with everything the intake and the connectors kept
    expect(report.erased).toEqual([
      expect.objectContaining({ processInstanceKey: trees.erased.root, erasedSubmissions: 1, deletedDocuments: 2, redactedConnectorRecords: 3, redactedPaymentRequests: 1 }),
    ]);
    const after = await keptOf(trees.erased);
    expect(JSON.stringify(after)).not.toMatch(/Erika|Berliner/);
    // the submission keeps its ids, fingerprint and receipt (a resend is still recognised), not its content
    const [submission] = before.erased.submissions;
    expect(after.submissions).toEqual([{ ...submission, metadata: null, data: null, data_raw: null, status: 'erased', erased_at: expect.any(Date) }]);
    expect(after.attachments).toEqual([{ ...before.erased.attachments[0], name: '[erased]', content: null }]);
    // the documents are gone, of the child and of the root
    expect(after.documents).toEqual([]);
    // the connector records keep their kind, reference, ids, status, times and amounts
    expect(after.records).toEqual([
      { kind: 'notification', reference: 'N-old', payload: { submissionId: 'sub-old', caseId: 'case-old', status: 'decided', message: null, documentIds: trees.erased.documentIds, sentAt: '2025-01-10T09:00:00.000Z' } },
      { kind: 'print-dispatch', reference: 'P-old', payload: { documentId: trees.erased.documentIds[0], recipient: null, address: null, queuedAt: '2025-01-10T09:00:00.000Z' } },
      { kind: 'receivable', reference: '1100.2025.old', payload: { kind: 'fee', amount: 12, debtor: null, cashReference: '1100.2025.old', dueDate: '2025-02-10' } },
    ]);
    expect(after.payments).toEqual([{ request_id: 'pay-old', amount: '12.00', purpose: '[erased]', reference: '[erased]', items: [{ description: '[erased]', amount: 12 }], status: 'PAID' }]);
  });

  it('leaves a tree under legal hold and a tree not yet due untouched', async () => {
    expect(await keptOf(trees.held)).toEqual(before.held);
    expect(await keptOf(trees.recent)).toEqual(before.recent);
    expect(JSON.stringify(await keptOf(trees.held))).toContain('Max Mustermann');
  });

  it('records the erasure and the deleted documents, without personal data, once', async () => {
    const entries = await queryAuditEntries(pool, TENANT, { limit: 10, action: 'retention.erased' });
    const documents = before.erased.documents.map((document) => ({ id: document['id'], template: document['template'], sha256: document['sha256'], size: document['size'], createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) }));
    expect(entries.items).toEqual([
      expect.objectContaining({
        actor: 'retention',
        targetKey: trees.erased.root,
        details: expect.objectContaining({ erasedSubmissions: 1, deletedDocuments: documents, redactedConnectorRecords: 3, redactedPaymentRequests: 1 }),
      }),
    ]);
    expect(JSON.stringify(entries.items)).not.toMatch(/Erika|Berliner/);
    // when the job runs again, nothing more is erased or recorded
    expect((await new RetentionSweeper(pool).run(new Date('2026-11-29T03:00:00Z'))).erased).toEqual([]);
    expect((await queryAuditEntries(pool, TENANT, { limit: 10, action: 'retention.erased' })).items).toHaveLength(1);
    expect(await verifyStoredChain(pool, TENANT)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('lets the application role change these tables only through the erasure', async () => {
    const recent = [trees.recent.root, trees.recent.child];
    for (const statement of [
      `UPDATE connector_record SET payload = '{}' WHERE tenant_id = $1 AND process_instance_key = ANY ($2)`,
      `DELETE FROM connector_record WHERE tenant_id = $1 AND process_instance_key = ANY ($2)`,
      `DELETE FROM document WHERE tenant_id = $1 AND process_instance_key = ANY ($2)`,
      `UPDATE payment_request SET purpose = '' WHERE tenant_id = $1 AND process_instance_key = ANY ($2)`,
    ]) {
      await expect(pool.query(statement, [TENANT, recent])).rejects.toThrow(/permission denied/);
    }
    await expect(pool.query(`SELECT redact_connector_payload('notification', '{}')`)).rejects.toThrow(/permission denied/);
    // and the erasure itself refuses a tree with a held child, through either entry point
    expect((await pool.query('SELECT erase_instance_tree($1, $2) AS erased', [TENANT, trees.held.root])).rows).toEqual([{ erased: null }]);
    expect((await pool.query('SELECT erase_personal_data($1, $2) AS n', [TENANT, trees.held.root])).rows).toEqual([{ n: null }]);
    expect(await keptOf(trees.held)).toEqual(before.held);
  });

  it('reverts to the earlier erasure and applies again (the migration)', async () => {
    const client = await owner.connect();
    const functions = async (): Promise<string[]> =>
      (await client.query<{ f: string }>(`SELECT proname AS f FROM pg_proc WHERE proname IN ('erase_instance_tree', 'redact_connector_payload') ORDER BY 1`)).rows.map((row) => row.f);
    try {
      await client.query('BEGIN');
      const Migration = migrations.find((candidate) => candidate.name === 'RetentionConnectedData1764340800000');
      if (!Migration) throw new Error('migration not registered');
      const migration = new Migration();
      const queryRunner = { query: (sql: string) => client.query(sql) } as unknown as QueryRunner;
      await migration.down(queryRunner);
      expect(await functions()).toEqual([]);
      expect((await client.query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'erase_submission'`)).rows[0].body).not.toContain('[erased]');
      await migration.up(queryRunner);
      expect(await functions()).toEqual(['erase_instance_tree', 'redact_connector_payload']);
      const grants = await client.query(`SELECT has_function_privilege('laufweg_app', 'erase_instance_tree(text, bigint)', 'EXECUTE') AS erase, has_function_privilege('laufweg_app', 'redact_connector_payload(text, jsonb)', 'EXECUTE') AS redact`);
      expect(grants.rows).toEqual([{ erase: true, redact: false }]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
