import type { ParsedBpmn } from '../parse/parsed-bpmn';
import type { ModelProblemSeverity } from '../problem';
import { booleanProp, elementProp, elementsProp, isA, type ModdleElement } from '../parse/moddle-element';
import { walkElements } from '../parse/walk-elements';

/** A container of flow elements: a process or a sub-process (also transaction, ad-hoc, event). */
export interface FlowScope {
  readonly element: ModdleElement;
  readonly flowElements: readonly ModdleElement[];
  /** True when the enclosing process has `isExecutable="true"`. */
  readonly executable: boolean;
}

/** What rules read: the document, its scopes and the sequence-flow graph, computed once. */
export interface ValidationContext {
  readonly parsed: ParsedBpmn;
  readonly definitions: ModdleElement;
  /** Every element of the document in document order (semantic and DI). */
  readonly elements: readonly ModdleElement[];
  readonly processes: readonly ModdleElement[];
  readonly scopes: readonly FlowScope[];
  /** Sequence flows whose `targetRef` is the node (read from the flows, not `bpmn:incoming`). */
  incoming(node: ModdleElement): readonly ModdleElement[];
  /** Sequence flows whose `sourceRef` is the node. */
  outgoing(node: ModdleElement): readonly ModdleElement[];
  /** True when the element belongs to a process marked `isExecutable="true"`. */
  isExecutable(element: ModdleElement): boolean;
  /** Severity of a `modeling` rule: error where the element will run, warning elsewhere. */
  severityFor(element: ModdleElement): ModelProblemSeverity;
}

/** Builds the context of {@link validateBpmn}. */
export function createValidationContext(parsed: ParsedBpmn): ValidationContext {
  const definitions = parsed.definitions;
  const elements: ModdleElement[] = [];
  walkElements(definitions, (element) => elements.push(element));

  const processes = elementsProp(definitions, 'rootElements').filter((root) => isA(root, 'bpmn:Process'));
  const scopes: FlowScope[] = elements
    .filter((element) => isA(element, 'bpmn:Process') || isA(element, 'bpmn:SubProcess'))
    .map((element) => ({ element, flowElements: elementsProp(element, 'flowElements'), executable: executableOf(element) }));

  const incoming = new Map<ModdleElement, ModdleElement[]>();
  const outgoing = new Map<ModdleElement, ModdleElement[]>();
  const push = (map: Map<ModdleElement, ModdleElement[]>, key: ModdleElement | undefined, flow: ModdleElement): void => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [flow]);
    else list.push(flow);
  };
  for (const element of elements) {
    if (!isA(element, 'bpmn:SequenceFlow')) continue;
    push(outgoing, elementProp(element, 'sourceRef'), element);
    push(incoming, elementProp(element, 'targetRef'), element);
  }

  return {
    parsed,
    definitions,
    elements,
    processes,
    scopes,
    incoming: (node) => incoming.get(node) ?? [],
    outgoing: (node) => outgoing.get(node) ?? [],
    isExecutable: executableOf,
    severityFor: (element) => (executableOf(element) ? 'error' : 'warning'),
  };
}

function executableOf(element: ModdleElement): boolean {
  for (let current: ModdleElement | undefined = element; current !== undefined; current = current.$parent) {
    if (isA(current, 'bpmn:Process')) return booleanProp(current, 'isExecutable') === true;
  }
  return false;
}
