import type { ModelProblem, ModelProblemSeverity } from '../problem';
import { nearestId, type ModdleElement } from '../parse/moddle-element';
import type { ValidationContext } from './validation-context';

/**
 * What kind of defect a rule finds:
 * - `structure`: the document is inconsistent (duplicate ids, references to the wrong kind of
 *   element, flows without ends or across scopes); an error in any process;
 * - `modeling`: a BPMN 2.0 modelling rule is broken (a start event with an incoming flow, a
 *   triggered start in an embedded sub-process); an error in executable processes, a warning
 *   in processes that only document;
 * - `execution`: an executable process misses what any BPMN engine needs to run it
 *   (start events, timer values, message names); checked in executable processes only;
 * - `zeebe`: what Laufweg's Zeebe dialect needs to execute (job types, FEEL, correlation keys);
 * - `camunda7`: Camunda 7 extension values that Camunda 7 itself refuses (migrated models).
 */
export type RuleCategory = 'structure' | 'modeling' | 'execution' | 'zeebe' | 'camunda7';

/** One static check with a stable id (documented in docs/validation-rules.md). */
export interface ValidationRule {
  readonly id: string;
  readonly category: RuleCategory;
  /** Pure: reads the context, returns the problems found (each with this rule's id). */
  readonly check: (context: ValidationContext) => ModelProblem[];
}

/** A problem of `rule` about `element` (its id, or its closest ancestor's). */
export function problemOf(
  rule: string,
  severity: ModelProblemSeverity,
  element: ModdleElement | undefined,
  message: string,
): ModelProblem {
  const elementId = nearestId(element);
  return elementId === undefined ? { severity, rule, message } : { severity, rule, elementId, message };
}
