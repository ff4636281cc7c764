import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentAuditContext, formatRoles, setLegalHold } from '@laufweg/persistence';
import { Pool } from 'pg';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../auth';
import { KeyParam, TENANT_PATH, TenantRoute } from '../api/shared/api-params';
import { recordNotFound } from '../api/shared/api-problems';
import { keyOf } from '../api/shared/key.pipe';
import { LegalHoldDto, LegalHoldStateDto } from './legal-hold.dto';

/** Legal hold: a process instance whose case data must outlive its retention (a lawsuit, an audit). */
@ApiTags('retention')
@TenantRoute()
@Controller(`${TENANT_PATH}/process-instances`)
export class LegalHoldController {
  constructor(private readonly pool: Pool) {}

  @Post(':key/legal-hold')
  @HttpCode(200)
  @Roles('admin', 'team')
  @KeyParam('key', 'The process instance (any instance of the tree; the hold keeps the whole tree).')
  @ApiOperation({ summary: 'Put a process instance on legal hold or lift it: while held, the retention job does not erase its tree. Roles: admin, team.' })
  @ApiOkResponse({ type: LegalHoldStateDto })
  async setHold(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('process-instance')) key: string, @Body() body: LegalHoldDto): Promise<LegalHoldStateDto> {
    assertTenant(caller, tenantId);
    const state = await setLegalHold(this.pool, {
      tenantId,
      processInstanceKey: key,
      hold: body.hold,
      audit: { at: new Date(), actor: caller.subject, role: formatRoles(caller.roles), requestId: currentAuditContext()?.requestId ?? null },
    });
    if (!state) throw recordNotFound('process-instance', key);
    return { processInstanceKey: state.processInstanceKey, legalHold: state.legalHold, erasedAt: state.erasedAt?.toISOString() ?? null };
  }
}
