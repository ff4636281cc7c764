import { Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { withTenants } from '@laufweg/persistence';
import type { CreateTenantDto, TenantDto } from './tenant.dto';
import type { TenantMemberDto } from './tenant-member.dto';

interface TenantRow {
  id: string;
  name: string;
  official_key: string | null;
  land: string;
  created_at: Date;
}

interface MemberRow {
  tenant_id: string;
  subject: string;
  groups: string[];
  created_at: Date;
  updated_at: Date;
}

const TENANT_COLUMNS = 'id, name, official_key, land, created_at';
const MEMBER_COLUMNS = 'tenant_id, subject, groups, created_at, updated_at';

/**
 * Tenants and their members in PostgreSQL. Everything about one tenant runs in a transaction
 * scoped to that tenant (row-level security backs the controllers' checks); only the list of all
 * tenants, which only admins get, reads across tenants.
 */
@Injectable()
export class TenantsRepository {
  constructor(private readonly pool: Pool) {}

  /** The given tenants, or all of them (`'all'`), by name. */
  async list(ids: readonly string[] | 'all'): Promise<TenantDto[]> {
    if (ids !== 'all' && ids.length === 0) return [];
    const { rows } =
      ids === 'all'
        ? await this.pool.query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenant ORDER BY name, id`)
        : await withTenants(this.pool, ids, (client) => client.query<TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenant WHERE id = ANY($1) ORDER BY name, id`, [ids]));
    return rows.map(toTenant);
  }

  /** Undefined when a tenant with this id exists already. */
  async create(tenant: CreateTenantDto): Promise<TenantDto | undefined> {
    const { rows } = await this.inTenant(tenant.id, (client) =>
      client.query<TenantRow>(`INSERT INTO tenant (id, name, official_key, land) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING ${TENANT_COLUMNS}`, [
        tenant.id,
        tenant.name.trim(),
        tenant.officialKey ?? null,
        tenant.land,
      ]),
    );
    return rows[0] && toTenant(rows[0]);
  }

  async members(tenantId: string): Promise<TenantMemberDto[]> {
    const { rows } = await this.inTenant(tenantId, (client) => client.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM tenant_member WHERE tenant_id = $1 ORDER BY subject`, [tenantId]));
    return rows.map(toMember);
  }

  async member(tenantId: string, subject: string): Promise<TenantMemberDto | undefined> {
    const { rows } = await this.inTenant(tenantId, (client) => client.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM tenant_member WHERE tenant_id = $1 AND subject = $2`, [tenantId, subject]));
    return rows[0] && toMember(rows[0]);
  }

  /** Adds the member or replaces its groups; `created` says which. */
  async putMember(tenantId: string, subject: string, groups: readonly string[]): Promise<{ member: TenantMemberDto; created: boolean }> {
    const { rows } = await this.inTenant(tenantId, (client) =>
      client.query<MemberRow & { created: boolean }>(
        `INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, subject) DO UPDATE SET groups = EXCLUDED.groups, updated_at = now()
         RETURNING ${MEMBER_COLUMNS}, (xmax = 0) AS created`,
        [tenantId, subject, groups],
      ),
    );
    return { member: toMember(rows[0]), created: rows[0].created };
  }

  /** False when there was no such member. */
  async deleteMember(tenantId: string, subject: string): Promise<boolean> {
    const { rowCount } = await this.inTenant(tenantId, (client) => client.query(`DELETE FROM tenant_member WHERE tenant_id = $1 AND subject = $2`, [tenantId, subject]));
    return (rowCount ?? 0) > 0;
  }

  private inTenant<T>(tenantId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    return withTenants(this.pool, [tenantId], work);
  }
}

function toTenant(row: TenantRow): TenantDto {
  return { id: row.id, name: row.name, officialKey: row.official_key, land: row.land, createdAt: row.created_at.toISOString() };
}

function toMember(row: MemberRow): TenantMemberDto {
  return { tenantId: row.tenant_id, subject: row.subject, groups: row.groups, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}
