import type { ExecutableDefinitions, ExecutableProcess } from '@laufweg/bpmn-model';
import type { ScenarioDefinition, ScenarioStep } from '../format/scenario-definition';
import { stepKind } from '../format/scenario-definition';

/** An element id the scenario names, and where. */
interface Reference {
  readonly segments: readonly (string | number)[];
  readonly id: string;
}

export type ProcessChoice = { readonly ok: true; readonly processId: string } | { readonly ok: false; readonly message: string };

/** The process a scenario starts: the one it names, or the route's only executable process. */
export function chooseProcess(definitions: ExecutableDefinitions, named: string | undefined): ProcessChoice {
  const executable = Object.values(definitions.processes).filter((process) => process.isExecutable).map((process) => process.id);
  if (named !== undefined) {
    return executable.includes(named) ? { ok: true, processId: named } : { ok: false, message: `the route has no executable process '${named}'; it has: ${executable.join(', ')}` };
  }
  if (executable.length === 1 && executable[0] !== undefined) return { ok: true, processId: executable[0] };
  return { ok: false, message: `the route has ${executable.length} executable processes (${executable.join(', ')}); name one with 'process:'` };
}

/**
 * The processes a run of `processId` can reach: itself and, transitively, the processes of the
 * same route its call activities name statically. Coverage and id checks count these.
 */
export function reachableProcesses(definitions: ExecutableDefinitions, processId: string): ExecutableProcess[] {
  const found = new Map<string, ExecutableProcess>();
  const visit = (id: string): void => {
    const process = definitions.processes[id];
    if (!process || !process.isExecutable || found.has(id)) return;
    found.set(id, process);
    for (const element of Object.values(process.elements)) {
      const called = element.calledElement?.processId;
      if (called?.kind === 'static') visit(called.value);
    }
  };
  visit(processId);
  return [...found.values()];
}

/** Element ids named in steps and expectations that the reachable processes do not have. */
export function unknownElementIds(definition: ScenarioDefinition, processes: readonly ExecutableProcess[]): Reference[] {
  const known = new Set(processes.flatMap((process) => Object.keys(process.elements)));
  return references(definition).filter((reference) => !known.has(reference.id));
}

function references(definition: ScenarioDefinition): Reference[] {
  const found: Reference[] = [];
  (definition.steps ?? []).forEach((step, index) => found.push(...stepReferences(step, ['steps', index, stepKind(step)])));
  const expectations = definition.expect;
  if (expectations?.endEvent !== undefined) found.push({ segments: ['expect', 'endEvent'], id: expectations.endEvent });
  const path = expectations?.path;
  if (Array.isArray(path)) path.forEach((id: string, index) => found.push({ segments: ['expect', 'path', index], id }));
  else if (path !== undefined && !Array.isArray(path)) {
    const { contains = [], excludes = [] } = path as { contains?: readonly string[]; excludes?: readonly string[] };
    contains.forEach((id, index) => found.push({ segments: ['expect', 'path', 'contains', index], id }));
    excludes.forEach((id, index) => found.push({ segments: ['expect', 'path', 'excludes', index], id }));
  }
  return found;
}

function stepReferences(step: ScenarioStep, at: readonly (string | number)[]): Reference[] {
  if ('expectUserTask' in step) return [{ segments: [...at, 'element'], id: step.expectUserTask.element }];
  if ('completeUserTask' in step) return [{ segments: [...at, 'element'], id: step.completeUserTask.element }];
  if ('expectIncident' in step) return [{ segments: [...at, 'element'], id: step.expectIncident.element }];
  if ('resolveIncident' in step) return [{ segments: [...at, 'element'], id: step.resolveIncident.element }];
  if ('expectActive' in step || 'expectCompleted' in step) {
    const ids = 'expectActive' in step ? step.expectActive : step.expectCompleted;
    return typeof ids === 'string' ? [{ segments: at, id: ids }] : ids.map((id, index) => ({ segments: [...at, index], id }));
  }
  return [];
}
