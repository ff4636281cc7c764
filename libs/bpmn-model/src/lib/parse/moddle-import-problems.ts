import type { BpmnModdle, ModdleImportWarning } from 'bpmn-moddle';
import type { ModelProblem, ModelProblemSeverity } from '../problem';
import { describeElement } from './describe-element';
import { isA, nearestId, type ModdleElement } from './moddle-element';

/** References that carry the flow: unresolved, the flow breaks. */
const FLOW_REFERENCES: readonly (readonly [type: string, property: string])[] = [
  ['bpmn:SequenceFlow', 'sourceRef'],
  ['bpmn:SequenceFlow', 'targetRef'],
  ['bpmn:BoundaryEvent', 'attachedToRef'],
  ['bpmn:Activity', 'default'],
  ['bpmn:ExclusiveGateway', 'default'],
  ['bpmn:InclusiveGateway', 'default'],
  ['bpmn:ComplexGateway', 'default'],
  ['bpmn:CompensateEventDefinition', 'activityRef'],
  ['bpmn:ReceiveTask', 'messageRef'],
];

/**
 * Triggers a catching event waits for: unresolved, bpmn-moddle drops the reference and the event
 * would silently wait for any message, signal or escalation. (An unresolved `errorRef` stays a
 * warning: Camunda 7 and Flowable read it as the error code itself.)
 */
const TRIGGER_REFERENCES: readonly (readonly [type: string, property: string])[] = [
  ['bpmn:MessageEventDefinition', 'messageRef'],
  ['bpmn:SignalEventDefinition', 'signalRef'],
  ['bpmn:EscalationEventDefinition', 'escalationRef'],
];

/** Error messages of saxen, the XML tokenizer under bpmn-moddle, that mean "not well-formed". */
export const MARKUP_ERRORS = [
  'missing attribute value',
  'illegal first char attribute name',
  'illegal attribute name char',
  'illegal declaration of xmlns',
  'attribute value quote missmatch',
  'missing attribute value quotes',
  'missing closing quotes',
  'illegal character after attribute end',
  'already defined',
  'non-whitespace outside of root node',
  'close tag',
  'closing tag mismatch',
  'unclosed',
  'unexpected end of file',
  'missing start tag',
  'missing open tag',
  'invalid nodeName',
  'illegal first char nodeName',
  'missing namespace on',
];

/** What the mapping needs from the parsed document. */
export interface ImportProblemContext {
  readonly moddle: BpmnModdle;
  /** Error where the element (or, when unknown, the document) will run; warning elsewhere. */
  readonly severityFor: (element: ModdleElement | undefined) => ModelProblemSeverity;
  readonly elementById: (id: string) => ModdleElement | undefined;
  /** Severity of names the BPMN schema does not define (see `ParseBpmnOptions.schemaViolations`). */
  readonly schemaViolation: ModelProblemSeverity;
}

/**
 * Turns one bpmn-moddle import warning into a problem, or undefined when it is noise (the
 * encoding notice: the input was already decoded). Content that is not BPMN 2.0 (unknown
 * names in the BPMN namespace) is always an error; content moddle had to drop or could not
 * connect is an error where it would run and a warning in documentation-only processes.
 */
export function importWarningToProblem(warning: ModdleImportWarning, context: ImportProblemContext): ModelProblem | undefined {
  const message = warning.message;
  if (message.startsWith('unsupported document encoding')) return undefined;

  const unresolved = /^unresolved reference <(.*)>$/.exec(message);
  if (unresolved !== null) return unresolvedReference(warning, unresolved[1] ?? '', context);

  const unknownAttribute = /^unknown attribute <(.*)>$/.exec(message);
  if (unknownAttribute !== null) return unknownAttributeProblem(warning.element, unknownAttribute[1] ?? '', context);

  const nested = warning.error?.message ?? message;
  const where = locationOf(message);
  return nestedProblem(nested, where, context);
}

