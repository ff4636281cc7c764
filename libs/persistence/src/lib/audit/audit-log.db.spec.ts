import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type AuditEntryDraft, chainEntries, GENESIS_HASH } from './audit-entry';
import { appendAuditEntries, appendAuditEntry } from './audit-log';
import { queryAuditEntries, verifyStoredChain } from './audit-reader';

const TENANT = 'leipzig';

function draft(action: string, targetKey: string | null = null, at = '2026-11-28T09:00:00.000Z'): AuditEntryDraft {
  return { at: new Date(at), actor: 'erika', role: 'caseworker', action, targetKind: targetKey ? 'process-instance' : null, targetKey, requestId: 'req-1', details: { note: 'ä', n: 1 } };
}

async function asOwner<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the hash-chained audit log on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let owner: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 8 });
    owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Leipzig'), ('dresden', 'Landeshauptstadt Dresden')`, [TENANT]);
  });
  afterAll(async () => {
    await pool.end();
    await owner.end();
    await db.drop();
  });

  it('appends concurrently without gaps or forks, one chain per tenant', async () => {
    // when 40 appends race on one tenant and 5 on another, each in its own transaction
    await Promise.all([
      ...Array.from({ length: 40 }, (_, index) => appendAuditEntry(pool, TENANT, draft(`POST /test/${index}`, String(index)))),
      ...Array.from({ length: 5 }, (_, index) => appendAuditEntry(pool, 'dresden', draft(`POST /test/${index}`))),
    ]);
    // then each chain runs 1..n, links, and its head is the last entry
    expect(await verifyStoredChain(pool, TENANT)).toEqual({ tenantId: TENANT, headSeq: 40, ok: true, entries: 40 });
    expect(await verifyStoredChain(pool, 'dresden')).toEqual({ tenantId: 'dresden', headSeq: 5, ok: true, entries: 5 });
    const first = await pool.query('SELECT seq, prev_hash FROM audit_entry WHERE tenant_id = $1 AND seq = 1', [TENANT]);
    expect(first.rows).toEqual([{ seq: '1', prev_hash: GENESIS_HASH }]);
  });

  it('pages and filters a tenant’s entries', async () => {
    const page = await queryAuditEntries(pool, TENANT, { limit: 15 });
    expect(page.items.map((entry) => entry.seq)).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    expect(page.nextAfterSeq).toBe(15);
    const last = await queryAuditEntries(pool, TENANT, { limit: 30, afterSeq: 30 });
    expect(last.items).toHaveLength(10);
    expect(last.nextAfterSeq).toBeNull();
    const byTarget = await queryAuditEntries(pool, TENANT, { limit: 10, targetKind: 'process-instance', targetKey: '7' });
    expect(byTarget.items).toEqual([expect.objectContaining({ action: 'POST /test/7', targetKey: '7', actor: 'erika', role: 'caseworker', requestId: 'req-1', details: { n: 1, note: 'ä' } })]);
    const later = await queryAuditEntries(pool, TENANT, { limit: 10, from: new Date('2026-11-28T09:00:00.001Z') });
    expect(later.items).toEqual([]);
  });

  it('lets the application role only insert and read: no update, no delete, no moving the head', async () => {
    await expect(pool.query(`UPDATE audit_entry SET details = '{}' WHERE tenant_id = $1 AND seq = 1`, [TENANT])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 40`, [TENANT])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`TRUNCATE audit_entry`)).rejects.toThrow(/permission denied/);
    await expect(pool.query(`UPDATE audit_head SET seq = 3 WHERE tenant_id = $1`, [TENANT])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`UPDATE audit_head SET hash = $2 WHERE tenant_id = $1`, [TENANT, GENESIS_HASH])).rejects.toThrow(/permission denied/);
    await expect(pool.query(`DELETE FROM audit_head WHERE tenant_id = $1`, [TENANT])).rejects.toThrow(/permission denied/);
    expect(await verifyStoredChain(pool, TENANT)).toEqual(expect.objectContaining({ ok: true, entries: 40 }));
  });

  it('refuses an insert that does not continue the chain, even one with correct hashes', async () => {
    const head = { seq: 40, hash: (await pool.query<{ hash: string }>('SELECT hash FROM audit_head WHERE tenant_id = $1', [TENANT])).rows[0].hash };
    const [skipping] = chainEntries(TENANT, { seq: 41, hash: head.hash }, [draft('POST /forged')]);
    const [wrongLink] = chainEntries(TENANT, { seq: 40, hash: GENESIS_HASH }, [draft('POST /forged')]);
    for (const forged of [skipping, wrongLink]) {
      await expect(
        pool.query(`INSERT INTO audit_entry (tenant_id, seq, at, actor, action, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, '{}', $6, $7)`, [TENANT, forged.seq, forged.at, forged.actor, forged.action, forged.prevHash, forged.hash]),
      ).rejects.toThrow(/must (continue the chain|link to the previous hash)/);
    }
    // and a rolled-back append leaves the chain as it was
    const client = await pool.connect();
    await client.query('BEGIN');
    await appendAuditEntries(client, TENANT, [draft('POST /rolled-back')]);
    await client.query('ROLLBACK');
    client.release();
    expect(await verifyStoredChain(pool, TENANT)).toEqual(expect.objectContaining({ ok: true, headSeq: 40 }));
  });

  describe('tampering by the database owner', () => {
    let seqOffset = 0;

    beforeEach(async () => {
      // a fresh tenant with a chain of 6 entries per test
      seqOffset++;
      await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Gemeinde')`, [`tamper-${seqOffset}`]);
      for (let index = 0; index < 6; index++) await appendAuditEntry(pool, `tamper-${seqOffset}`, draft(`POST /step/${index + 1}`, String(index + 1)));
      expect(await verifyStoredChain(pool, `tamper-${seqOffset}`)).toEqual(expect.objectContaining({ ok: true, entries: 6 }));
    });

    it('detects a changed row', async () => {
      const tenant = `tamper-${seqOffset}`;
      await asOwner(db.ownerUrl, `UPDATE audit_entry SET details = '{"note":"harmlos","n":1}' WHERE tenant_id = $1 AND seq = 3`, [tenant]);
      expect(await verifyStoredChain(pool, tenant)).toEqual({ tenantId: tenant, headSeq: 6, ok: false, entries: 3, firstBrokenSeq: 3, reason: 'entry 3 was changed: its content does not match its hash' });
    });

    it('detects a deleted row, in the middle and at the end', async () => {
      const tenant = `tamper-${seqOffset}`;
      await asOwner(db.ownerUrl, `DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 6`, [tenant]);
      expect(await verifyStoredChain(pool, tenant)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 6 }));
      await asOwner(db.ownerUrl, `DELETE FROM audit_entry WHERE tenant_id = $1 AND seq = 4`, [tenant]);
      expect(await verifyStoredChain(pool, tenant)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 4, reason: 'entry 4 is missing: the next stored entry is 5' }));
    });

    it('detects a row inserted out of order', async () => {
      // given the owner bypasses the chain trigger and adds a well-hashed entry after the head
      const tenant = `tamper-${seqOffset}`;
      const [head] = await asOwner<{ seq: string; hash: string }>(db.ownerUrl, 'SELECT seq, hash FROM audit_head WHERE tenant_id = $1', [tenant]);
      const [forged] = chainEntries(tenant, { seq: Number(head.seq), hash: head.hash }, [draft('DELETE /evidence')]);
      await asOwner(
        db.ownerUrl,
        `BEGIN; ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_chain;
         INSERT INTO audit_entry (tenant_id, seq, at, actor, role, action, request_id, details, prev_hash, hash) VALUES ('${tenant}', ${forged.seq}, '${forged.at}', 'erika', 'caseworker', 'DELETE /evidence', 'req-1', '${JSON.stringify(forged.details)}', '${forged.prevHash}', '${forged.hash}');
         ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_chain; COMMIT`,
      );
      // then verify names it
      expect(await verifyStoredChain(pool, tenant)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 7, reason: expect.stringContaining('beyond the chain head') }));
    });

    it('detects a row replaced by one with a recomputed hash', async () => {
      const tenant = `tamper-${seqOffset}`;
      const [before] = await asOwner<{ hash: string }>(db.ownerUrl, 'SELECT hash FROM audit_entry WHERE tenant_id = $1 AND seq = 1', [tenant]);
      const [replacement] = chainEntries(tenant, { seq: 1, hash: before.hash }, [draft('POST /step/2', '99')]);
      await asOwner(db.ownerUrl, `UPDATE audit_entry SET target_key = '99', hash = $2 WHERE tenant_id = $1 AND seq = 2`, [tenant, replacement.hash]);
      expect(await verifyStoredChain(pool, tenant)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 3, reason: 'entry 3 does not link to entry 2: one of them was changed or replaced' }));
    });
  });
});
