export * from './executable-decision';
export { parseDmn, DMN13_NAMESPACE, type ParsedDmn, type ParseDmnOptions } from './parse-dmn';
export { compileDmn, mergeDecisions } from './compile-dmn';
export { loadDmnModel, loadDecisions } from './load-dmn-model';
export { evaluateDecision, type DecisionEvaluation, type EvaluateDecisionOptions, type MatchedRule } from './evaluate-decision';
export type { NoMatchBehavior } from './evaluate-decision-table';
export { checkCalledDecisions } from './check-called-decisions';
