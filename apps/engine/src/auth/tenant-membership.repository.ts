import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { TenantMembership } from './caller';

/** How long a caller's memberships are reused before they are read again. */
const CACHE_MS = 5000;
const CACHE_LIMIT = 10_000;

type Memberships = ReadonlyMap<string, TenantMembership>;

/**
 * Reads which tenants a subject belongs to, and in which groups (`tenant_member`). An admin is
 * given every existing tenant (groups empty where it is no member). Results are cached per
 * subject for a few seconds: a changed membership takes effect in this process at once
 * (`forget`), in other engine processes within five seconds.
 *
 * Runs on the runtime's system-scoped pool: the memberships are what decides a request's tenant
 * scope, so they are read before there is one.
 */
@Injectable()
export class TenantMembershipRepository {
  private readonly cache = new Map<string, { readonly until: number; readonly memberships: Promise<Memberships> }>();

  constructor(private readonly pool: Pool) {}

  async tenantsOf(subject: string, { admin }: { admin: boolean }): Promise<Memberships> {
    const key = `${admin ? 'admin' : 'member'}:${subject}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.memberships;
    if (this.cache.size >= CACHE_LIMIT) this.prune(now);
    const memberships = this.load(subject, admin);
    this.cache.set(key, { until: now + CACHE_MS, memberships });
    // A failed read is not cached.
    void memberships.catch(() => {
      if (this.cache.get(key)?.memberships === memberships) this.cache.delete(key);
    });
    return memberships;
  }

  /** Drops cached memberships: of one subject, or all (after a tenant was created). */
  forget(subject?: string): void {
    if (subject === undefined) {
      this.cache.clear();
      return;
    }
    this.cache.delete(`admin:${subject}`);
    this.cache.delete(`member:${subject}`);
  }

  private async load(subject: string, admin: boolean): Promise<Memberships> {
    const { rows } = admin
      ? await this.pool.query<{ tenant_id: string; groups: string[] }>(
          `SELECT t.id AS tenant_id, coalesce(m.groups, '{}') AS groups
             FROM tenant t LEFT JOIN tenant_member m ON m.tenant_id = t.id AND m.subject = $1`,
          [subject],
        )
      : await this.pool.query<{ tenant_id: string; groups: string[] }>(`SELECT tenant_id, groups FROM tenant_member WHERE subject = $1`, [subject]);
    return new Map(rows.map((row) => [row.tenant_id, Object.freeze({ groups: Object.freeze([...row.groups]) })]));
  }

  private prune(now: number): void {
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
  }
}
