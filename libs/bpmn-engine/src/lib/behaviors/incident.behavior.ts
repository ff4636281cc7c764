import { event } from '../events/engine-event';
import type { ElementContext, Failure } from '../processors/element-processor';
import type { Processing } from '../processing/processing';

/** Expected failures become incidents on the element instance; resolving retries the step. */
export class IncidentBehavior {
  constructor(private readonly processing: Processing) {}

  raise(context: ElementContext, cause: Failure, jobKey?: string): void {
    const { instance } = context;
    this.processing.emit(
      event('IncidentCreated', {
        incident: {
          key: this.processing.newKey(),
          errorType: cause.errorType,
          message: cause.message,
          elementId: instance.elementId,
          elementInstanceKey: instance.key,
          processInstanceKey: instance.processInstanceKey,
          createdAt: this.processing.now(),
          ...(jobKey ? { jobKey } : {}),
        },
      }),
    );
  }

  /** Incidents of an instance that is leaving are resolved with it. */
  resolveAllOf(elementInstanceKey: string): void {
    for (const incident of Object.values(this.processing.state.incidents)) {
      if (incident.elementInstanceKey === elementInstanceKey) this.processing.emit(event('IncidentResolved', { key: incident.key }));
    }
  }
}
