import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * Service and send tasks, business rule tasks with a job type (those calling a DMN decision are
 * business-rule-task.processor.ts), and message throw events with a job: create a job for a
 * worker of the job type and wait. Completing the job completes the task (onTrigger default);
 * failing it without retries raises an incident; a thrown BPMN error is caught by the job
 * command handler.
 */
export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    return behaviors.variables.applyInputs(context) ?? behaviors.jobs.createJob(context) ?? behaviors.lifecycle.activated(context);
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
