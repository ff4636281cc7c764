import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { problemExample } from '../shared/api-problems';
import { KeyParam, TENANT_PATH, TenantRoute } from '../shared/api-params';
import { keyOf } from '../shared/key.pipe';
import { pageOf } from '../shared/paging.dto';
import { parseVariableFilter } from '../shared/variable-filter';
import { AssignUserTaskDto, CompleteUserTaskDto, SearchUserTasksDto, UserTaskDetailDto, UserTaskPageDto } from './user-task.dto';
import { UserTasksRepository } from './user-tasks.repository';
import { UserTasksService } from './user-tasks.service';

const TASK_KEY = ['key', 'The user task key.'] as const;

/**
 * The task list. Caseworkers see the tasks assigned or offered to them (candidate user, or a
 * candidate group they belong to in this tenant), claim, unclaim and complete them; the team
 * reads every task and may unclaim or assign; an admin may assign.
 */
@ApiTags('user-tasks')
@TenantRoute()
@Controller(`${TENANT_PATH}/user-tasks`)
export class UserTasksController {
  constructor(
    private readonly tasks: UserTasksService,
    private readonly repository: UserTasksRepository,
  ) {}

  @Get()
  @Roles('caseworker', 'team')
  @ApiOperation({ summary: 'Search open user tasks: mine, my groups, unassigned, due before, by process or instance, by variables. Roles: caseworker (own and offered tasks), team (all).' })
  @ApiOkResponse({ type: UserTaskPageDto })
  async search(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Query() query: SearchUserTasksDto): Promise<UserTaskPageDto> {
    const viewer = this.tasks.viewer(caller, assertTenant(caller, tenantId));
    const { limit, offset, order } = pageOf(query);
    const { rows, total } = await this.repository.search(tenantId, viewer, { ...query, variables: (query.variables ?? []).map(parseVariableFilter), sortBy: query.sortBy ?? 'createdAt', order, limit, offset });
    return { items: await this.tasks.describe(tenantId, rows), total, limit, offset };
  }

  @Get(':key')
  @Roles('caseworker', 'team')
  @ApiOperation({ summary: "One open user task with its form-js schema and its case data (the form's variables and the route's caseSummary variables). Roles: caseworker, team." })
  @KeyParam(...TASK_KEY)
  @ApiOkResponse({ type: UserTaskDetailDto })
  async get(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('user-task')) key: string): Promise<UserTaskDetailDto> {
    return this.tasks.detail(tenantId, this.tasks.viewer(caller, assertTenant(caller, tenantId)), key);
  }

  @Post(':key/claim')
  @HttpCode(204)
  @Roles('caseworker')
  @ApiOperation({ summary: 'Claim an unassigned task as one of its candidates (idempotent for the assignee). Role: caseworker.' })
  @KeyParam(...TASK_KEY)
  @ApiNoContentResponse({ description: 'The task is assigned to the caller.' })
  @ApiConflictResponse({ description: 'Someone else holds the task (problem+json `task-already-claimed`).', schema: problemExample('task-already-claimed', 'Task already claimed', 409, 'User task 2251799813685420 is assigned to carl; they or the team must unclaim it first.') })
  @ApiForbiddenResponse({ description: 'Not a candidate of the task (`not-a-candidate`), or the role is missing.' })
  async claim(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('user-task')) key: string): Promise<void> {
    await this.tasks.claim(tenantId, caller, this.tasks.viewer(caller, assertTenant(caller, tenantId)), key);
  }

  @Post(':key/unclaim')
  @HttpCode(204)
  @Roles('caseworker', 'team')
  @ApiOperation({ summary: 'Give a task back: its assignee, or the team for anyone. Roles: caseworker, team.' })
  @KeyParam(...TASK_KEY)
  @ApiNoContentResponse({ description: 'The task has no assignee.' })
  async unclaim(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('user-task')) key: string): Promise<void> {
    await this.tasks.unclaim(tenantId, caller, this.tasks.viewer(caller, assertTenant(caller, tenantId)), key);
  }

  @Post(':key/assign')
  @HttpCode(204)
  @Roles('team', 'admin')
  @ApiOperation({ summary: 'Assign a task to a member of the tenant, or remove the assignee (null). Roles: team, admin.' })
  @KeyParam(...TASK_KEY)
  @ApiNoContentResponse({ description: 'Assigned.' })
  @ApiUnprocessableEntityResponse({ description: 'The assignee is no member of the tenant (`assignee-not-member`).' })
  async assign(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('user-task')) key: string, @Body() body: AssignUserTaskDto): Promise<void> {
    await this.tasks.assign(tenantId, this.tasks.viewer(caller, assertTenant(caller, tenantId)), key, body.assignee);
  }

  @Post(':key/complete')
  @HttpCode(204)
  @Roles('caseworker')
  @ApiOperation({ summary: "Complete a task the caller is assigned to, with the form's data. Role: caseworker." })
  @KeyParam(...TASK_KEY)
  @ApiNoContentResponse({ description: 'Completed; the instance moves on.' })
  @ApiConflictResponse({ description: 'The task is not claimed (`task-not-claimed`).', schema: problemExample('task-not-claimed', 'Task not claimed', 409, 'User task 2251799813685420 is not assigned to anyone: claim it before completing it.') })
  @ApiForbiddenResponse({
    description: 'Another person holds the task (`not-assignee`), or the four-eyes rule forbids the caller (`four-eyes`, naming the rule and the earlier task).',
    schema: problemExample('four-eyes', 'Four-eyes rule', 403, "'approve' must be completed by someone other than who completed 'check' (user task 2251799813685420) in this process instance; you completed it.", {
      elementId: 'approve',
      errors: [{ rule: 'four-eyes', elementId: 'check', message: "User task 2251799813685420 ('check') was completed by you." }],
    }),
  })
  @ApiUnprocessableEntityResponse({
    description: "The data does not fit the task's form (`invalid-form-data`, one entry per field).",
    schema: problemExample('invalid-form-data', 'Invalid form data', 422, "The data does not fit the form 'check-application'; the task stays open.", {
      errors: [{ field: 'documentsComplete', rule: 'required', message: "'Unterlagen vollständig' (documentsComplete) is required." }],
    }),
  })
  async complete(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Param('key', keyOf('user-task')) key: string, @Body() body: CompleteUserTaskDto): Promise<void> {
    await this.tasks.complete(tenantId, caller, this.tasks.viewer(caller, assertTenant(caller, tenantId)), key, body.variables ?? {});
  }
}
