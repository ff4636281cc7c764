// Jest transform for `<dir>/files.fixtures`: the module is every other file of that directory as
// raw bytes, `{ [fileName]: Uint8Array }`, read when Jest compiles the module (as a bundler inlines
// assets). Specs of the pure libraries get their fixtures — including raw Windows-1252, ISO-8859-1
// and UTF-16 bytes that must reach the parser undecoded — without importing node:fs themselves.
// The cache key covers every file's content, so an edited fixture is read again.
'use strict';

const { createHash } = require('node:crypto');
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

function filesBeside(marker) {
  const dir = dirname(marker);
  return readdirSync(dir)
    .filter((name) => name !== basename(marker) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

module.exports = {
  process(_source, marker) {
    const entries = filesBeside(marker).map(({ name, bytes }) => `  ${JSON.stringify(name)}: new Uint8Array(Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64')),`);
    return { code: `module.exports = Object.freeze({\n${entries.join('\n')}\n});\n` };
  },
  getCacheKey(_source, marker) {
    const hash = createHash('sha256').update(readFileSync(__filename));
    for (const { name, bytes } of filesBeside(marker)) hash.update(name).update('\0').update(bytes);
    return hash.digest('hex');
  },
};
