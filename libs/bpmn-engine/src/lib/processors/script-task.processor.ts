import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * Script tasks. A FEEL script (zeebe:script or scriptFormat="feel") is evaluated by the engine
 * and its result stored in the result variable. Any other script language is never evaluated:
 * it becomes a job of type `script:<format>` whose `script` header carries the text.
 */
export const scriptTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const inputsFailed = behaviors.variables.applyInputs(context);
    if (inputsFailed) return inputsFailed;
    const script = context.element.script;
    if (!script || script.kind === 'job') {
      const headers = script ? { script: script.script, ...(script.resultVariable ? { resultVariable: script.resultVariable } : {}) } : {};
      return behaviors.jobs.createJob(context, context.element.job, headers) ?? behaviors.lifecycle.activated(context);
    }
    const result = behaviors.expressions.evaluate(script.expression, context.instance.key);
    if (!result.ok) return result.failure;
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    if (script.resultVariable) behaviors.variables.applyTriggerVariables(context, { [script.resultVariable]: result.value });
    behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
