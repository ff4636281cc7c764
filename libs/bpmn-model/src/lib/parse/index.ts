export { parseBpmn, createBpmnModdle } from './parse-bpmn';
export type { ParsedBpmn, ParseBpmnOptions } from './parsed-bpmn';
export { DEFAULT_MAX_BPMN_BYTES } from './parsed-bpmn';
export * from './moddle-element';
export { walkElements, containedElements } from './walk-elements';
export { describeElement, kindOf } from './describe-element';
export { NAMESPACES } from './well-known-namespaces';
