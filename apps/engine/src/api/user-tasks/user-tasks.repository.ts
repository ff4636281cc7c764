import { Injectable } from '@nestjs/common';
import type { JsonObject } from '@laufweg/bpmn-model';
import { readVisibleVariables, withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import { SqlFilter } from '../shared/sql-filter';
import { addVariableFilters, type VariableFilter } from '../shared/variable-filter';

/** Who asks: a caseworker sees the tasks assigned to them or offered to them; the team sees all. */
export interface TaskViewer {
  readonly subject: string;
  readonly groups: readonly string[];
  readonly seesAll: boolean;
}

export interface TaskSearch {
  readonly mine?: boolean;
  readonly myGroups?: boolean;
  readonly unassigned?: boolean;
  readonly dueBefore?: string;
  readonly processId?: string;
  readonly processInstanceKey?: string;
  readonly variables: readonly VariableFilter[];
  readonly sortBy: 'createdAt' | 'dueAt' | 'priority';
  readonly order: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
}

export interface TaskRow {
  key: string;
  element_id: string;
  process_id: string;
  process_instance_key: string;
  root_key: string;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_at: Date | null;
  follow_up_at: Date | null;
  priority: number;
  created_at: Date;
  element_instance_key: string;
  form_id: string | null;
  form_key: string | null;
  process_definition_key: string;
  deployment_key: string;
}

const SORT_COLUMNS: Readonly<Record<TaskSearch['sortBy'], string>> = { createdAt: 't.created_at', dueAt: 't.due_at', priority: 't.priority' };

const TASK_COLUMNS = `t.key, t.element_id, t.process_id, t.process_instance_key, t.root_key, t.assignee, t.candidate_groups, t.candidate_users,
  t.due_at, t.follow_up_at, t.priority, t.created_at, t.record ->> 'elementInstanceKey' AS element_instance_key,
  t.record ->> 'formId' AS form_id, t.record ->> 'formKey' AS form_key, p.process_definition_key, d.deployment_key`;
const TASK_FROM = `user_task t
  JOIN process_instance p ON p.tenant_id = t.tenant_id AND p.key = t.process_instance_key
  JOIN process_definition d ON d.tenant_id = p.tenant_id AND d.key = p.process_definition_key`;

/** Reads for the task list, scoped to the tenant and to what the viewer may see. */
@Injectable()
export class UserTasksRepository {
  constructor(private readonly pool: Pool) {}

  async search(tenantId: string, viewer: TaskViewer, search: TaskSearch): Promise<{ rows: TaskRow[]; total: number }> {
    const filter = new SqlFilter();
    filter.where(`t.tenant_id = ${filter.param(tenantId)}`);
    visibleTo(filter, viewer);
    if (search.mine) filter.where(`t.assignee = ${filter.param(viewer.subject)}`);
    if (search.myGroups) filter.where(`t.candidate_groups && ${filter.param(viewer.groups)}::text[]`);
    if (search.unassigned) filter.where('t.assignee IS NULL');
    if (search.dueBefore) filter.where(`t.due_at < ${filter.param(search.dueBefore)}`);
    if (search.processId) filter.where(`t.process_id = ${filter.param(search.processId)}`);
    if (search.processInstanceKey) filter.where(`t.process_instance_key = ${filter.param(search.processInstanceKey)}`);
    addVariableFilters(filter, search.variables, 't.tenant_id', 't.process_instance_key');
    const limit = filter.param(search.limit);
    const offset = filter.param(search.offset);
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<TaskRow & { total: string }>(
        `SELECT ${TASK_COLUMNS}, count(*) OVER () AS total FROM ${TASK_FROM} ${filter.clause}
          ORDER BY ${SORT_COLUMNS[search.sortBy]} ${search.order} NULLS LAST, t.key ${search.order} LIMIT ${limit} OFFSET ${offset}`,
        filter.params,
      );
      return { rows, total: Number(rows[0]?.total ?? 0) };
    });
  }

  /** An open task the viewer may see; undefined otherwise (finished, foreign, not offered to them). */
  async find(tenantId: string, viewer: TaskViewer, key: string): Promise<TaskRow | undefined> {
    const filter = new SqlFilter();
    filter.where(`t.tenant_id = ${filter.param(tenantId)}`).where(`t.key = ${filter.param(key)}`);
    visibleTo(filter, viewer);
    return withTenants(this.pool, [tenantId], async (client) => (await client.query<TaskRow>(`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} ${filter.clause}`, filter.params)).rows[0]);
  }

  /**
   * The form-js schema a task names: by form id (or form key), from the deployment of the task's
   * process version first, else the latest deployed form with that id in the tenant.
   */
  async form(tenantId: string, formRef: string, deploymentKey: string): Promise<string | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ content: string }>(
        `SELECT content FROM deployment_resource WHERE tenant_id = $1 AND kind = 'form' AND (resource_id = $2 OR name = $2 || '.form')
          ORDER BY deployment_key = $3 DESC, deployment_key DESC LIMIT 1`,
        [tenantId, formRef, deploymentKey],
      );
      return rows[0]?.content;
    });
  }

  async variablesOf(tenantId: string, elementInstanceKey: string): Promise<JsonObject> {
    return withTenants(this.pool, [tenantId], async (client) => readVisibleVariables(client, tenantId, elementInstanceKey));
  }

  /** Who completed the earlier tasks of these elements in the process instance, from the event log. */
  async completers(tenantId: string, rootKey: string, processInstanceKey: string, elementIds: readonly string[]): Promise<{ elementId: string; userTaskKey: string; completedBy: string }[]> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ element_id: string; key: string; completed_by: string }>(
        `SELECT created.payload -> 'userTask' ->> 'elementId' AS element_id, completed.payload ->> 'key' AS key, completed.payload ->> 'completedBy' AS completed_by
           FROM instance_event created
           JOIN instance_event completed ON completed.tenant_id = created.tenant_id AND completed.root_key = created.root_key
                AND completed.type = 'UserTaskCompleted' AND completed.payload ->> 'key' = created.payload -> 'userTask' ->> 'key'
          WHERE created.tenant_id = $1 AND created.root_key = $2 AND created.type = 'UserTaskCreated'
            AND created.payload -> 'userTask' ->> 'processInstanceKey' = $3 AND created.payload -> 'userTask' ->> 'elementId' = ANY($4::text[])
            AND completed.payload ? 'completedBy'
          ORDER BY completed.position`,
        [tenantId, rootKey, processInstanceKey, elementIds],
      );
      return rows.map((row) => ({ elementId: row.element_id, userTaskKey: row.key, completedBy: row.completed_by }));
    });
  }

  async isMember(tenantId: string, subject: string): Promise<boolean> {
    return withTenants(this.pool, [tenantId], async (client) => ((await client.query('SELECT 1 FROM tenant_member WHERE tenant_id = $1 AND subject = $2', [tenantId, subject])).rowCount ?? 0) > 0);
  }
}

function visibleTo(filter: SqlFilter, viewer: TaskViewer): void {
  if (viewer.seesAll) return;
  const subject = filter.param(viewer.subject);
  filter.where(`(t.assignee = ${subject} OR ${subject} = ANY(t.candidate_users) OR t.candidate_groups && ${filter.param(viewer.groups)}::text[])`);
}
