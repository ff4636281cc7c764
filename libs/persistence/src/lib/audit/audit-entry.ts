import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a chain's first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The chain of what happened outside any tenant (requests whose route names no tenant, e.g. the
 * worker API). Tenant ids cannot start with an underscore, so it never collides with a tenant.
 */
export const SYSTEM_CHAIN = '_system';

/** JSON an entry's details may hold (no undefined, no NaN). */
export type AuditDetails = { readonly [key: string]: AuditDetailValue };
export type AuditDetailValue = string | number | boolean | null | readonly AuditDetailValue[] | AuditDetails;

/** What a caller appends; the log adds the tenant's position (`seq`) and the hashes. */
export interface AuditEntryDraft {
  /** When it happened (the request, the engine event, the erasure). */
  readonly at: Date;
  /** Who: a token's subject, `engine` for the engine's own work, `retention` for erasures. */
  readonly actor: string;
  /** The actor's roles, comma-separated and sorted; null for the engine. */
  readonly role: string | null;
  /** What: `POST /api/v1/...` for requests, `engine.<EventType>`, `retention.erased`, ... */
  readonly action: string;
  readonly targetKind: string | null;
  readonly targetKey: string | null;
  readonly requestId: string | null;
  /** Never personal case data: keys, element ids, names, counts. */
  readonly details: AuditDetails;
}

/** A stored entry of one tenant's chain. */
export interface AuditEntry extends Omit<AuditEntryDraft, 'at'> {
  readonly tenantId: string;
  /** 1, 2, 3, ... per tenant. */
  readonly seq: number;
  /** ISO 8601, UTC, milliseconds (`Date.prototype.toISOString`). */
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The hash of an entry: SHA-256, lower-case hex, over the UTF-8 bytes of the canonical JSON
 * (see canonicalJson) of the object
 * `{ action, actor, at, details, prevHash, requestId, role, seq, targetKey, targetKind, tenantId }`
 * — every column of `audit_entry` but `hash`, absent values as null, `seq` as a number, `at` as
 * ISO 8601 UTC with milliseconds. `prevHash` is the previous entry's `hash`, or GENESIS_HASH for
 * a tenant's first entry, so the hash covers the previous hash and the entry together.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const hashed = {
    action: entry.action,
    actor: entry.actor,
    at: entry.at,
    details: entry.details,
    prevHash: entry.prevHash,
    requestId: entry.requestId,
    role: entry.role,
    seq: entry.seq,
    targetKey: entry.targetKey,
    targetKind: entry.targetKind,
    tenantId: entry.tenantId,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Chains drafts after a head: assigns seq, prevHash and hash. */
export function chainEntries(tenantId: string, head: { readonly seq: number; readonly hash: string }, drafts: readonly AuditEntryDraft[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const draft of drafts) {
    const unhashed = { ...draft, tenantId, seq: previous.seq + 1, at: draft.at.toISOString(), prevHash: previous.hash };
    const entry = { ...unhashed, hash: hashAuditEntry(unhashed) };
    entries.push(entry);
    previous = entry;
  }
  return entries;
}
