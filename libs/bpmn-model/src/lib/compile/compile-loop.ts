import type { CompileContext } from './compile-context';
import type { LoopDefinition } from './executable-model';
import { bool, child, expressionBody, extension, str, type ModdleElement } from './moddle-access';

/** Multi-instance (zeebe:loopCharacteristics or BPMN loopDataInputRef) and standard loops. */
export function compileLoop(element: ModdleElement, id: string, context: CompileContext): LoopDefinition | undefined {
  const loop = child(element, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const loopCondition = context.feel(expressionBody(child(loop, 'loopCondition')), id, 'loop condition');
    const maximum = loop['loopMaximum'];
    const loopMaximum = typeof maximum === 'number' ? maximum : typeof maximum === 'string' ? Number(maximum) : undefined;
    return {
      kind: 'standardLoop',
      testBefore: bool(loop, 'testBefore') ?? false,
      ...(loopCondition ? { loopCondition } : {}),
      ...(loopMaximum !== undefined && Number.isFinite(loopMaximum) ? { loopMaximum } : {}),
    };
  }
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const inputCollection = context.feel(str(zeebe, 'inputCollection') ?? str(child(loop, 'loopDataInputRef'), 'id'), id, 'input collection');
  const outputElement = context.feel(str(zeebe, 'outputElement'), id, 'output element');
  const loopCardinality = context.feel(expressionBody(child(loop, 'loopCardinality')), id, 'loop cardinality');
  const completionCondition = context.feel(expressionBody(child(loop, 'completionCondition')), id, 'completion condition');
  const inputElement = str(zeebe, 'inputElement') ?? str(child(loop, 'inputDataItem'), 'name');
  const outputCollection = str(zeebe, 'outputCollection');
  if (!inputCollection && !loopCardinality) {
    context.error('multi-instance-input', id, 'A multi-instance activity needs an input collection or a loop cardinality.');
  }
  return {
    kind: 'multiInstance',
    isSequential: bool(loop, 'isSequential') ?? false,
    ...(inputCollection ? { inputCollection } : {}),
    ...(inputElement ? { inputElement } : {}),
    ...(outputCollection ? { outputCollection } : {}),
    ...(outputElement ? { outputElement } : {}),
    ...(loopCardinality ? { loopCardinality } : {}),
    ...(completionCondition ? { completionCondition } : {}),
  };
}
