import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** The default flow of a gateway or activity is one of its own outgoing flows. */
export const defaultFlowNotOutgoingRule: ValidationRule = {
  id: 'default-flow-not-outgoing',
  category: 'structure',
  check: (context) =>
    context.elements.flatMap((element) => {
      const flow = element.$descriptor.propertiesByName?.default === undefined ? undefined : elementProp(element, 'default');
      if (flow === undefined || !isA(flow, 'bpmn:SequenceFlow') || elementProp(flow, 'sourceRef') === element) return [];
      return [problemOf('default-flow-not-outgoing', context.severityFor(element), element, `${describeElement(element)} names ${mentionElement(flow)} as its default flow, but that flow does not leave it.`)];
    }),
};
