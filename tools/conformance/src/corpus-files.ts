import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The BPMN files under `directory` (recursively), sorted, as absolute paths. */
export function bpmnFilesUnder(directory: string): string[] {
  const files: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(bpmn|bpmn2|xml)$/i.test(entry.name)) files.push(path);
    }
  };
  visit(directory);
  return files.sort();
}

/** The raw bytes of a file (decoding is the parser's job). */
export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** A path relative to the conformance root, for reports. */
export function shortPath(root: string, path: string): string {
  return relative(root, path);
}
