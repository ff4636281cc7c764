import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Put, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuth, ApiTenantNotFoundResponse, assertTenant, type Caller, CurrentCaller, Roles, TenantMembershipRepository } from '../auth';
import { problemType } from '../problem/problem-details';
import { SubjectParamPipe } from './subject-param.pipe';
import { PutTenantMemberDto, TenantMemberDto } from './tenant-member.dto';
import { TENANT_ID_PARAM } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';

const MEMBER_NOT_FOUND = "The tenant does not exist (tenant-not-found), or the subject is no member of it (problem+json, urn:laufweg:problem:member-not-found).";
const SUBJECT_PARAM = { name: 'subject', description: "The sub claim of the member's tokens (URL-encoded).", example: 'carla.sachbearbeitung' } as const;

/**
 * Who belongs to a tenant, in which groups (admin only). Roles are not kept here: they come
 * from the identity provider. A change applies to the member's next request in this process and
 * within five seconds in every other engine process.
 */
@ApiTags('tenants')
@ApiAuth()
@Roles('admin')
@Controller('api/v1/tenants/:tenantId/members')
export class TenantMembersController {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly memberships: TenantMembershipRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The tenant's members and their groups (admin)." })
  @ApiParam(TENANT_ID_PARAM)
  @ApiOkResponse({ type: [TenantMemberDto] })
  @ApiTenantNotFoundResponse()
  async list(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string): Promise<TenantMemberDto[]> {
    assertTenant(caller, tenantId);
    return this.tenants.members(tenantId);
  }

  @Get(':subject')
  @ApiOperation({ summary: 'One member and its groups (admin).' })
  @ApiParam(TENANT_ID_PARAM)
  @ApiParam(SUBJECT_PARAM)
  @ApiOkResponse({ type: TenantMemberDto })
  @ApiTenantNotFoundResponse(MEMBER_NOT_FOUND)
  async get(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('subject', SubjectParamPipe) subject: string): Promise<TenantMemberDto> {
    assertTenant(caller, tenantId);
    const member = await this.tenants.member(tenantId, subject);
    if (!member) throw memberNotFound(tenantId, subject);
    return member;
  }

  @Put(':subject')
  @ApiOperation({ summary: "Make the subject a member with these groups, or replace its groups (admin). 201 when it was added, 200 when changed." })
  @ApiParam(TENANT_ID_PARAM)
  @ApiParam(SUBJECT_PARAM)
  @ApiOkResponse({ type: TenantMemberDto, description: 'The groups were replaced.' })
  @ApiCreatedResponse({ type: TenantMemberDto, description: 'The subject was added.' })
  @ApiBadRequestResponse({ description: 'The body is invalid: unknown fields, wrong types, bad group names (problem+json).' })
  @ApiTenantNotFoundResponse()
  async put(
    @CurrentCaller() caller: Caller,
    @Param('tenantId') tenantId: string,
    @Param('subject', SubjectParamPipe) subject: string,
    @Body() body: PutTenantMemberDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TenantMemberDto> {
    assertTenant(caller, tenantId);
    const { member, created } = await this.tenants.putMember(tenantId, subject, body.groups);
    this.memberships.forget(subject);
    response.status(created ? 201 : 200);
    return member;
  }

  @Delete(':subject')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the subject from the tenant (admin).' })
  @ApiParam(TENANT_ID_PARAM)
  @ApiParam(SUBJECT_PARAM)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiTenantNotFoundResponse(MEMBER_NOT_FOUND)
  async remove(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('subject', SubjectParamPipe) subject: string): Promise<void> {
    assertTenant(caller, tenantId);
    if (!(await this.tenants.deleteMember(tenantId, subject))) throw memberNotFound(tenantId, subject);
    this.memberships.forget(subject);
  }
}

function memberNotFound(tenantId: string, subject: string): NotFoundException {
  return new NotFoundException({ type: problemType('member-not-found'), title: 'Member not found', status: 404, detail: `'${subject}' is not a member of tenant '${tenantId}'.` });
}
