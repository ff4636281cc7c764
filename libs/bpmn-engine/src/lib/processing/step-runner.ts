import type { Behaviors } from '../behaviors/behaviors';
import { event } from '../events/engine-event';
import type { Step } from './processing';

/** Runs one queued lifecycle step through the element's processor; failures become incidents. */
export function runStep(step: Step, behaviors: Behaviors): void {
  const { processing, lifecycle, incidents } = behaviors;
  const instance = processing.instance(step.key);
  if (!instance) return;
  const context = lifecycle.context(instance);
  const processor = behaviors.processorOf(instance);
  switch (step.kind) {
    case 'activate': {
      if (instance.state !== 'activating') return;
      const failed = processor.onActivate(context, behaviors);
      if (failed) incidents.raise(context, failed);
      return;
    }
    case 'complete': {
      if (instance.state === 'activated') processing.emit(event('ElementCompleting', { key: instance.key }));
      else if (instance.state !== 'completing' || !step.retry) return;
      const failed = processor.onComplete(context, behaviors);
      if (failed) incidents.raise(context, failed);
      return;
    }
    case 'terminate': {
      if (instance.state !== 'activating' && instance.state !== 'activated' && instance.state !== 'completing') return;
      processing.emit(event('ElementTerminating', { key: instance.key }));
      processor.onTerminate(context, behaviors);
      return;
    }
  }
}

/** Re-runs the step an incident interrupted (the hook of the instance's current state). */
export function retryStep(key: string, behaviors: Behaviors): void {
  const instance = behaviors.processing.instance(key);
  if (instance?.state === 'activating') {
    // Whatever the failed attempt created before it failed is discarded; the hook starts over.
    behaviors.jobs.cancelAllOf(key);
    behaviors.subscriptions.closeAllOf(key);
    behaviors.processing.schedule({ kind: 'activate', key });
  }
  if (instance?.state === 'completing') behaviors.processing.schedule({ kind: 'complete', key, retry: true });
}
