import { parseBpmn } from '../../parse/parse-bpmn';
import type { ModelProblem, ModelProblemSeverity } from '../../problem';
import { VALIDATION_RULES } from '../rule-registry';
import { validateBpmn } from '../validate-bpmn';
import files from './fixtures/files.fixtures';

/** Parse + validate a fixture: the problems a designer would see on deploy. */
async function problemsOf(fixture: string): Promise<readonly ModelProblem[]> {
  const result = await parseBpmn(files[fixture]);
  return result.ok ? [...result.warnings, ...validateBpmn(result.value)] : result.problems;
}

/** [rule id, element the invalid fixture must be reported on, severity]. Fixtures: fixtures/<rule>.(in)valid.bpmn */
const cases: readonly (readonly [string, string, ModelProblemSeverity])[] = [
  ['duplicate-id', 'Task_1', 'error'],
  ['reference-wrong-type', 'Catch_1', 'error'],
  ['sequence-flow-unconnected', 'Flow_2', 'error'],
  ['sequence-flow-crosses-scope', 'Flow_X', 'error'],
  ['boundary-event-attachment', 'Boundary_1', 'error'],
  ['default-flow-not-outgoing', 'Gateway_1', 'error'],
  ['start-event-incoming', 'Start', 'error'],
  ['end-event-outgoing', 'End', 'error'],
  ['boundary-event-incoming', 'Boundary_1', 'error'],
  ['boundary-event-trigger', 'Boundary_1', 'error'],
  ['boundary-event-scope', 'Boundary_1', 'error'],
  ['sequence-flow-misplaced', 'Flow_X', 'error'],
  ['event-subprocess-flows', 'EventSub_1', 'error'],
  ['event-subprocess-start', 'EventStart_1', 'error'],
  ['subprocess-start-trigger', 'SubStart', 'error'],
  ['start-event-trigger', 'Start', 'error'],
  ['compensation-boundary-flow', 'Compensation_1', 'error'],
  ['compensation-handler-flows', 'Undo_1', 'error'],
  ['parallel-gateway-conditional-flow', 'Flow_2', 'error'],
  ['default-flow-condition', 'Flow_3', 'error'],
  ['event-based-gateway-targets', 'Flow_3', 'error'],
  ['gateway-flows', 'Gateway_1', 'error'],
  ['flow-node-unreachable', 'Task_2', 'error'],
  ['flow-node-dead-end', 'Task_2', 'warning'],
  ['message-reference-missing', 'Catch_1', 'error'],
  ['timer-definition-missing', 'Catch_1', 'error'],
  ['error-code-missing', 'ErrorEnd', 'warning'],
  ['signal-name-missing', 'Throw_1', 'error'],
  ['escalation-code-missing', 'Throw_1', 'error'],
  ['conditional-event-condition-missing', 'Catch_1', 'error'],
  ['link-throw-unmatched', 'LinkThrow_1', 'error'],
  ['link-catch-duplicate', 'LinkCatch_2', 'error'],
  ['process-start-event', 'Process_1', 'error'],
  ['subprocess-start-event', 'Sub_1', 'error'],
  ['call-activity-called-element', 'Call_1', 'error'],
  ['multi-instance-collection-missing', 'Task_1', 'error'],
  ['gateway-unconditional-flow', 'Flow_3', 'warning'],
  ['process-not-executable', 'Process_1', 'warning'],
  ['element-id-invalid', '1-check', 'error'],
  ['none-start-event-multiple', 'Start_2', 'error'],
  ['task-definition-missing', 'Service_1', 'error'],
  ['feel-syntax', 'Flow_2', 'error'],
  ['expression-language-unsupported', 'Flow_2', 'error'],
  ['timer-value-invalid', 'Catch_1', 'error'],
  ['zeebe-io-mapping-incomplete', 'Task_1', 'error'],
  ['message-correlation-key-missing', 'Catch_1', 'error'],
  ['c7-io-mapping-incomplete', 'Call_1', 'error'],
  ['c7-listener-incomplete', 'Task_1', 'error'],
  ['c7-history-ttl-invalid', 'Process_1', 'error'],
  ['c7-async-after-event-gateway', 'Gateway_1', 'error'],
  ['c7-expression-syntax', 'Task_1', 'error'],
  ['compensation-reference', 'Compensate_1', 'error'],
  ['compensation-handler-multiple', 'Task_1', 'error'],
  ['catch-event-ambiguous', 'Boundary_2', 'error'],
  ['receive-task-message-missing', 'Receive_1', 'error'],
];

describe('validation rules, each with a malformed fixture and a valid counterpart', () => {
  it.each(cases)('%s: reports the malformed fixture on %s', async (rule, elementId, severity) => {
    // given the malformed fixture of the rule
    // when it is parsed and validated
    const problems = await problemsOf(`${rule}.invalid.bpmn`);

    // then the rule names the offending element with its severity
    expect(problems).toContainEqual(expect.objectContaining({ rule, elementId, severity }));
  });

  it.each(cases)('%s: accepts the valid counterpart without any error', async (rule) => {
    // given the corrected fixture
    // when it is parsed and validated
    const problems = await problemsOf(`${rule}.valid.bpmn`);

    // then the rule is silent and nothing else refuses the model
    expect(problems.filter((problem) => problem.rule === rule)).toEqual([]);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('has a fixture pair for every registered rule', () => {
    // given the rule registry
    // then every rule is covered by the table above
    expect(VALIDATION_RULES.map((rule) => rule.id).sort()).toEqual(cases.map(([rule]) => rule).sort());
  });
});
