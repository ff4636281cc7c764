import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a generated secret kept beside the local data (only the owner may read it), creating
 * it on first use. Used in local mode so that `npm start` needs no configuration; operators of
 * a shared server set their secrets through the environment instead.
 */
export async function readOrCreateSecret(path: string): Promise<string> {
  if (existsSync(path)) {
    return (await readFile(path, 'utf8')).trim();
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(24).toString('base64url');
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
