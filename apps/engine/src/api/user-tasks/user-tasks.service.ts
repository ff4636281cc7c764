import { type HttpException, Injectable } from '@nestjs/common';
import { fourEyesElementIds, readFourEyesViolation } from '@laufweg/bpmn-engine';
import type { ExecutableProcess, JsonObject } from '@laufweg/bpmn-model';
import { EngineRuntime } from '@laufweg/persistence';
import type { Caller, TenantMembership } from '../../auth';
import { problem, recordNotFound, unprocessable } from '../shared/api-problems';
import { runCommand } from '../shared/command-outcome';
import { type FormComponent, formVariableNames } from './form-schema';
import { validateFormData } from './form-validator';
import type { UserTaskDetailDto, UserTaskDto } from './user-task.dto';
import { type TaskRow, type TaskViewer, UserTasksRepository } from './user-tasks.repository';

type FormSchema = { readonly id?: string; readonly components?: readonly FormComponent[] };

/**
 * The rules of working on user tasks. Claim: a candidate (user or group) of an unassigned task.
 * Unclaim: the assignee, or the team. Assign: team and admin, to a member of the tenant.
 * Complete: only the assignee, with data that fits the task's form, and not the completer of an
 * earlier task the four-eyes rule names. A task the caller may not see answers 404, like one
 * that does not exist.
 */
