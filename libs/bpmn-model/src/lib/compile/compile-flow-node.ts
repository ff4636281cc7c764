import type { CompileContext } from './compile-context';
import { compileEventDefinition, compileEventDefinitions } from './compile-event-definition';
import { compileLoop } from './compile-loop';
import {
  compileCalledElement,
  compileIoMappings,
  compileJob,
  compileProperties,
  compileScript,
  compileUserTask,
} from './compile-zeebe-extensions';
import type { ElementType, ExecutableElement } from './executable-model';
import { bool, child, expressionBody, extension, str, type ModdleElement } from './moddle-access';

/** A mutable element while the graph is being built; frozen when done. */
export type ElementDraft = { -readonly [K in keyof ExecutableElement]: ExecutableElement[K] } & {
  incoming: string[];
  outgoing: string[];
  boundaryEventIds: string[];
  startEventIds: string[];
  childIds: string[];
  eventSubProcessIds: string[];
};

const TYPE_BY_MODDLE: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'adHocSubProcess',
  'bpmn:CallActivity': 'callActivity',
};

export function elementTypeOf(node: ModdleElement): ElementType | undefined {
  const type = TYPE_BY_MODDLE[node.$type];
  if (type === 'subProcess' && bool(node, 'triggeredByEvent')) return 'eventSubProcess';
  return type;
}

export function emptyDraft(id: string, type: ElementType, flowScopeId: string | undefined, name: string | undefined): ElementDraft {
  return {
    id,
    type,
    ...(flowScopeId ? { flowScopeId } : {}),
    ...(name ? { name } : {}),
    incoming: [],
    outgoing: [],
    boundaryEventIds: [],
    startEventIds: [],
    childIds: [],
    eventSubProcessIds: [],
    inputs: [],
    outputs: [],
    properties: {},
    isForCompensation: false,
  };
}

/** Compiles one flow node (without its connections, which the process compiler resolves). */
export function compileFlowNode(node: ModdleElement, type: ElementType, flowScopeId: string, context: CompileContext): ElementDraft {
  const id = str(node, 'id') ?? '';
  const draft = emptyDraft(id, type, flowScopeId, str(node, 'name'));
  const io = compileIoMappings(node, id, context);
  draft.inputs = io.inputs;
  draft.outputs = io.outputs;
  draft.properties = compileProperties(node);
  draft.isForCompensation = bool(node, 'isForCompensation') ?? false;
  const loop = compileLoop(node, id, context);
  if (loop) draft.loop = loop;
  const defaultFlow = str(child(node, 'default'), 'id');
  if (defaultFlow) draft.defaultFlowId = defaultFlow;

  switch (type) {
    case 'startEvent':
    case 'endEvent':
    case 'intermediateCatchEvent':
    case 'intermediateThrowEvent':
    case 'boundaryEvent':
      compileEvent(node, draft, context);
      break;
    case 'serviceTask':
    case 'sendTask':
      draft.job = requireJob(node, id, context);
      break;
    case 'businessRuleTask':
      compileBusinessRuleTask(node, draft, context);
      break;
    case 'scriptTask':
      compileScriptTask(node, draft, context);
      break;
    case 'userTask':
      draft.userTask = compileUserTask(node, id, context);
      break;
    case 'callActivity': {
      const called = compileCalledElement(node, id, context);
      if (called) draft.calledElement = called;
      break;
    }
    case 'complexGateway': {
      const condition = context.feel(expressionBody(child(node, 'activationCondition')), id, 'activation condition');
      if (condition) draft.activationCondition = condition;
      break;
    }
    case 'adHocSubProcess': {
      const condition = context.feel(expressionBody(child(node, 'completionCondition')), id, 'completion condition');
      if (condition) draft.completionCondition = condition;
      draft.cancelRemainingInstances = bool(node, 'cancelRemainingInstances') ?? true;
      const active = context.feel(str(extension(node, 'zeebe:AdHoc'), 'activeElementsCollection'), id, 'active elements');
      if (active) draft.activeElementsCollection = active;
      break;
    }
    case 'process':
    case 'task':
    case 'manualTask':
    case 'receiveTask':
    case 'exclusiveGateway':
    case 'parallelGateway':
    case 'inclusiveGateway':
    case 'eventBasedGateway':
    case 'subProcess':
    case 'eventSubProcess':
    case 'transaction':
      break;
  }
  if (type === 'receiveTask') {
    draft.eventDefinition = compileEventDefinition({ $type: 'bpmn:IntermediateCatchEvent', id, eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition', messageRef: node['messageRef'] }] }, context);
  }
  return draft;
}

function compileEvent(node: ModdleElement, draft: ElementDraft, context: CompileContext): void {
  const definitions = compileEventDefinitions(node, context);
  draft.eventDefinition = definitions[0] ?? { kind: 'none' };
  if (definitions.length > 1) draft.eventDefinitions = definitions;
  if (draft.type === 'boundaryEvent') {
    const attachedTo = str(child(node, 'attachedToRef'), 'id');
    if (attachedTo) draft.attachedToId = attachedTo;
    else context.error('boundary-attached-to', draft.id, 'A boundary event must be attached to an activity.');
    draft.interrupting = bool(node, 'cancelActivity') ?? true;
  }
  if (draft.type === 'startEvent') draft.interrupting = bool(node, 'isInterrupting') ?? true;
  const kind = draft.eventDefinition.kind;
  // Zeebe models message throw events as jobs; without a task definition we publish the message.
  if ((draft.type === 'intermediateThrowEvent' || draft.type === 'endEvent') && kind === 'message') {
    const job = compileJob(node, draft.id, context);
    if (job) draft.job = job;
  }
}

function requireJob(node: ModdleElement, id: string, context: CompileContext): ExecutableElement['job'] {
  const job = compileJob(node, id, context);
  if (!job) context.error('task-definition', id, 'A service or send task needs a job type (zeebe:taskDefinition type).');
  return job;
}

function compileBusinessRuleTask(node: ModdleElement, draft: ElementDraft, context: CompileContext): void {
  const decision = extension(node, 'zeebe:CalledDecision');
  if (decision) {
    const decisionId = context.feelOrStatic(str(decision, 'decisionId'), draft.id, 'decision id');
    const resultVariable = str(decision, 'resultVariable') ?? 'result';
    if (decisionId) draft.calledDecision = { decisionId, resultVariable };
    return;
  }
  draft.job = requireJob(node, draft.id, context);
}

function compileScriptTask(node: ModdleElement, draft: ElementDraft, context: CompileContext): void {
  const job = compileJob(node, draft.id, context);
  if (job) {
    draft.job = job;
    return;
  }
  const script = compileScript(node, draft.id, context);
  if (!script) {
    context.error('script-task', draft.id, 'A script task needs a zeebe:script expression, a script or a job type.');
    return;
  }
  draft.script = script;
  if (script.kind === 'job') {
    draft.job = { type: { kind: 'static', value: `script:${script.format}` }, retries: { kind: 'static', value: '3' }, headers: {} };
  }
}
