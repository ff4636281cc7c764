import { elementProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { conditionOf } from './rule-support';

/** The default flow is taken when no condition holds: it has no condition of its own. */
export const defaultFlowConditionRule: ValidationRule = {
  id: 'default-flow-condition',
  category: 'modeling',
  check: (context) =>
    context.elements.flatMap((element) => {
      const flow = element.$descriptor.propertiesByName?.default === undefined ? undefined : elementProp(element, 'default');
      if (flow === undefined || conditionOf(flow) === undefined) return [];
      return [problemOf('default-flow-condition', context.severityFor(flow), flow, `${describeElement(flow)} is the default flow but has a condition; remove the condition.`)];
    }),
};
