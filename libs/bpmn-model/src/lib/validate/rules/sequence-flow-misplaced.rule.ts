import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A sequence flow is declared in the process or sub-process that holds the nodes it connects. */
export const sequenceFlowMisplacedRule: ValidationRule = {
  id: 'sequence-flow-misplaced',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:SequenceFlow'))
      .flatMap((flow) => {
        const source = elementProp(flow, 'sourceRef');
        const target = elementProp(flow, 'targetRef');
        if (source === undefined || target === undefined || source.$parent !== target.$parent || source.$parent === flow.$parent) return [];
        return [
          problemOf(
            'sequence-flow-misplaced',
            context.severityFor(flow),
            flow,
            `${describeElement(flow)} is declared outside the process or sub-process that holds the elements it connects; move it there.`,
          ),
        ];
      }),
};
