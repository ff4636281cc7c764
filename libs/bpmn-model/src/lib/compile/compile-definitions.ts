import { hasErrors, type ModelResult } from '../problem';
import { CompileContext } from './compile-context';
import { compileFlowNode, elementTypeOf, emptyDraft, type ElementDraft } from './compile-flow-node';
import { compileIoMappings, compileProperties } from './compile-zeebe-extensions';
import type { ExecutableDefinitions, ExecutableProcess, ExecutableSequenceFlow } from './executable-model';
import { child, children, expressionBody, isModdleElement, str, type ModdleElement } from './moddle-access';

/** Elements that carry no execution semantics and are skipped silently. */
const IGNORED_TYPES = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:Association',
  'bpmn:TextAnnotation',
  'bpmn:Group',
]);

/**
 * Compiles bpmn-moddle definitions (`bpmn:Definitions`) into one executable graph per process.
 * Problems name the element; errors make the result `ok: false`.
 */
export function compileDefinitions(definitions: unknown): ModelResult<ExecutableDefinitions> {
  const context = new CompileContext();
  if (!isModdleElement(definitions)) {
    return { ok: false, problems: [{ severity: 'error', rule: 'definitions', message: 'Expected parsed bpmn:Definitions.' }] };
  }
  const processes: Record<string, ExecutableProcess> = {};
  for (const root of children(definitions, 'rootElements')) {
    if (root.$type !== 'bpmn:Process') continue;
    const model = compileProcess(root, context);
    processes[model.id] = model;
  }
  if (hasErrors(context.problems)) return { ok: false, problems: context.problems };
  return { ok: true, value: deepFreeze({ processes }), warnings: context.problems };
}

function compileProcess(model: ModdleElement, context: CompileContext): ExecutableProcess {
  const id = str(model, 'id') ?? '';
  const scope = emptyDraft(id, 'process', undefined, str(model, 'name'));
  const io = compileIoMappings(model, id, context);
  scope.outputs = io.outputs;
  // Process-level zeebe:properties (e.g. `caseSummary`, `retention`) are route settings.
  scope.properties = compileProperties(model);
  const elements: Record<string, ElementDraft> = { [id]: scope };
  const flows: Record<string, ExecutableSequenceFlow> = {};
  const associations: ModdleElement[] = [];
  walkScope(model, scope, elements, flows, associations, context);
  for (const flow of Object.values(flows)) {
    const source = elements[flow.sourceId];
    const target = elements[flow.targetId];
    if (!source || !target) {
      context.error('sequence-flow-ends', flow.id, 'A sequence flow must connect two flow nodes of the model.');
      continue;
    }
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
  }
  resolveConnections(elements, associations, context);
  for (const element of Object.values(elements)) {
    if (element.type === 'exclusiveGateway' || element.type === 'inclusiveGateway' || element.type === 'complexGateway') continue;
    if (element.defaultFlowId && element.outgoing.length === 0) delete element.defaultFlowId;
  }
  return {
    id,
    ...(str(model, 'name') ? { name: str(model, 'name') } : {}),
    isExecutable: model['isExecutable'] !== false,
    elements,
    flows,
    scope,
  };
}

function walkScope(
  container: ModdleElement,
  scope: ElementDraft,
  elements: Record<string, ElementDraft>,
  flows: Record<string, ExecutableSequenceFlow>,
  associations: ModdleElement[],
  context: CompileContext,
): void {
  associations.push(...children(container, 'artifacts').filter((artifact) => artifact.$type === 'bpmn:Association'));
  for (const node of children(container, 'flowElements')) {
    const nodeId = str(node, 'id') ?? '';
    if (node.$type === 'bpmn:SequenceFlow') {
      const condition = context.feel(expressionBody(child(node, 'conditionExpression')), nodeId, 'condition');
      flows[nodeId] = {
        id: nodeId,
        sourceId: str(child(node, 'sourceRef'), 'id') ?? '',
        targetId: str(child(node, 'targetRef'), 'id') ?? '',
        ...(condition ? { condition } : {}),
      };
      continue;
    }
    if (IGNORED_TYPES.has(node.$type)) continue;
    const type = elementTypeOf(node);
    if (!type) {
      context.error('element-unsupported', nodeId, `The element ${node.$type} is not supported by the engine.`);
      continue;
    }
    const draft = compileFlowNode(node, type, scope.id, context);
    elements[nodeId] = draft;
    if (type === 'eventSubProcess') scope.eventSubProcessIds.push(nodeId);
    else if (type !== 'boundaryEvent') scope.childIds.push(nodeId);
    if (type === 'subProcess' || type === 'eventSubProcess' || type === 'transaction' || type === 'adHocSubProcess') {
      walkScope(node, draft, elements, flows, associations, context);
    }
  }
}

function resolveConnections(elements: Record<string, ElementDraft>, associations: ModdleElement[], context: CompileContext): void {
  for (const element of Object.values(elements)) {
    const scope = element.flowScopeId ? elements[element.flowScopeId] : undefined;
    if (element.type === 'boundaryEvent' && element.attachedToId) {
      const host = elements[element.attachedToId];
      if (host) host.boundaryEventIds.push(element.id);
      else context.error('boundary-attached-to', element.id, `The activity '${element.attachedToId}' does not exist.`);
    }
    if (element.type === 'startEvent' && scope) {
      if (scope.type === 'eventSubProcess') {
        scope.triggerStartEventId = element.id;
        scope.startEventIds.push(element.id);
      } else if (element.eventDefinition?.kind === 'none') scope.startEventIds.push(element.id);
    }
    if (element.eventDefinition?.kind === 'link' && element.type === 'intermediateThrowEvent') {
      const name = element.eventDefinition.linkName;
      const target = Object.values(elements).find(
        (other) => other.type === 'intermediateCatchEvent' && other.flowScopeId === element.flowScopeId && other.eventDefinition?.kind === 'link' && other.eventDefinition.linkName === name,
      );
      if (target) element.linkTargetId = target.id;
      else context.error('link-target', element.id, `No catching link event named '${name}' in the same scope.`);
    }
  }
  for (const scope of Object.values(elements)) {
    const hasStartEvents = scope.childIds.some((id) => elements[id]?.type === 'startEvent');
    if ((scope.type === 'process' || scope.type === 'subProcess' || scope.type === 'transaction') && !hasStartEvents) {
      // BPMN 2.0 (10.5.2): without start events, every flow node without incoming flow starts.
      scope.startEventIds = scope.childIds.filter((id) => {
        const node = elements[id];
        return node !== undefined && node.incoming.length === 0 && !node.isForCompensation && !(node.type === 'intermediateCatchEvent' && node.eventDefinition?.kind === 'link');
      });
    }
    if (scope.type === 'adHocSubProcess') {
      scope.startEventIds = scope.childIds.filter((id) => (elements[id]?.incoming.length ?? 1) === 0);
    }
  }
  for (const association of associations) {
    const source = elements[str(child(association, 'sourceRef'), 'id') ?? ''];
    const target = str(child(association, 'targetRef'), 'id');
    if (source?.type === 'boundaryEvent' && source.eventDefinition?.kind === 'compensate' && target && elements[target]) {
      const host = source.attachedToId ? elements[source.attachedToId] : undefined;
      if (host) host.compensationHandlerId = target;
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}

