import { parseFeel, type ParsedBpmn } from '@laufweg/bpmn-model';

/**
 * Turns a paed01 model into what a Camunda 8 engine reads, without changing its flow:
 * expressions are replaced by the FEEL translations the expectations file gives (and the
 * mechanical `${environment.variables.x}` -> `x` rule), service-like tasks get a job type, and
 * tasks the run drives from outside (paed01 lets manual tasks wait) become job tasks.
 */
export interface Paed01Case {
  readonly id: string;
  readonly model: string;
  readonly process_id: string;
  readonly expressions?: Readonly<Record<string, { readonly original: string; readonly feel: string }>>;
  readonly runs: readonly Paed01Run[];
}

export interface Paed01Run {
  readonly name: string;
  readonly variables?: Readonly<Record<string, unknown>> | null;
  readonly interactions?: readonly Paed01Interaction[];
  readonly expected: Readonly<Record<string, unknown>>;
  readonly semantics: string;
  readonly standard_bpmn_expectation?: string;
}

export type Paed01Interaction = Readonly<Record<string, unknown>> & { readonly type: string };

type Node = { $type: string; id?: string; [key: string]: unknown };

/** Job type of service-like tasks: answered at once unless a run drives them. */
export const DRIVEN_JOB_PREFIX = 'paed01:';
/** Job type of manual tasks, which wait in paed01 until the run completes them. */
export const WAITING_JOB_PREFIX = 'paed01-wait:';

/** Every moddle object of the document (following containment, not references). */
function allNodes(root: Node): Node[] {
  const seen = new Set<Node>();
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const node = queue.pop();
    if (!node || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$') || key.endsWith('Ref') || key === 'default' || key === 'attachedToRef') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as Node).$type === 'string') queue.push(item as Node);
      }
    }
  }
  return [...seen];
}

export function adaptModel(parsed: ParsedBpmn, testCase: Paed01Case, run: Paed01Run): void {
  const { moddle } = parsed;
  const byId = new Map<string, Node>();
  for (const [id, element] of parsed.elementsById) byId.set(id, element as unknown as Node);

  for (const [key, translation] of Object.entries(testCase.expressions ?? {})) applyTranslation(key, translation.feel, byId, parsed);
  CASE_PATCHES[testCase.id]?.(byId, parsed);

  const driven = new Set(
    testCase.runs.flatMap((other) => other.interactions ?? [])
      .filter((interaction) => interaction.type === 'fail_task' || interaction.type === 'service_error' || interaction.type === 'service_result' || interaction.type === 'complete_task')
      .map((interaction) => String(interaction['activity'])),
  );
  const failed = new Set((run.interactions ?? []).filter((interaction) => interaction.type === 'fail_task').map((interaction) => String(interaction['activity'])));

  for (const node of allNodes(parsed.definitions as unknown as Node)) {
    rewriteBodies(node);
    if (node.$type === 'bpmn:MultiInstanceLoopCharacteristics') adaptCollection(node, moddle);
  }
  for (const node of byId.values()) {
    const id = node.id ?? '';
    // paed01 lets manual tasks wait for a signal: here they become job tasks the run completes.
    const needsJob = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ManualTask'].includes(node.$type) || (driven.has(id) && node.$type === 'bpmn:Task') || failed.has(id);
    if (needsJob && node.$type !== 'bpmn:ScriptTask') {
      const task = node.$type === 'bpmn:ServiceTask' ? node : retype(node, 'bpmn:ServiceTask', parsed);
      const prefix = node.$type === 'bpmn:ManualTask' ? WAITING_JOB_PREFIX : DRIVEN_JOB_PREFIX;
      addExtension(task, moddle.create('zeebe:TaskDefinition', { type: `${prefix}${id}` }), moddle);
    }
    if (node.$type === 'bpmn:ScriptTask' && typeof node['scriptFormat'] !== 'string') node['scriptFormat'] = 'javascript';
  }
}

/** `js:collection` / `camunda:collection` (extension attributes) -> zeebe:loopCharacteristics. */
function adaptCollection(loop: Node, moddle: ParsedBpmn['moddle']): void {
  const attributes = (loop['$attrs'] ?? {}) as Record<string, string>;
  const collection = attributes['js:collection'] ?? attributes['camunda:collection'];
  if (!collection) return;
  const source = collection.trim().replace(/^\$\{\s*(?:this\.)?environment\.(?:variables|output)\.([\w.]+)\s*\}$/, '$1');
  const element = attributes['js:elementVariable'] ?? attributes['camunda:elementVariable'] ?? 'item';
  addExtension(loop, moddle.create('zeebe:LoopCharacteristics', { inputCollection: `=${source}`, inputElement: element }), moddle);
}

/**
 * Expressions whose JavaScript has a side effect FEEL cannot have, rewritten by hand.
 * misp-loopback: "take backto-task once while loopback is true" (the script clears the flag):
 * each iteration of the (multi-instance) sub-process counts a lap in an output mapping and the
 * condition reads the count.
 */
