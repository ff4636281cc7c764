import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { JsonObject } from '@laufweg/bpmn-model';
import { parseScenario, type ScenarioLocator, type ScenarioProblem } from './parse-scenario';
import type { ScenarioDefinition } from './scenario-definition';

/** The route a scenario runs on: its name (for reports) and its BPMN file. */
export interface RouteReference {
  readonly name: string;
  readonly bpmnFile: string;
  /** Set when the route is a bundle of processes/ (a folder with route.yaml). */
  readonly bundleDir?: string;
}

/** A scenario read, checked and resolved: route file found, application read. */
export interface LoadedScenario {
  readonly file: string;
  readonly definition: ScenarioDefinition;
  readonly route: RouteReference;
  readonly application: JsonObject;
  readonly locate: ScenarioLocator;
}

export type LoadScenarioResult = { readonly ok: true; readonly scenario: LoadedScenario } | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

export interface LoadScenarioOptions {
  /** Where route names resolve (`<processesDir>/<route>/<route>.bpmn`) for a file with no `processes` folder above it (that folder wins). */
  readonly processesDir?: string;
}

const ROUTE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Reads a scenario file, checks it against the schema and resolves its route and application. */
export function loadScenarioFile(file: string, options: LoadScenarioOptions = {}): LoadScenarioResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    return { ok: false, problems: [{ file, path: '', message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return parsed;
  const { definition, locate } = parsed;

  const route = resolveRoute(definition.route, file, options.processesDir);
  if ('problem' in route) return { ok: false, problems: [locate(['route'], route.problem)] };

  let application: JsonObject = definition.application ?? {};
  if (definition.applicationFile !== undefined) {
    const applicationPath = resolve(dirname(file), definition.applicationFile);
    try {
      const value: unknown = JSON.parse(readFileSync(applicationPath, 'utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, problems: [locate(['applicationFile'], `${applicationPath} must hold a JSON object`)] };
      }
      application = value as JsonObject;
    } catch (error: unknown) {
      return { ok: false, problems: [locate(['applicationFile'], `cannot read ${applicationPath}: ${error instanceof Error ? error.message : String(error)}`)] };
    }
  }
  return { ok: true, scenario: { file, definition, route, application, locate } };
}

function resolveRoute(route: string, file: string, processesDir: string | undefined): RouteReference | { problem: string } {
  if (route.endsWith('.bpmn')) {
    const bpmnFile = resolve(dirname(file), route);
    if (!existsSync(bpmnFile)) return { problem: `the route file ${bpmnFile} does not exist` };
    return { name: basename(bpmnFile, '.bpmn'), bpmnFile };
  }
  if (!ROUTE_NAME.test(route)) return { problem: `'${route}' is neither a route name (lower case, digits, dashes) nor a path to a .bpmn file` };
  const base = nearestProcessesDir(file) ?? processesDir;
  if (base === undefined) return { problem: `route '${route}' is a name, but no processes folder was found above ${file}` };
  const bpmnFile = join(base, route, `${route}.bpmn`);
  if (!existsSync(bpmnFile)) return { problem: `route '${route}' not found: ${bpmnFile} does not exist` };
  const bundleDir = join(base, route);
  return existsSync(join(bundleDir, 'route.yaml')) ? { name: route, bpmnFile, bundleDir } : { name: route, bpmnFile };
}

function nearestProcessesDir(file: string): string | undefined {
  const parts = resolve(file).split(sep);
  const index = parts.lastIndexOf('processes');
  return index > 0 ? parts.slice(0, index + 1).join(sep) : undefined;
}
