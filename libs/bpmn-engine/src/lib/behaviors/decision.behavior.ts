import { evaluateDecision, type ExecutableElement, type JsonValue } from '@laufweg/bpmn-model';
import { failure, type ElementContext } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { Evaluated, ExpressionBehavior } from './expression.behavior';
import type { VariableBehavior } from './variable.behavior';

type CalledDecision = NonNullable<ExecutableElement['calledDecision']>;

/**
 * DMN decisions called by business rule tasks (`zeebe:calledDecision`), evaluated in the
 * engine like Zeebe does: the decision id (static or FEEL) is resolved in the instance's scope,
 * the decision is taken from the set deployed with the process (DecisionRepository port) and
 * evaluated over every variable visible from the instance, with the engine clock.
 *
 * A missing decision is a CALLED_DECISION_ERROR, a failed evaluation (FEEL error, UNIQUE
 * violated, value outside the allowed values ...) a DECISION_EVALUATION_ERROR. With the
 * element property `decisionNoMatch = incident` a single-hit table without a matching rule is
 * a DECISION_EVALUATION_ERROR too, instead of the DMN result null (for fees and rates).
 */
export class DecisionBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly expressions: ExpressionBehavior,
    private readonly variables: VariableBehavior,
  ) {}

  evaluate(context: ElementContext, called: CalledDecision): Evaluated<JsonValue> {
    const { instance } = context;
    const decisionId = this.expressions.string(called.decisionId, instance.key);
    if (!decisionId.ok) return decisionId;
    const decisions = this.processing.ports.decisions?.get(decisionId.value, instance.processDefinitionKey);
    if (decisions === undefined || !(decisionId.value in decisions.decisions)) {
      return {
        ok: false,
        failure: failure(
          'CALLED_DECISION_ERROR',
          `The business rule task '${context.element.id}' calls the decision '${decisionId.value}', which is not deployed with the process '${context.model.id}'. Deploy the DMN file with the process.`,
        ),
      };
    }
    const result = evaluateDecision(decisions, decisionId.value, this.variables.context(instance.key), {
      now: this.processing.now(),
      noMatch: context.element.properties['decisionNoMatch'] === 'incident' ? 'failure' : 'null',
    });
    if (!result.ok) return { ok: false, failure: failure('DECISION_EVALUATION_ERROR', result.message) };
    return { ok: true, value: result.value };
  }
}