const CASE_PATCHES: Readonly<Record<string, (byId: Map<string, Node>, parsed: ParsedBpmn) => void>> = {
  'multi-instance.nested-sequential-sub-processes-with-loopback': (byId, parsed) => {
    const flow = byId.get('backto-task');
    const sub = byId.get('sub');
    const condition = flow?.['conditionExpression'] as Node | undefined;
    if (!condition || !sub) return;
    condition['body'] = '=loopback = true and laps <= cardinality';
    const output = parsed.moddle.create('zeebe:Output', { source: '=(if laps = null then 0 else laps) + 1', target: 'laps' });
    addExtension(sub, parsed.moddle.create('zeebe:IoMapping', { outputParameters: [output] }), parsed.moddle);
  },
};

/** `element.property` or a flow / element id; values are FEEL (a trailing "(...)" note is dropped). */
function applyTranslation(key: string, feel: string, byId: Map<string, Node>, parsed: ParsedBpmn): void {
  const assignment = /^(\w+)\s*:=\s*(.+)$/.exec(feel);
  const [elementId, property] = key.includes('.') ? key.split('.') : [key.split(' ')[0] ?? key, undefined];
  const element = byId.get(elementId ?? '');
  if (assignment && element) {
    const output = parsed.moddle.create('zeebe:Output', { source: `=${assignment[2] ?? ''}`, target: assignment[1] ?? '' });
    addExtension(element, parsed.moddle.create('zeebe:IoMapping', { outputParameters: [output] }), parsed.moddle);
    return;
  }
  const source = feel.replace(/\s*\(.*\)\s*$/, '');
  if (!parseFeel(source).ok) return;
  const targets: Node[] = [];
  if (element && !property) {
    const condition = element['conditionExpression'] as Node | undefined;
    if (condition) targets.push(condition);
    const loopCardinality = (element['loopCharacteristics'] as Node | undefined)?.['loopCardinality'] as Node | undefined;
    if (loopCardinality) targets.push(loopCardinality);
  } else if (element && property) {
    const definitions = (element['eventDefinitions'] as Node[] | undefined) ?? [];
    const candidates = [...definitions.map((definition) => definition[property]), element[property], (element['loopCharacteristics'] as Node | undefined)?.[property]];
    for (const candidate of candidates) if (candidate && typeof candidate === 'object') targets.push(candidate as Node);
  } else if (!element) {
    for (const node of byId.values()) {
      const loop = node['loopCharacteristics'] as Node | undefined;
      const target = loop?.[key] as Node | undefined;
      if (target) targets.push(target);
    }
  }
  for (const target of targets) target['body'] = `=${source}`;
}

/** `${environment.variables.x}` / `${environment.output.x}` -> `x`; `${true}` -> `true`. */
function rewriteBodies(node: Node): void {
  const candidates: Node[] = [];
  for (const key of ['conditionExpression', 'condition', 'loopCardinality', 'completionCondition', 'loopCondition', 'timeDuration', 'timeDate', 'timeCycle']) {
    const value = node[key];
    if (value && typeof value === 'object') candidates.push(value as Node);
  }
  for (const candidate of candidates) {
    const body = candidate['body'];
    if (typeof body !== 'string' || body.startsWith('=')) continue;
    if (/^\$\{\s*environment\.services\./.test(body.trim())) {
      // An untranslated call of a paed01 test service: treated as absent (never true).
      if (candidate === node['loopCondition']) delete node['loopCondition'];
      else candidate['body'] = '=false';
      continue;
    }
    const rewritten = body.trim().replace(/^\$\{\s*(?:this\.)?environment\.(?:variables|output)\.([\w.]+)\s*\}$/, '$1').replace(/^\$\{\s*(true|false)\s*\}$/, '$1');
    if (rewritten !== body.trim()) candidate['body'] = `=${rewritten}`;
  }
}

function retype(node: Node, type: string, parsed: ParsedBpmn): Node {
  const replacement = parsed.moddle.create(type, { id: node.id }) as unknown as Node;
  for (const key of Object.keys(node)) if (!key.startsWith('$')) replacement[key] = node[key];
  const parent = node['$parent'] as Node | undefined;
  const siblings = parent?.['flowElements'] as Node[] | undefined;
  const index = siblings?.indexOf(node) ?? -1;
  if (siblings && index >= 0) siblings[index] = replacement;
  Object.assign(replacement, { $parent: parent });
  return replacement;
}

function addExtension(node: Node, extension: unknown, moddle: ParsedBpmn['moddle']): void {
  let container = node['extensionElements'] as Node | undefined;
  if (!container) {
    container = moddle.create('bpmn:ExtensionElements', { values: [] }) as unknown as Node;
    node['extensionElements'] = container;
  }
  const values = (container['values'] as unknown[] | undefined) ?? [];
  container['values'] = [...values, extension];
}
