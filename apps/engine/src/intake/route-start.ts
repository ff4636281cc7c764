import type { JsonObject } from '@laufweg/bpmn-model';
import type { EngineRuntime } from '@laufweg/persistence';
import type { PoolClient } from 'pg';

/** The started instance, or why none started. */
export type RouteStartResult = { readonly ok: true; readonly processInstanceKey: string } | { readonly ok: false; readonly reason: string };

/**
 * Starts a route by its message start event inside the caller's transaction (the one that stores
 * the submission), so the submission and its instance commit together or not at all. The
 * correlation key is the submission id; the message is not buffered (time to live 0): a route
 * without a matching start event is an error of the deployment, not something to wait for. The
 * case id (the portal's Aktenzeichen of the case) becomes the instance's business key, so
 * caseworkers and the team find the case by it.
 */
export async function startRouteOn(client: PoolClient, runtime: EngineRuntime, tenantId: string, message: { name: string; correlationKey: string; businessKey: string; variables: JsonObject }): Promise<RouteStartResult> {
  // A savepoint per attempt: a command that needs more keys than reserved runs again with more.
  for (const keyBlocks of [4, 64, 1024]) {
    await client.query('SAVEPOINT laufweg_route_start');
    try {
      const result = await runtime.commands.runOn(
        client,
        { tenantId, businessKey: message.businessKey, command: { type: 'CorrelateMessage', name: message.name, correlationKey: message.correlationKey, variables: message.variables, timeToLiveMs: 0 } },
        keyBlocks,
      );
      if (result.rejected) return { ok: false, reason: result.reason };
      if (result.createdRoots.length !== 1) return { ok: false, reason: `no deployed process starts with the message '${message.name}'` };
      return { ok: true, processInstanceKey: result.createdRoots[0] };
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT laufweg_route_start');
      if (!(error instanceof Error && error.constructor.name === 'KeysExhaustedError')) throw error;
    }
  }
  return { ok: false, reason: 'the route needs more keys than one command may reserve' };
}
