export { validateBpmn, categoryOfRule } from './validate-bpmn';
export type { ValidateBpmnOptions } from './validate-bpmn';
export { VALIDATION_RULES } from './rule-registry';
export type { ValidationRule, RuleCategory } from './validation-rule';
export type { ValidationContext, FlowScope } from './validation-context';
