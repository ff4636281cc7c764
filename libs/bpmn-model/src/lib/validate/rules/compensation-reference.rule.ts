import { elementProp, isA, type ModdleElement } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, isEventSubProcess, scopeOf } from './rule-support';

/**
 * A compensation throw names an activity of its own scope (for a throw in an event sub-process,
 * also of the scope around it); a compensation catch names no activity.
 */
export const compensationReferenceRule: ValidationRule = {
  id: 'compensation-reference',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:Event') && eventDefinitionOf(element, 'bpmn:CompensateEventDefinition') !== undefined)
      .flatMap((event): ModelProblem[] => {
        const definition = eventDefinitionOf(event, 'bpmn:CompensateEventDefinition') as ModdleElement;
        const activity = elementProp(definition, 'activityRef');
        const severity = context.severityFor(event);
        if (isA(event, 'bpmn:CatchEvent')) {
          if (activity === undefined) return [];
          return [problemOf('compensation-reference', severity, event, `${describeElement(event)} catches compensation but names an activity; only a throwing compensation event names one.`)];
        }
        if (activity === undefined || !isA(activity, 'bpmn:Activity')) return [];
        if (compensableScopes(event).includes(activity.$parent)) return [];
        return [problemOf('compensation-reference', severity, event, `${describeElement(event)} compensates ${mentionElement(activity)}, which is not in its own process or sub-process.`)];
      }),
};

/** The scopes whose activities a throw may compensate: its own, and for an event sub-process the one around it. */
function compensableScopes(event: ModdleElement): (ModdleElement | undefined)[] {
  const scope = scopeOf(event);
  return scope !== undefined && isEventSubProcess(scope) ? [scope, scopeOf(scope)] : [scope];
}
