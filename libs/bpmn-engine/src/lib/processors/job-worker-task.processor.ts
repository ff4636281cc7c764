import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import { failure, type ElementContext, type ElementProcessor, type HookResult } from './element-processor';

/**
 * Service, send and business rule tasks (and message throw events with a job): create a job for
 * a worker of the job type and wait. Completing the job completes the task (onTrigger default);
 * failing it without retries raises an incident; a thrown BPMN error is caught by the job
 * command handler.
 */
export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    if (context.element.calledDecision) {
      return failure('UNSUPPORTED', `Business rule task '${context.element.id}' calls a DMN decision; decisions are not supported yet. Use a job worker (zeebe:taskDefinition).`);
    }
    return behaviors.variables.applyInputs(context) ?? behaviors.jobs.createJob(context) ?? behaviors.lifecycle.activated(context);
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
