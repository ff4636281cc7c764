import { type AuditEntry, type AuditEntryDraft, chainEntries, GENESIS_HASH, hashAuditEntry } from './audit-entry';
import { verifyChain } from './verify-chain';

function draft(action: string, details: AuditEntryDraft['details'] = {}): AuditEntryDraft {
  return { at: new Date('2026-11-28T09:00:00.000Z'), actor: 'erika', role: 'caseworker', action, targetKind: 'process-instance', targetKey: '2251799813685249', requestId: 'r-1', details };
}

function chain(length: number): AuditEntry[] {
  return chainEntries('leipzig', { seq: 0, hash: GENESIS_HASH }, Array.from({ length }, (_, index) => draft(`engine.Step${index + 1}`, { position: index + 1 })));
}

function headOf(entries: readonly AuditEntry[]): { seq: number; hash: string } {
  const last = entries[entries.length - 1];
  return { seq: last.seq, hash: last.hash };
}

describe('verifyChain', () => {
  it('accepts an intact chain that starts at the genesis hash and ends at the head', () => {
    const entries = chain(5);
    expect(entries[0]).toEqual(expect.objectContaining({ seq: 1, prevHash: GENESIS_HASH, at: '2026-11-28T09:00:00.000Z' }));
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(verifyChain(entries, headOf(entries))).toEqual({ ok: true, entries: 5 });
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, entries: 0 });
  });

  it('hashes the canonical entry: a documented, reproducible value', () => {
    const [first] = chainEntries('leipzig', { seq: 0, hash: GENESIS_HASH }, [draft('POST /api/v1/tenants/:tenantId/deployments')]);
    const { hash, ...rest } = first;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEntry(rest)).toBe(hash);
    expect(hashAuditEntry({ ...rest, details: { ...rest.details } })).toBe(hash);
    expect(hashAuditEntry({ ...rest, actor: 'max' })).not.toBe(hash);
  });

  it('names a changed entry', () => {
    // given a chain whose third entry's details were changed afterwards
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { position: 99 } };
    // then the third entry is the first broken link
    expect(verifyChain(entries, headOf(entries))).toEqual({ ok: false, entries: 3, firstBrokenSeq: 3, reason: 'entry 3 was changed: its content does not match its hash' });
  });

  it('names the entry after a changed one whose hash was recomputed', () => {
    const entries = chain(5);
    const { hash: _old, ...changed } = { ...entries[2], actor: 'mallory' };
    entries[2] = { ...changed, hash: hashAuditEntry(changed) };
    expect(verifyChain(entries, headOf(entries))).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 4 }));
  });

  it('names a deleted entry, also at the end of the chain', () => {
    const entries = chain(5);
    const head = headOf(entries);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)], head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 3, reason: 'entry 3 is missing: the next stored entry is 4' }));
    expect(verifyChain(entries.slice(0, 4), head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 5 }));
    expect(verifyChain(entries.slice(1), head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 1 }));
  });

  it('names entries inserted out of order or beyond the head', () => {
    const entries = chain(4);
    const head = headOf(entries);
    const [forged] = chainEntries('leipzig', head, [draft('engine.Forged')]);
    expect(verifyChain([...entries, forged], head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 5, reason: expect.stringContaining('beyond the chain head') }));
    expect(verifyChain([entries[0], entries[2], entries[1], entries[3]], head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 2 }));
    const otherTenant = chainEntries('dresden', { seq: 0, hash: GENESIS_HASH }, [draft('engine.Step1', { position: 1 })]);
    expect(verifyChain([otherTenant[0], ...entries.slice(1)], head)).toEqual(expect.objectContaining({ ok: false, firstBrokenSeq: 2 }));
  });
});
