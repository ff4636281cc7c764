import { InstanceNotFoundError, RecordNotFoundError, type RunCommandResult } from '@laufweg/persistence';
import { commandRejected, recordNotFound, type RecordKind } from './api-problems';

export type AcceptedCommand = Extract<RunCommandResult, { rejected: false }>;

/**
 * Runs one runtime command for a record named by key and maps its outcome: a record that does
 * not exist (or no longer exists) in the tenant is 404, a command the engine refuses is 409
 * `command-rejected` with the engine's reason. Either way nothing changed.
 */
export async function runCommand(kind: RecordKind, key: string, command: () => Promise<RunCommandResult>): Promise<AcceptedCommand> {
  let result: RunCommandResult;
  try {
    result = await command();
  } catch (error) {
    if (error instanceof RecordNotFoundError || error instanceof InstanceNotFoundError) throw recordNotFound(kind, key);
    throw error;
  }
  if (result.rejected) throw commandRejected(result.reason);
  return result;
}