function unresolvedReference(warning: ModdleImportWarning, id: string, context: ImportProblemContext): ModelProblem {
  const element = warning.element;
  const property = localName(warning.property ?? '');
  const matches = ([type, name]: readonly [string, string]): boolean => name === property && isA(element, type);
  const breaksFlow = FLOW_REFERENCES.some(matches) || (TRIGGER_REFERENCES.some(matches) && isA(element?.$parent, 'bpmn:CatchEvent'));
  return {
    severity: breaksFlow ? context.severityFor(element) : 'warning',
    rule: 'reference-unresolved',
    elementId: nearestId(element),
    message: `${describeElement(element)} refers to "${id}" in "${property}", but the document has no element with that id.`,
  };
}

function unknownAttributeProblem(element: ModdleElement | undefined, attribute: string, context: ImportProblemContext): ModelProblem {
  const inBpmn = element !== undefined && element.$type.startsWith('bpmn:') && !attribute.includes(':');
  return {
    severity: inBpmn ? context.schemaViolation : 'warning',
    rule: inBpmn ? 'bpmn-unknown-attribute' : 'extension-unknown-attribute',
    elementId: nearestId(element),
    message: `${describeElement(element)} has the attribute "${attribute}", which its schema does not define.`,
  };
}

function nestedProblem(nested: string, where: string, context: ImportProblemContext): ModelProblem {
  const duplicate = /^duplicate ID <(.*)>$/.exec(nested);
  if (duplicate !== null) {
    const id = duplicate[1] ?? '';
    return { severity: context.severityFor(context.elementById(id)), rule: 'duplicate-id', elementId: id, message: `The id "${id}" is used by more than one element${where}; ids must be unique.` };
  }
  const illegal = /^illegal ID <(.*)>$/.exec(nested);
  if (illegal !== null) {
    return {
      severity: 'error',
      rule: 'bpmn-invalid-id',
      message: `The id "${illegal[1] ?? ''}"${where} cannot be read; write it without character references.`,
    };
  }
  const unknownType = /^unknown type <(.*)>$/.exec(nested);
  if (unknownType !== null) {
    const type = unknownType[1] ?? '';
    const inBpmn = type.startsWith('bpmn:');
    return {
      severity: inBpmn ? context.schemaViolation : 'warning',
      rule: inBpmn ? 'bpmn-unknown-element' : 'extension-unknown-element',
      message: `The element <${type}>${where} is not part of its schema and was ignored.`,
    };
  }
  const unrecognized = /^unrecognized element <(.*)>$/.exec(nested);
  if (unrecognized !== null) {
    const name = unrecognized[1] ?? '';
    return {
      severity: isFlowElementName(name, context.moddle) ? context.severityFor(undefined) : 'warning',
      rule: 'bpmn-element-misplaced',
      message: `The element <${name}>${where} is not allowed at this place and was ignored.`,
    };
  }
  if (nested.startsWith('missing namespace for prefix')) {
    return { severity: 'warning', rule: 'xml-namespace-undeclared', message: `The document uses a ${nested.replace('missing namespace for ', '')} that it never declares${where}.` };
  }
  if (MARKUP_ERRORS.some((fragment) => nested.includes(fragment))) {
    return { severity: 'error', rule: 'xml-not-well-formed', message: `The document is not well-formed XML${where}: ${nested}.` };
  }
  return { severity: 'warning', rule: 'bpmn-content-ignored', message: `Some content was ignored${where}: ${nested}.` };
}

/** True when `<name>` (as moddle reports it: prefixed, local part lower-case) is a BPMN flow element. */
function isFlowElementName(name: string, moddle: BpmnModdle): boolean {
  const [prefix, local] = name.includes(':') ? name.split(':', 2) : ['bpmn', name];
  if (prefix !== 'bpmn' || local === undefined || local === '') return false;
  try {
    return moddle.create(`bpmn:${local.charAt(0).toUpperCase()}${local.slice(1)}`).$instanceOf('bpmn:FlowElement');
  } catch {
    return false;
  }
}

/** " (line 12, column 5)" from a moddle "unparsable content" message (which counts from 0), or "". */
export function locationOf(message: string): string {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  if (line === undefined) return '';
  const lineNumber = Number(line) + 1;
  return column === undefined ? ` (line ${lineNumber})` : ` (line ${lineNumber}, column ${Number(column) + 1})`;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
