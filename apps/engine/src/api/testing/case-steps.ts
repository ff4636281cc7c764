import type { ApiTestApp } from './api-test-app';

/** Runs a building-permit instance through both user tasks (directly on the runtime) to the fee message. */
export async function waitingForFee(api: ApiTestApp, tenantId: string, applicationId: string): Promise<string> {
  const instance = await api.start(tenantId, 'building-permit', { applicationId });
  for (const elementId of ['check', 'approve']) {
    const result = await api.runtime.completeUserTask(tenantId, await api.taskKey(tenantId, instance, elementId), {}, `clerk-${elementId}`);
    if (result.rejected) throw new Error(result.reason);
  }
  return instance;
}

/** The open job of an instance. */
export async function jobKey(api: ApiTestApp, tenantId: string, processInstanceKey: string): Promise<string> {
  const { rows } = await api.owner.query<{ key: string }>(`SELECT key FROM job WHERE tenant_id = $1 AND process_instance_key = $2 AND kind = 'job'`, [tenantId, processInstanceKey]);
  if (rows.length !== 1) throw new Error(`Expected one job, found ${rows.length}.`);
  return rows[0].key;
}
