import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A sequence flow stays inside one process or sub-process; crossing a boundary needs events. */
export const sequenceFlowCrossesScopeRule: ValidationRule = {
  id: 'sequence-flow-crosses-scope',
  category: 'structure',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:SequenceFlow'))
      .flatMap((flow) => {
        const source = elementProp(flow, 'sourceRef');
        const target = elementProp(flow, 'targetRef');
        if (source === undefined || target === undefined || source.$parent === target.$parent) return [];
        return [
          problemOf('sequence-flow-crosses-scope', context.severityFor(flow), flow,
            `${describeElement(flow)} connects ${mentionElement(source)} with ${mentionElement(target)}, which lie in different processes or sub-processes; sequence flows cannot cross a sub-process boundary.`,
          ),
        ];
      }),
};
