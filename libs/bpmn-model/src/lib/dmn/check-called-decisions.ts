import type { ExecutableDefinitions } from '../compile/executable-model';
import type { ModelProblem } from '../problem';
import type { ExecutableDecisions } from './executable-decision';

/**
 * Deployment check: every business rule task of the processes that calls a decision by a static
 * id (`zeebe:calledDecision decisionId="fee"`) finds it among the decisions deployed with it.
 * Ids given as FEEL (`=feeTable`) are only known at run time and are not checked.
 */
export function checkCalledDecisions(definitions: ExecutableDefinitions, decisions: ExecutableDecisions): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const known = Object.keys(decisions.decisions).sort();
  for (const model of Object.values(definitions.processes)) {
    for (const element of Object.values(model.elements)) {
      const called = element.calledDecision?.decisionId;
      if (called?.kind !== 'static' || called.value in decisions.decisions) continue;
      problems.push({
        severity: 'error',
        rule: 'called-decision-unknown',
        elementId: element.id,
        message: `The business rule task "${element.id}" calls the decision "${called.value}", which no DMN document of the deployment defines (defined: ${known.join(', ') || 'none'}); deploy it with the process or fix the id.`,
      });
    }
  }
  return problems;
}
