import { Body, ConflictException, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAuth, ApiTenantNotFoundResponse, assertTenant, type Caller, CurrentCaller, Roles, TenantMembershipRepository, tenantNotFoundProblem } from '../auth';
import { problemType } from '../problem/problem-details';
import { CreateTenantDto, TenantDto } from './tenant.dto';
import { TenantsRepository } from './tenants.repository';

export const TENANT_ID_PARAM = { name: 'tenantId', description: 'The tenant (municipality) id.', example: 'leipzig' } as const;

/** The tenants (municipalities): each caller sees its own, admins see and create all. */
@ApiTags('tenants')
@ApiAuth()
@Controller('api/v1/tenants')
export class TenantsController {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly memberships: TenantMembershipRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's tenants; an admin gets every tenant." })
  @ApiOkResponse({ type: [TenantDto] })
  async list(@CurrentCaller() caller: Caller): Promise<TenantDto[]> {
    return this.tenants.list(caller.roles.has('admin') ? 'all' : [...caller.tenants.keys()]);
  }

  @Get(':tenantId')
  @ApiOperation({ summary: 'One tenant the caller belongs to (an admin: any).' })
  @ApiParam(TENANT_ID_PARAM)
  @ApiOkResponse({ type: TenantDto })
  @ApiTenantNotFoundResponse()
  async get(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string): Promise<TenantDto> {
    assertTenant(caller, tenantId);
    const [tenant] = await this.tenants.list([tenantId]);
    if (!tenant) throw tenantNotFoundProblem(tenantId);
    return tenant;
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a tenant (admin).' })
  @ApiCreatedResponse({ type: TenantDto })
  @ApiBadRequestResponse({ description: 'The body is invalid: unknown fields, wrong types, a bad id, AGS or Land (problem+json).' })
  @ApiConflictResponse({
    description: 'A tenant with this id exists (problem+json).',
    schema: { example: { type: problemType('tenant-exists'), title: 'Tenant exists', status: 409, detail: "A tenant with the id 'leipzig' exists already." } },
  })
  async create(@Body() body: CreateTenantDto): Promise<TenantDto> {
    const tenant = await this.tenants.create(body);
    if (!tenant) {
      throw new ConflictException({ type: problemType('tenant-exists'), title: 'Tenant exists', status: 409, detail: `A tenant with the id '${body.id}' exists already.` });
    }
    // Admins see every tenant: the new one at once in this process.
    this.memberships.forget();
    return tenant;
  }
}
