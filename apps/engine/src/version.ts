import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The product version, from the workspace's package.json (found from here upwards). */
export function readProductVersion(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'laufweg' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}
