import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the default run looks: every route's scenarios, then the examples on the engine's fixtures. */
export function defaultScenarioFiles(root: string): string[] {
  const processes = join(root, 'processes');
  const routes = existsSync(processes) ? readdirSync(processes).filter((name) => statSync(join(processes, name)).isDirectory()).sort() : [];
  return [...routes.flatMap((route) => yamlFiles(join(processes, route, 'scenarios'))), ...yamlFiles(join(root, 'libs', 'scenarios', 'examples'))];
}

/**
 * What the command line names: a scenario file, a folder of them, or a route name (its
 * `processes/<route>/scenarios`, or the default scenarios whose route has that name).
 */
export function selectScenarioFiles(target: string, root: string, routeOf: (file: string) => string | undefined): string[] {
  const asPath = resolve(target);
  if (existsSync(asPath)) return statSync(asPath).isDirectory() ? yamlFiles(asPath) : [asPath];
  const routeScenarios = join(root, 'processes', target, 'scenarios');
  if (existsSync(routeScenarios)) return yamlFiles(routeScenarios);
  return defaultScenarioFiles(root).filter((file) => routeOf(file) === target);
}

function yamlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(folder, name));
}
