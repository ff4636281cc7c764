import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A sequence flow needs both ends. */
export const sequenceFlowUnconnectedRule: ValidationRule = {
  id: 'sequence-flow-unconnected',
  category: 'structure',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:SequenceFlow'))
      .flatMap((flow) => {
        const missing = ['sourceRef', 'targetRef'].filter((property) => elementProp(flow, property) === undefined);
        if (missing.length === 0) return [];
        const ends = missing.map((property) => (property === 'sourceRef' ? 'source' : 'target')).join(' and ');
        return [problemOf('sequence-flow-unconnected', context.severityFor(flow), flow, `${describeElement(flow)} has no ${ends}; connect both ends.`)];
      }),
};
