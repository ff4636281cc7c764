import type { JsonObject } from '@laufweg/bpmn-model';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BundleFile, RouteBundle, RouteExample, RouteService } from './route-bundle';
import { checkManifest } from './route-manifest';

export interface RouteCatalog {
  readonly bundles: readonly RouteBundle[];
  /** Folders that are no usable route, each problem naming the file. */
  readonly problems: readonly string[];
}

/** The folder of shared call activities inside `processes/`. */
export const SHARED_DIR = 'shared';

/** Reads every `processes/<route>/route.yaml` bundle; a broken bundle is reported and skipped. */
export function loadRouteCatalog(processesDir: string): RouteCatalog {
  const root = resolve(processesDir);
  const bundles: RouteBundle[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (entry === SHARED_DIR || !statSync(dir).isDirectory() || !existsSync(join(dir, 'route.yaml'))) continue;
    const loaded = loadRouteBundle(dir, root);
    if (loaded.ok) bundles.push(loaded.bundle);
    else problems.push(...loaded.problems);
  }
  return { bundles, problems };
}

/** Reads one bundle folder; `processesDir` holds the shared call activities. */
export function loadRouteBundle(dir: string, processesDir = resolve(dir, '..')): { ok: true; bundle: RouteBundle } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const manifestFile = join(dir, 'route.yaml');
  const raw = readText(manifestFile, problems);
  if (raw === undefined) return { ok: false, problems };
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error: unknown) {
    return { ok: false, problems: [`${manifestFile}: not YAML (${message(error)})`] };
  }
  const checked = checkManifest(parsed, manifestFile);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const manifest = checked.manifest;
  if (manifest.id !== basename(dir)) problems.push(`${manifestFile}: id '${manifest.id}' must equal the folder name '${basename(dir)}'`);

  const bpmnName = `${manifest.id}.bpmn`;
  const bpmn = readText(join(dir, bpmnName), problems);
  const services: RouteService[] = [];
  for (const service of manifest.services) {
    const schema = readJson(join(dir, service.schema), problems);
    if (schema) services.push({ id: service.id, name: service.name, schemaFile: service.schema, schema });
  }
  const valuesSchema = manifest.valuesSchema ? readJson(join(dir, manifest.valuesSchema), problems) : undefined;
  const shared: BundleFile[] = [];
  for (const id of manifest.shared ?? []) {
    const content = readText(join(processesDir, SHARED_DIR, `${id}.bpmn`), problems);
    if (content !== undefined) shared.push({ name: `${SHARED_DIR}/${id}.bpmn`, content });
  }
  const examples = readExamples(join(dir, 'examples'), services, problems);
  if (problems.length > 0 || bpmn === undefined) return { ok: false, problems };
  return {
    ok: true,
    bundle: {
      id: manifest.id,
      name: manifest.name,
      dir,
      process: manifest.process,
      startMessage: manifest.startMessage,
      services,
      bpmn: { name: bpmnName, content: bpmn },
      shared,
      sharedForms: manifest.shared?.length ? readFiles(join(processesDir, SHARED_DIR, 'forms'), '.form', `${SHARED_DIR}/forms/`) : [],
      forms: readFiles(join(dir, 'forms'), '.form', 'forms/'),
      decisions: readFiles(join(dir, 'decisions'), '.dmn', 'decisions/'),
      decisionTests: readFiles(join(dir, 'decisions'), '.tests.yaml', 'decisions/'),
      examples,
      ...(valuesSchema ? { valuesSchema } : {}),
      tenants: listNames(join(dir, 'tenants'), '.yaml'),
      scenarios: readFiles(join(dir, 'scenarios'), '.yaml', 'scenarios/'),
    },
  };
}

function readExamples(dir: string, services: readonly RouteService[], problems: string[]): RouteExample[] {
  const examples: RouteExample[] = [];
  for (const name of listNames(join(dir), '.json')) {
    const file = join(dir, `${name}.json`);
    const json = readJson(file, problems);
    if (!json) continue;
    const service = typeof json['service'] === 'string' ? json['service'] : services.length === 1 ? services[0].id : undefined;
    const data = json['data'];
    if (!service || !services.some((candidate) => candidate.id === service)) problems.push(`${file}: "service" must name one of the route's services (${services.map((s) => s.id).join(', ')})`);
    else if (typeof data !== 'object' || data === null || Array.isArray(data)) problems.push(`${file}: "data" must be the application's JSON object`);
    else examples.push({ name, service, data: data as JsonObject, attachments: Array.isArray(json['attachments']) ? (json['attachments'] as unknown as RouteExample['attachments']) : [] });
  }
  return examples;
}

/** Files with the suffix in a folder (none when the folder is missing), sorted by name. */
function readFiles(dir: string, suffix: string, prefix: string): BundleFile[] {
  return listNames(dir, suffix).map((name) => ({ name: `${prefix}${name}${suffix}`, content: readFileSync(join(dir, `${name}${suffix}`), 'utf8') }));
}

function listNames(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix) && !(suffix === '.yaml' && name.endsWith('.tests.yaml')) && !(suffix === '.dmn' && name.endsWith('.tests.dmn')))
    .map((name) => name.slice(0, -suffix.length))
    .sort();
}

function readText(file: string, problems: string[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    problems.push(`${file}: cannot be read (${message(error)})`);
    return undefined;
  }
}

function readJson(file: string, problems: string[]): JsonObject | undefined {
  const text = readText(file, problems);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
    problems.push(`${file}: must hold a JSON object`);
  } catch (error: unknown) {
    problems.push(`${file}: not JSON (${message(error)})`);
  }
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
