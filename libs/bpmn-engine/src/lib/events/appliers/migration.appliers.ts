import type { ApplierTable } from './applier';

/**
 * Migration rewrites the records of one process instance in place: the definition they run on
 * and the element ids, per the mapping the event carries. Records of called child instances
 * have their own process instance key and stay as they are.
 */
export const migrationAppliers: ApplierTable<'ProcessInstanceMigrated'> = {
  ProcessInstanceMigrated: (state, event) => {
    const rename = (elementId: string): string => event.elementIds[elementId] ?? elementId;
    const owned = <T extends { processInstanceKey: string | null }>(records: Record<string, T>): T[] =>
      Object.values(records).filter((record) => record.processInstanceKey === event.processInstanceKey);
    for (const instance of owned(state.elementInstances)) {
      instance.elementId = rename(instance.elementId);
      instance.processDefinitionKey = event.processDefinitionKey;
      instance.processId = event.processId;
      if (instance.userTaskCompleters) instance.userTaskCompleters = renameCompleters(instance.userTaskCompleters, rename);
    }
    for (const record of [...owned(state.jobs), ...owned(state.userTasks)]) {
      record.elementId = rename(record.elementId);
      record.processId = event.processId;
    }
    for (const record of [...owned(state.timers), ...owned(state.signalSubscriptions)]) {
      record.elementId = rename(record.elementId);
      record.processDefinitionKey = event.processDefinitionKey;
    }
    for (const record of [...owned(state.messageSubscriptions), ...owned(state.conditionalSubscriptions), ...owned(state.incidents)]) {
      record.elementId = rename(record.elementId);
    }
  },
};

/** Completers of a renamed element count for its new id (two ids mapped onto one merge; one task per person stays). */
function renameCompleters(completers: Record<string, Record<string, string>>, rename: (elementId: string) => string): Record<string, Record<string, string>> {
  const renamed: Record<string, Record<string, string>> = {};
  for (const [elementId, byPerson] of Object.entries(completers)) {
    const target = (renamed[rename(elementId)] ??= {});
    for (const [person, userTaskKey] of Object.entries(byPerson)) target[person] ??= userTaskKey;
  }
  return renamed;
}
