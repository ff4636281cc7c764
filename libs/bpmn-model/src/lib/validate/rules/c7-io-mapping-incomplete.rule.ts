import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { camundaElements, extensionOwner, genericAttribute } from './camunda-support';

const filled = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/** Camunda 7 `camunda:in` / `camunda:out` pass variables: each needs a source and a target (or `variables="all"`). */
export const c7IoMappingIncompleteRule: ValidationRule = {
  id: 'c7-io-mapping-incomplete',
  category: 'camunda7',
  check: (context) =>
    ['in', 'out'].flatMap((kind) =>
      camundaElements(context.elements, kind).flatMap((mapping): ModelProblem[] => {
        if (filled(genericAttribute(mapping, 'variables')) || (kind === 'in' && filled(genericAttribute(mapping, 'businessKey')))) return [];
        const hasSource = filled(genericAttribute(mapping, 'source')) || filled(genericAttribute(mapping, 'sourceExpression'));
        const hasTarget = filled(genericAttribute(mapping, 'target'));
        if (hasSource && hasTarget) return [];
        const owner = extensionOwner(mapping);
        const missing = hasSource ? 'target' : 'source';
        return [problemOf('c7-io-mapping-incomplete', 'error', owner, `${describeElement(owner)} has a camunda:${kind} mapping without a ${missing}; fill it in.`)];
      }),
    ),
};
