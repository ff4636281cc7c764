/** Namespace URIs Laufweg reads or recognises. */
export const NAMESPACES = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  zeebe: 'http://camunda.org/schema/zeebe/1.0',
  camunda: 'http://camunda.org/schema/1.0/bpmn',
  activiti: 'http://activiti.org/bpmn',
  flowable: 'http://flowable.org/bpmn',
  js: 'http://paed01.github.io/bpmn-engine/schema/2017/08/bpmn',
} as const;

/** The namespace of the BPMN 2.0 beta drafts, still written by some old tools. */
export const LEGACY_BPMN_NAMESPACE = 'http://schema.omg.org/spec/BPMN/2.0';

/** Prefixes that, when used without a declaration, are given their customary namespace. */
const CUSTOMARY_PREFIXES: Readonly<Record<string, string>> = {
  ...NAMESPACES,
  bpmn2: NAMESPACES.bpmn,
  semantic: NAMESPACES.bpmn,
  model: NAMESPACES.bpmn,
  omgdc: NAMESPACES.dc,
  omgdi: NAMESPACES.di,
};

/** The namespace an undeclared prefix is taken to mean; unknown prefixes get a placeholder URN. */
export function namespaceForUndeclaredPrefix(prefix: string): string {
  return Object.hasOwn(CUSTOMARY_PREFIXES, prefix)
    ? (CUSTOMARY_PREFIXES[prefix] as string)
    : `urn:laufweg:undeclared-prefix:${prefix}`;
}
