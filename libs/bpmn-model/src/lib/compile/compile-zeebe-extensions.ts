import type { FeelOrStatic } from '../feel/feel-expression';
import type { CompileContext } from './compile-context';
import type {
  CalledElementDefinition,
  IoMapping,
  JobDefinition,
  ScriptDefinition,
  UserTaskDefinition,
} from './executable-model';
import { bool, children, extension, str, type ModdleElement } from './moddle-access';

/** zeebe:ioMapping inputs and outputs; every source is FEEL. */
export function compileIoMappings(
  element: ModdleElement,
  id: string,
  context: CompileContext,
): { inputs: IoMapping[]; outputs: IoMapping[] } {
  const mapping = extension(element, 'zeebe:IoMapping');
  const compile = (parameters: ModdleElement[], what: string): IoMapping[] =>
    parameters.flatMap((parameter) => {
      const target = str(parameter, 'target');
      if (!target) {
        context.error('io-mapping-target', id, `An ${what} mapping needs a target variable.`);
        return [];
      }
      const source = context.feel(str(parameter, 'source') ?? '=null', id, `${what} mapping '${target}'`);
      return source ? [{ source, target }] : [];
    });
  return { inputs: compile(children(mapping, 'inputParameters'), 'input'), outputs: compile(children(mapping, 'outputParameters'), 'output') };
}

export function compileJob(element: ModdleElement, id: string, context: CompileContext, fallbackType?: string): JobDefinition | undefined {
  const definition = extension(element, 'zeebe:TaskDefinition');
  const typeSource = str(definition, 'type') ?? fallbackType;
  if (!typeSource) return undefined;
  const type = context.feelOrStatic(typeSource, id, 'job type');
  const retries = context.feelOrStatic(str(definition, 'retries') ?? '3', id, 'job retries');
  if (!type || !retries) return undefined;
  const headers: Record<string, string> = {};
  for (const header of children(extension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = str(header, 'key');
    if (key) headers[key] = str(header, 'value') ?? '';
  }
  return { type, retries, headers };
}

export function compileProperties(element: ModdleElement): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const property of children(extension(element, 'zeebe:Properties'), 'properties')) {
    const name = str(property, 'name');
    if (name) properties[name] = str(property, 'value') ?? '';
  }
  return properties;
}

export function compileUserTask(element: ModdleElement, id: string, context: CompileContext): UserTaskDefinition {
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const form = extension(element, 'zeebe:FormDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const optional = (key: keyof UserTaskDefinition, value: FeelOrStatic | undefined): Partial<UserTaskDefinition> =>
    value ? { [key]: value } : {};
  const formKey = str(form, 'formKey');
  const formId = str(form, 'formId');
  return {
    ...optional('assignee', context.feelOrStatic(str(assignment, 'assignee'), id, 'assignee')),
    ...optional('candidateGroups', context.feelOrStatic(str(assignment, 'candidateGroups'), id, 'candidate groups')),
    ...optional('candidateUsers', context.feelOrStatic(str(assignment, 'candidateUsers'), id, 'candidate users')),
    ...optional('externalReference', context.feelOrStatic(str(form, 'externalReference'), id, 'form reference')),
    ...optional('dueDate', context.feelOrStatic(str(schedule, 'dueDate'), id, 'due date')),
    ...optional('followUpDate', context.feelOrStatic(str(schedule, 'followUpDate'), id, 'follow-up date')),
    ...(formKey ? { formKey } : {}),
    ...(formId ? { formId } : {}),
  };
}

export function compileCalledElement(element: ModdleElement, id: string, context: CompileContext): CalledElementDefinition | undefined {
  const called = extension(element, 'zeebe:CalledElement');
  // Without zeebe:calledElement, fall back to the BPMN `calledElement` attribute.
  const processId = context.feelOrStatic(str(called, 'processId') ?? str(element, 'calledElement'), id, 'called process id');
  if (!processId) {
    context.error('call-activity-process-id', id, 'A call activity needs the id of the process it calls (zeebe:calledElement processId).');
    return undefined;
  }
  return {
    processId,
    propagateAllChildVariables: bool(called, 'propagateAllChildVariables') ?? true,
    propagateAllParentVariables: bool(called, 'propagateAllParentVariables') ?? true,
  };
}

/** zeebe:script is FEEL run by the engine; any other script language becomes a job. */
export function compileScript(element: ModdleElement, id: string, context: CompileContext): ScriptDefinition | undefined {
  const script = extension(element, 'zeebe:Script');
  if (script) {
    const expression = context.feel(str(script, 'expression'), id, 'script');
    const resultVariable = str(script, 'resultVariable');
    return expression ? { kind: 'feel', expression, ...(resultVariable ? { resultVariable } : {}) } : undefined;
  }
  const format = (str(element, 'scriptFormat') ?? '').trim();
  const text = str(element, 'script') ?? '';
  const resultVariable = str(element, 'resultVariable');
  if (format.toLowerCase() === 'feel') {
    const expression = context.feel(text, id, 'script');
    return expression ? { kind: 'feel', expression, ...(resultVariable ? { resultVariable } : {}) } : undefined;
  }
  if (!format && !text) return undefined;
  return { kind: 'job', format: format.toLowerCase() || 'unknown', script: text, ...(resultVariable ? { resultVariable } : {}) };
}
