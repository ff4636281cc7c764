import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { queryAuditEntries, SYSTEM_CHAIN, verifyStoredChain, withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import { ApiAuth, ApiTenantNotFoundResponse, assertTenant, type Caller, CurrentCaller, forbiddenProblem, Roles } from '../auth';
import { TENANT_PATH, TenantRoute } from '../api/shared/api-params';
import { AuditPageDto, AuditQueryDto, AuditVerificationDto, VerifyAuditQueryDto } from './audit.dto';

/** Reading and verifying the hash-chained audit log (ADR 0005). Roles: team, admin. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly pool: Pool) {}

  @Get('api/v1/audit/verify')
  @Roles('team', 'admin')
  @ApiAuth()
  @ApiTenantNotFoundResponse()
  @ApiOperation({
    summary: 'Verify a tenant\'s audit chain. Roles: team, admin.',
    description: 'Checks every entry of the chain: seq without gaps, each prevHash the previous hash, each hash over its canonical content, the end at the chain head. Reports the first broken link. Engine events are chained shortly after they happen (about a second).',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  async verify(@CurrentCaller() caller: Caller, @Query() query: VerifyAuditQueryDto): Promise<AuditVerificationDto> {
    if (query.tenantId === SYSTEM_CHAIN) {
      if (!caller.roles.has('admin')) throw forbiddenProblem(`The ${SYSTEM_CHAIN} chain is for admins.`);
    } else {
      assertTenant(caller, query.tenantId);
    }
    return verifyStoredChain(this.pool, query.tenantId);
  }

  @Get(`${TENANT_PATH}/audit`)
  @Roles('team', 'admin')
  @TenantRoute()
  @ApiOperation({ summary: 'Search the tenant\'s audit log in chain order, by target, action, actor and time; paged by seq. Roles: team, admin.' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    assertTenant(caller, tenantId);
    const page = await withTenants(this.pool, [tenantId], (client) =>
      queryAuditEntries(client, tenantId, {
        limit: query.limit ?? 100,
        ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
        ...(query.targetKind !== undefined ? { targetKind: query.targetKind } : {}),
        ...(query.targetKey !== undefined ? { targetKey: query.targetKey } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.actor !== undefined ? { actor: query.actor } : {}),
        ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
      }),
    );
    return { items: page.items.map((entry) => ({ ...entry, details: entry.details as Record<string, unknown> })), nextAfterSeq: page.nextAfterSeq };
  }
}
