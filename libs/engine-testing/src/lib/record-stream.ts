import type { EngineEvent, EngineEventType, EventOf } from '@laufweg/bpmn-engine';

type Lifecycle = 'ElementActivating' | 'ElementActivated' | 'ElementCompleting' | 'ElementCompleted' | 'ElementTerminating' | 'ElementTerminated';

/** The emitted events of a test, with the queries scenario assertions need. */
export class RecordStream {
  constructor(readonly events: readonly EngineEvent[]) {}

  ofType<T extends EngineEventType>(type: T): EventOf<T>[] {
    return this.events.filter((record): record is EventOf<T> => record.type === type);
  }

  /** Element ids in the order they reached a lifecycle state (process instances excluded). */
  elementIds(lifecycle: Lifecycle, processInstanceKey?: string): string[] {
    const byKey = this.instancesByKey();
    return this.events
      .filter((record) => record.type === lifecycle)
      .map((record) => byKey.get((record as EventOf<Lifecycle>).key))
      .filter((instance) => instance !== undefined && instance.elementType !== 'process' && instance.elementType !== 'multiInstanceBody')
      .filter((instance) => !processInstanceKey || instance?.processInstanceKey === processInstanceKey)
      .map((instance) => instance?.elementId ?? '');
  }

  completed(processInstanceKey?: string): string[] {
    return this.elementIds('ElementCompleted', processInstanceKey);
  }

  terminated(processInstanceKey?: string): string[] {
    return this.elementIds('ElementTerminated', processInstanceKey);
  }

  activated(processInstanceKey?: string): string[] {
    return this.elementIds('ElementActivated', processInstanceKey);
  }

  /** The process instance keys that completed (or were terminated). */
  processInstances(lifecycle: 'ElementCompleted' | 'ElementTerminated' | 'ElementActivating'): string[] {
    const byKey = this.instancesByKey();
    return this.events
      .filter((record) => record.type === lifecycle)
      .map((record) => byKey.get((record as EventOf<Lifecycle>).key))
      .filter((instance) => instance?.elementType === 'process')
      .map((instance) => instance?.key ?? '');
  }

  private instancesByKey(): Map<string, EventOf<'ElementActivating'>> {
    return new Map(this.ofType('ElementActivating').map((record) => [record.key, record]));
  }
}
