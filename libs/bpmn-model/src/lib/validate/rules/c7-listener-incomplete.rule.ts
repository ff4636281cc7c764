import { describeElement } from '../../parse/describe-element';
import { isModdleElement } from '../../parse/moddle-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { camundaElements, extensionOwner, genericAttribute } from './camunda-support';

const IMPLEMENTATIONS = ['class', 'expression', 'delegateExpression'];

/** A Camunda 7 execution or task listener says what to call: a class, an expression, a delegate or a script. */
export const c7ListenerIncompleteRule: ValidationRule = {
  id: 'c7-listener-incomplete',
  category: 'camunda7',
  check: (context) =>
    ['executionListener', 'taskListener'].flatMap((kind) =>
      camundaElements(context.elements, kind).flatMap((listener): ModelProblem[] => {
        const given = IMPLEMENTATIONS.map((name) => genericAttribute(listener, name)).filter((value) => value !== undefined);
        const hasScript = (listener.$children ?? []).some((child) => isModdleElement(child) && child.$descriptor.ns.localName === 'script');
        if ((given.length > 0 && given.every((value) => value.trim() !== '')) || (given.length === 0 && hasScript)) return [];
        const owner = extensionOwner(listener);
        return [problemOf('c7-listener-incomplete', 'error', owner, `${describeElement(owner)} has a camunda:${kind} without a class, expression, delegate expression or script; complete or remove it.`)];
      }),
    ),
};
