import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * User tasks (Camunda 8 native user tasks): create a user task record with assignee, candidate
 * groups/users, form and dates, and wait for CompleteUserTask (onTrigger default).
 */
export const userTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    return behaviors.variables.applyInputs(context) ?? behaviors.jobs.createUserTask(context) ?? behaviors.lifecycle.activated(context);
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