@Injectable()
export class UserTasksService {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly repository: UserTasksRepository,
  ) {}

  viewer(caller: Caller, membership: TenantMembership): TaskViewer {
    return { subject: caller.subject, groups: membership.groups, seesAll: caller.roles.has('team') || caller.roles.has('admin') };
  }

  async describe(tenantId: string, rows: readonly TaskRow[]): Promise<UserTaskDto[]> {
    const models = await this.models(tenantId, rows);
    return rows.map((row) => ({
      key: row.key,
      elementId: row.element_id,
      name: models.get(row.process_definition_key)?.elements[row.element_id]?.name ?? null,
      processId: row.process_id,
      processInstanceKey: row.process_instance_key,
      assignee: row.assignee,
      candidateGroups: row.candidate_groups,
      candidateUsers: row.candidate_users,
      dueAt: row.due_at?.toISOString() ?? null,
      followUpAt: row.follow_up_at?.toISOString() ?? null,
      priority: row.priority,
      createdAt: row.created_at.toISOString(),
      formId: row.form_id ?? row.form_key,
    }));
  }

  async detail(tenantId: string, viewer: TaskViewer, key: string): Promise<UserTaskDetailDto> {
    const task = await this.task(tenantId, viewer, key);
    const [described] = await this.describe(tenantId, [task]);
    const form = await this.formOf(tenantId, task);
    const model = (await this.models(tenantId, [task])).get(task.process_definition_key);
    const names = new Set([...formVariableNames(form ?? undefined), ...listProperty(model?.scope.properties['caseSummary'])]);
    const visible = await this.repository.variablesOf(tenantId, task.element_instance_key);
    const caseData = Object.fromEntries([...names].map((name) => [name, visible[name] ?? null]));
    return { ...described, form: form as Record<string, unknown> | null, caseData };
  }

  async claim(tenantId: string, caller: Caller, viewer: TaskViewer, key: string): Promise<void> {
    const task = await this.task(tenantId, viewer, key);
    if (task.assignee === caller.subject) return;
    if (task.assignee !== null) throw problem(409, 'task-already-claimed', 'Task already claimed', `User task ${key} is assigned to ${task.assignee}; they or the team must unclaim it first.`);
    if (!task.candidate_users.includes(caller.subject) && !task.candidate_groups.some((group) => viewer.groups.includes(group))) {
      throw problem(403, 'not-a-candidate', 'Not a candidate', `User task ${key} may be claimed by the groups ${task.candidate_groups.join(', ') || '(none)'} or its candidate users; you are neither.`);
    }
    await runCommand('user-task', key, () => this.runtime.assignUserTask(tenantId, key, caller.subject));
  }

  async unclaim(tenantId: string, caller: Caller, viewer: TaskViewer, key: string): Promise<void> {
    const task = await this.task(tenantId, viewer, key);
    if (task.assignee === null) return;
    if (task.assignee !== caller.subject && !caller.roles.has('team')) throw problem(403, 'not-assignee', 'Not the assignee', `User task ${key} is assigned to ${task.assignee}, not to you.`);
    await runCommand('user-task', key, () => this.runtime.assignUserTask(tenantId, key, null));
  }

  async assign(tenantId: string, viewer: TaskViewer, key: string, assignee: string | null): Promise<void> {
    await this.task(tenantId, viewer, key);
    if (assignee !== null && !(await this.repository.isMember(tenantId, assignee))) {
      throw unprocessable('assignee-not-member', 'Assignee is no member', `${assignee} is no member of this tenant.`, [{ field: 'assignee', message: `${assignee} is no member of this tenant.` }]);
    }
    await runCommand('user-task', key, () => this.runtime.assignUserTask(tenantId, key, assignee));
  }

  async complete(tenantId: string, caller: Caller, viewer: TaskViewer, key: string, variables: JsonObject): Promise<void> {
    const task = await this.task(tenantId, viewer, key);
    if (task.assignee === null) throw problem(409, 'task-not-claimed', 'Task not claimed', `User task ${key} is not assigned to anyone: claim it before completing it.`);
    if (task.assignee !== caller.subject) throw problem(403, 'not-assignee', 'Not the assignee', `User task ${key} is assigned to ${task.assignee}; only the assignee may complete it.`);
    const form = await this.formOf(tenantId, task);
    if (form) {
      const problems = validateFormData(form, variables);
      if (problems.length > 0) throw unprocessable('invalid-form-data', 'Invalid form data', `The data does not fit the form '${form.id ?? task.form_id}'; the task stays open.`, problems);
    }
    await this.checkFourEyes(tenantId, caller, task);
    await runCommand('user-task', key, async () => {
      const result = await this.runtime.completeUserTask(tenantId, key, variables, caller.subject);
      // The engine is the authority (it checks under the command's lock): its refusal gets the same answer.
      const violation = result.rejected ? readFourEyesViolation(result.reason) : undefined;
      if (violation) throw fourEyesProblem(violation.elementId, { elementId: violation.earlierElementId, userTaskKey: violation.earlierUserTaskKey });
      return result;
    });
  }

  /**
   * A pre-check of the four-eyes rule on the event log, for an early answer before the command
   * runs. The engine enforces the rule itself (from its state, under the lock); this check also
   * covers instances whose earlier tasks were completed before the engine kept their completers.
   */
  private async checkFourEyes(tenantId: string, caller: Caller, task: TaskRow): Promise<void> {
    const model = (await this.models(tenantId, [task])).get(task.process_definition_key);
    const element = model?.elements[task.element_id];
    const earlier = element ? fourEyesElementIds(element) : [];
    if (earlier.length === 0) return;
    const completers = await this.repository.completers(tenantId, task.root_key, task.process_instance_key, earlier);
    const conflict = completers.find((entry) => entry.completedBy === caller.subject);
    if (conflict) throw fourEyesProblem(task.element_id, conflict);
  }

  private async task(tenantId: string, viewer: TaskViewer, key: string): Promise<TaskRow> {
    const task = await this.repository.find(tenantId, viewer, key);
    if (!task) throw recordNotFound('user-task', key);
    return task;
  }

  private async formOf(tenantId: string, task: TaskRow): Promise<FormSchema | null> {
    const reference = task.form_id ?? task.form_key;
    if (!reference) return null;
    const content = await this.repository.form(tenantId, reference, task.deployment_key);
    return content === undefined ? null : (JSON.parse(content) as FormSchema);
  }

  private async models(tenantId: string, rows: readonly TaskRow[]): Promise<Map<string, ExecutableProcess>> {
    const keys = [...new Set(rows.map((row) => row.process_definition_key))];
    await this.runtime.models.ensureKeys(this.runtime.pool, tenantId, keys);
    return new Map(keys.flatMap((key) => {
      const model = this.runtime.models.get(key);
      return model ? [[key, model] as const] : [];
    }));
  }
}

/** 403 `four-eyes`: the caller completed `earlier`, a task the rule on `elementId` names. */
function fourEyesProblem(elementId: string, earlier: { readonly elementId: string; readonly userTaskKey: string }): HttpException {
  return problem(
    403,
    'four-eyes',
    'Four-eyes rule',
    `'${elementId}' must be completed by someone other than who completed '${earlier.elementId}' (user task ${earlier.userTaskKey}) in this process instance; you completed it.`,
    { elementId, errors: [{ rule: 'four-eyes', elementId: earlier.elementId, message: `User task ${earlier.userTaskKey} ('${earlier.elementId}') was completed by you.` }] },
  );
}

/** A comma-separated property value as a list (`"check, review"`). */
function listProperty(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}
