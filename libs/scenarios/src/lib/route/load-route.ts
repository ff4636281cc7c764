import { readFileSync } from 'node:fs';
import { checkCalledDecisions, loadBpmnModel, loadDecisions, type ExecutableDecisions, type ExecutableDefinitions } from '@laufweg/bpmn-model';
import { loadRouteBundle, type RouteBundle } from '@laufweg/routes';

/** A process document deployed before the route: a shared call activity. */
export interface CalledDocument {
  readonly name: string;
  readonly xml: string;
  readonly definitions: ExecutableDefinitions;
}

/** A route's BPMN read, validated and compiled once for all its scenarios. */
export interface ScenarioRoute {
  readonly name: string;
  readonly bpmnFile: string;
  readonly xml: string;
  /** The route's processes and, for a bundle, the shared processes it calls (for id checks and coverage). */
  readonly definitions: ExecutableDefinitions;
  /** For a route of processes/ (route.yaml): the bundle with its services, examples and municipalities. */
  readonly bundle?: RouteBundle;
  /** Shared call activities, deployed before the route. */
  readonly called?: readonly CalledDocument[];
  /** DMN documents deployed with the route, and the same compiled. */
  readonly dmn?: readonly string[];
  readonly decisions?: ExecutableDecisions;
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

/**
 * Reads a route bundle (processes/<route>/route.yaml) and compiles what a deployment would: the
 * route, its shared call activities and its decisions, each called decision found.
 */
export async function loadRouteBundleFile(bundleDir: string, bpmnFile: string): Promise<LoadRouteResult> {
  const loaded = loadRouteBundle(bundleDir);
  if (!loaded.ok) return loaded;
  return compileRouteBundle(loaded.bundle, loaded.bundle.bpmn.content, bpmnFile);
}

/**
 * Compiles a bundle route with the given main BPMN (the bundle's own file, a deployed version or
 * a draft) and decisions (default: the bundle's): what a deployment of it would compile.
 */
export async function compileRouteBundle(bundle: RouteBundle, xml: string, bpmnFile: string, dmn: readonly string[] = bundle.decisions.map((file) => file.content)): Promise<LoadRouteResult> {
  const main = await compileRoute(bundle.id, bpmnFile, xml);
  if (!main.ok) return main;
  const called: CalledDocument[] = [];
  const problems: string[] = [];
  for (const file of bundle.shared) {
    const compiled = await compileRoute(file.name, file.name, file.content);
    if (compiled.ok) called.push({ name: file.name, xml: file.content, definitions: compiled.route.definitions });
    else problems.push(...compiled.problems.map((problem) => `${file.name}: ${problem}`));
  }
  const decisions = await loadDecisions(dmn);
  if (!decisions.ok) problems.push(...decisions.problems.map((problem) => `${problem.elementId ?? 'decisions'}: ${problem.message}`));
  else problems.push(...checkCalledDecisions(main.route.definitions, decisions.value).filter((problem) => problem.severity === 'error').map((problem) => `${problem.elementId ?? bpmnFile}: ${problem.message}`));
  problems.push(...sharedIdClashes(main.route.definitions, called));
  if (problems.length > 0) return { ok: false, problems };
  const processes = Object.assign({}, ...called.map((document) => document.definitions.processes), main.route.definitions.processes) as ExecutableDefinitions['processes'];
  return { ok: true, route: { ...main.route, definitions: { processes }, bundle, called, dmn, ...(decisions.ok ? { decisions: decisions.value } : {}) } };
}

/** Scenario paths and coverage name elements by id: a shared process may not reuse an id of the route or of another shared process. */
function sharedIdClashes(route: ExecutableDefinitions, called: readonly CalledDocument[]): string[] {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  const documents = [{ name: 'the route', definitions: route }, ...called];
  for (const document of documents) {
    for (const process of Object.values(document.definitions.processes)) {
      for (const id of [process.id, ...Object.keys(process.elements), ...Object.keys(process.flows)]) {
        const earlier = owner.get(id);
        if (earlier !== undefined && earlier !== document.name) clashes.push(`${document.name}: element id '${id}' is also used in ${earlier}; prefix the ids of shared processes (e.g. 'payment-')`);
        else owner.set(id, document.name);
      }
    }
  }
  return clashes;
}
