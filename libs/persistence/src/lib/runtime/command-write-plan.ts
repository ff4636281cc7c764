import type { BufferedMessageRecord, EngineEvent, EngineState } from '@laufweg/bpmn-engine';
import { attributeEvents } from './event-attribution';
import { planProcessInstanceHeaders, type ProcessInstanceHeaders } from './process-instance-headers';
import { diffStates, rootResolver } from './state-diff';
import type { CommandWrite } from './state-writer';

/** What an accepted command did to the state it ran on, before it is written. */
export interface ProcessedCommand {
  readonly before: EngineState;
  readonly state: EngineState;
  readonly events: readonly EngineEvent[];
  /** Buffered messages the command consumed (not part of `before`, which did not load them). */
  readonly consumed: readonly BufferedMessageRecord[];
}

/**
 * The rows, headers and log appends of one accepted command: the same for a command run alone
 * and one run in a batch (whose writes are concatenated; the trees of a batch are disjoint).
 * `revisions` are the positions of the locked roots' logs.
 */
export function planCommandWrite(
  processed: ProcessedCommand,
  revisions: ReadonlyMap<string, number>,
  context: { readonly businessKey?: string; readonly now: Date },
): { readonly headers: ProcessInstanceHeaders; readonly write: CommandWrite } {
  const { before, state, events, consumed } = processed;
  const rootOf = rootResolver([state, before], events);
  const headers = planProcessInstanceHeaders(before, events, rootOf, context.businessKey !== undefined ? { businessKey: context.businessKey } : {});
  // Consumed buffered messages were not loaded up front; they belong to the old state.
  const diffBase = consumed.length === 0 ? before : { ...before, messages: { ...before.messages, ...Object.fromEntries(consumed.map((message) => [message.key, message])) } };
  const appends = [...attributeEvents(events, [before, state], rootOf)].map(([rootKey, treeEvents]) => ({ rootKey, revision: revisions.get(rootKey) ?? 0, events: treeEvents }));
  return { headers, write: { changes: diffStates(diffBase, state, rootOf), headers, appends, now: context.now } };
}

/** The writes of several commands on disjoint trees as one (one write statement). */
export function mergeCommandWrites(writes: readonly CommandWrite[], now: Date): CommandWrite {
  return {
    changes: writes.flatMap((write) => write.changes),
    headers: { created: writes.flatMap((write) => write.headers.created), ended: new Map(writes.flatMap((write) => [...write.headers.ended])) },
    appends: writes.flatMap((write) => write.appends),
    now,
  };
}
