#!/usr/bin/env node
// `npm run conformance [-- --json] [--verbose] [--set <name>] [--root <dir>]`
// Runs the TypeScript runner through the workspace's swc require hook (no build step).
'use strict';

const path = require('node:path');
require('../scripts/register-ts.js');
const { parseArguments, runConformance } = require('./src/run-conformance.ts');

const options = parseArguments(process.argv.slice(2), path.resolve(__dirname, '..', '..'));
runConformance(options).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
