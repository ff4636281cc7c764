import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { isCompensationHandler } from './rule-support';

/** A compensation handler runs only when compensation is thrown: it takes part in no flow. */
export const compensationHandlerFlowsRule: ValidationRule = {
  id: 'compensation-handler-flows',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isCompensationHandler(element) && context.incoming(element).length + context.outgoing(element).length > 0)
      .map((activity) => problemOf('compensation-handler-flows', context.severityFor(activity), activity, `${describeElement(activity)} is a compensation handler with sequence flows; it must have neither incoming nor outgoing flows.`)),
};
