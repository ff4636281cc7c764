import type { EngineEvent, EventOf } from '@laufweg/bpmn-engine';

/** What one instance tree (the instance and the instances its call activities started) did. */
export interface InstanceTrace {
  /** Element ids in the order they were entered (process and multi-instance bodies left out). */
  readonly path: readonly string[];
  /** How often each element was entered. */
  readonly visits: Readonly<Record<string, number>>;
  /** Sequence flow ids in the order they were taken. */
  readonly flows: readonly string[];
  readonly completed: readonly string[];
  /** End events that completed, in order. */
  readonly endEvents: readonly string[];
  /** Jobs completed, in order: what connectors did (documents rendered, notifications sent, ...). */
  readonly completedJobs: readonly { readonly type: string; readonly elementId: string }[];
  readonly state: 'active' | 'completed' | 'terminated';
  readonly processInstanceKeys: ReadonlySet<string>;
}

/** Follows the tree of `rootKey` through an event log that may hold other instances too. */
export function traceInstance(events: readonly EngineEvent[], rootKey: string): InstanceTrace {
  const instances = new Set([rootKey]);
  const elements = new Map<string, EventOf<'ElementActivating'>>();
  const jobs = new Map<string, { type: string; elementId: string }>();
  const path: string[] = [];
  const visits: Record<string, number> = {};
  const flows: string[] = [];
  const completed: string[] = [];
  const endEvents: string[] = [];
  const completedJobs: { type: string; elementId: string }[] = [];
  let state: InstanceTrace['state'] = 'active';

  for (const record of events) {
    switch (record.type) {
      case 'ElementActivating': {
        const childOfTree = record.elementType === 'process' && record.parentElementInstanceKey !== undefined && elements.has(record.parentElementInstanceKey);
        if (childOfTree) instances.add(record.key);
        if (!instances.has(record.processInstanceKey)) break;
        elements.set(record.key, record);
        if (record.elementType === 'process' || record.elementType === 'multiInstanceBody') break;
        path.push(record.elementId);
        visits[record.elementId] = (visits[record.elementId] ?? 0) + 1;
        break;
      }
      case 'ElementCompleted':
      case 'ElementTerminated': {
        const element = elements.get(record.key);
        if (!element) break;
        if (element.key === rootKey) state = record.type === 'ElementCompleted' ? 'completed' : 'terminated';
        if (record.type !== 'ElementCompleted' || element.elementType === 'process' || element.elementType === 'multiInstanceBody') break;
        completed.push(element.elementId);
        if (element.elementType === 'endEvent') endEvents.push(element.elementId);
        break;
      }
      case 'SequenceFlowTaken':
        if (instances.has(record.processInstanceKey)) flows.push(record.flowId);
        break;
      case 'JobCreated':
        if (instances.has(record.job.processInstanceKey)) jobs.set(record.job.key, { type: record.job.type, elementId: record.job.elementId });
        break;
      case 'JobCompleted': {
        const job = jobs.get(record.key);
        if (job) completedJobs.push(job);
        break;
      }
      default:
        break;
    }
  }
  return { path, visits, flows, completed, endEvents, completedJobs, state, processInstanceKeys: instances };
}
