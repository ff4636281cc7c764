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
