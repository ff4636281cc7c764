import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';
import { jobWorkerTaskProcessor } from './job-worker-task.processor';

/**
 * Business rule tasks. With `zeebe:calledDecision` the engine evaluates the DMN decision
 * itself (no job): input mappings, then the decision over the visible variables; the result is
 * set as `resultVariable` (local when the task has output mappings, which then pick from it,
 * else propagated like job variables) and the task completes at once. A failed evaluation is
 * an incident on the task; resolving it evaluates again (after variables were fixed).
 * With `zeebe:taskDefinition` instead, the task is a job for a worker, like a service task.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const called = context.element.calledDecision;
    if (!called) return jobWorkerTaskProcessor.onActivate(context, behaviors);
    const inputsFailed = behaviors.variables.applyInputs(context);
    if (inputsFailed) return inputsFailed;
    const result = behaviors.decisions.evaluate(context, called);
    if (!result.ok) return result.failure;
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    behaviors.variables.applyTriggerVariables(context, { [called.resultVariable]: result.value });
    behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
