import { compileDefinitions } from '../compile/compile-definitions';
import { parseBpmn } from '../parse/parse-bpmn';
import { checkCalledDecisions } from './check-called-decisions';
import validFiles from './fixtures/files.fixtures';
import invalidFiles from './fixtures/invalid/files.fixtures';
import { loadDecisions, loadDmnModel } from './load-dmn-model';

const invalid = (name: string): string => new TextDecoder().decode(invalidFiles[`${name}.dmn`]);
const valid = (name: string): string => new TextDecoder().decode(validFiles[`${name}.dmn`]);

/** One malformed fixture per rule: [rule id, element id the problem names, text the sentence contains]. */
const cases: readonly (readonly [rule: string, elementId: string | undefined, mentions: string])[] = [
  ['xml-doctype-forbidden', undefined, 'DOCTYPE'],
  ['xml-not-dmn', undefined, 'not a DMN 1.3 model'],
  ['dmn-version-unsupported', undefined, 'DMN 1.1 or 1.2'],
  ['xml-not-well-formed', undefined, 'line 3'],
  ['dmn-decision-id-duplicate', 'fee', 'more than one decision'],
  ['duplicate-id', 'expr', 'more than one element'],
  ['dmn-decision-id-missing', undefined, 'Gebühr ohne Id'],
  ['dmn-decision-logic-unsupported', 'fee', 'a Context'],
  ['dmn-hit-policy-unknown', 'fee', '"SOMETIMES"'],
  ['dmn-aggregation-outside-collect', 'fee', 'only the hit policy COLLECT aggregates'],
  ['dmn-aggregation-invalid', 'fee', 'over 2 outputs'],
  ['dmn-output-missing', 'fee', 'no output column'],
  ['dmn-output-name-missing', 'fee', 'output column 1 ("Gebühr")'],
  ['dmn-output-name-duplicate', 'fee', 'output column 2'],
  ['dmn-input-expression-invalid', 'fee', 'The input expression of column 1 ("Urkundenart")'],
  ['dmn-input-entry-invalid', 'rule_broken', 'column 1 ("Urkundenart")'],
  ['dmn-output-entry-invalid', 'rule_broken', 'column 1 ("gebuehr")'],
  ['dmn-allowed-values-invalid', 'fee', 'The input values of column 1'],
  ['dmn-rule-entry-count', 'rule_short', '0 input and 1 output entries'],
  ['dmn-priority-output-values-missing', 'fee', 'PRIORITY'],
  ['dmn-required-decision-unknown', 'total', 'requires the decision "rate"'],
  ['dmn-requirement-cycle', 'total', '"total" -> "rate" -> "total"'],
  ['dmn-literal-expression-invalid', 'total', 'cannot be read as FEEL'],
  ['dmn-expression-language-unsupported', 'fee', 'is written in "juel"'],
];

describe('DMN validation: every rule reports its id, the element and a sentence', () => {
  it.each(cases)('given the fixture for %s, when it is loaded, then it is refused naming %s', async (rule, elementId, mentions) => {
    const result = await loadDmnModel(invalid(rule));

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const problem = problems.find((candidate) => candidate.rule === rule);
    expect(problem).toMatchObject({ severity: 'error', rule });
    expect(problem?.elementId).toBe(elementId);
    expect(problem?.message).toContain(mentions);
    expect(problem?.message).toMatch(/[.!]$/);
  });

  it('given the valid fixtures, when they are loaded, then no problem is reported', async () => {
    for (const name of ['hit-policies', 'collect-aggregations', 'requirements']) {
      expect(await loadDmnModel(valid(name))).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('given two documents that define the same decision, when deployed together, then the id is refused once', async () => {
    const fee = invalid('dmn-output-entry-invalid').replace('15 *', '15');

    const result = await loadDecisions([fee, fee]);

    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'dmn-decision-id-duplicate', elementId: 'fee' }] });
  });

  it('given unknown content, when it is loaded, then it is a warning and the decision still compiles', async () => {
    const result = await loadDmnModel(invalid('dmn-output-entry-invalid').replace('15 *', '15').replace('<rule id="rule_broken">', '<rule id="rule_broken"><mystery />'));

    expect(result).toMatchObject({ ok: true, warnings: [{ severity: 'warning', rule: 'dmn-content-ignored' }] });
  });

  it('given a process calling a decision by a static id, when the deployment lacks it, then called-decision-unknown names the task', async () => {
    const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <process id="p" isExecutable="true">
    <businessRuleTask id="rate"><extensionElements><zeebe:calledDecision decisionId="missing" resultVariable="r" /></extensionElements></businessRuleTask>
    <businessRuleTask id="dynamic"><extensionElements><zeebe:calledDecision decisionId="=table" resultVariable="r" /></extensionElements></businessRuleTask>
  </process>
</definitions>`;
    const parsed = await parseBpmn(bpmn);
    const compiled = parsed.ok ? compileDefinitions(parsed.value.definitions) : undefined;
    const decisions = await loadDmnModel(valid('requirements'));
    if (!compiled?.ok || !decisions.ok) throw new Error('fixtures must load');

    expect(checkCalledDecisions(compiled.value, decisions.value)).toEqual([
      expect.objectContaining({ rule: 'called-decision-unknown', elementId: 'rate', severity: 'error' }),
    ]);
  });
});
