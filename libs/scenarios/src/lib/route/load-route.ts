import { readFileSync } from 'node:fs';
import { loadBpmnModel, type ExecutableDefinitions } from '@laufweg/bpmn-model';

/** A route's BPMN read, validated and compiled once for all its scenarios. */
export interface ScenarioRoute {
  readonly name: string;
  readonly bpmnFile: string;
  readonly xml: string;
  readonly definitions: ExecutableDefinitions;
}

export type LoadRouteResult = { readonly ok: true; readonly route: ScenarioRoute } | { readonly ok: false; readonly problems: readonly string[] };

/** Compiles BPMN text the way a deployment does (parse, validate, compile); problems name the element. */
export async function compileRoute(name: string, bpmnFile: string, xml: string): Promise<LoadRouteResult> {
  const loaded = await loadBpmnModel(xml);
  if (!loaded.ok) {
    return {
      ok: false,
      problems: loaded.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.elementId ?? bpmnFile}: ${problem.message}`),
    };
  }
  return { ok: true, route: { name, bpmnFile, xml, definitions: loaded.value.executable } };
}

/** Reads and compiles a route file. */
export async function loadRouteFile(name: string, bpmnFile: string): Promise<LoadRouteResult> {
  let xml: string;
  try {
    xml = readFileSync(bpmnFile, 'utf8');
  } catch (error: unknown) {
    return { ok: false, problems: [`cannot read ${bpmnFile}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return compileRoute(name, bpmnFile, xml);
}
