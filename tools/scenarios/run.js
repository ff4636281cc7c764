#!/usr/bin/env node
// `npm run scenarios [-- <route or file or folder>] [--json] [--junit <file>]`
// Runs the TypeScript CLI through the workspace's swc require hook (no build step).
'use strict';

const path = require('node:path');
require('../scripts/register-ts.js');
const { main } = require('./src/scenarios-cli.ts');

main(process.argv.slice(2), path.resolve(__dirname, '..', '..')).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
