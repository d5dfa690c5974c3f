import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { transactionsOnly } from './eslint-rules/transactions-only.js';

const MAINTENANCE_API =
  'Import the maintenance module from its public entry, src/maintenance/index.ts (its records: records.ts; tests: also testing.ts).';

/** Each layer of the maintenance module and the layers it may import. */
const MAINTENANCE_ENTRIES = ['index', 'testing', 'records', 'maintenance\\.module'];
const MAINTENANCE_LAYERS = [
  { layer: 'http', below: ['runtime', 'persistence', 'rules'], root: MAINTENANCE_ENTRIES },
  { layer: 'runtime', below: ['persistence', 'rules'], root: MAINTENANCE_ENTRIES },
  {
    layer: 'persistence',
    below: ['rules'],
    root: [...MAINTENANCE_ENTRIES, 'maintenance\\.options'],
  },
  { layer: 'rules', below: [], root: [...MAINTENANCE_ENTRIES, 'maintenance\\.options'] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '*.config.js',
      'src/**/public/**',
      'test/support/api-schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The app writes through Transactions.run only. The maintenance module is exempt: it imports no
    // app code and takes the host's runner as its `runInTransaction` option instead.
    files: ['src/**/*.ts'],
    ignores: ['src/database/transactions.ts', 'src/maintenance/**'],
    plugins: { local: { rules: { 'transactions-only': transactionsOnly } } },
    rules: { 'local/transactions-only': 'error' },
  },
  // The maintenance module's boundary: from outside, only its public entry (index.ts) and, for tests
  // and scripts, its test-only entry (testing.ts).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/maintenance/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)maintenance/(?!(index|records)\\.js$)', message: MAINTENANCE_API },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.spec.ts'],
    ignores: ['src/maintenance/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)maintenance/(?!(index|testing|records)\\.js$)',
              message: MAINTENANCE_API,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/maintenance/(?!(index|testing|records)\\.js$)',
              message: MAINTENANCE_API,
            },
          ],
        },
      ],
    },
  },
  // Inside the module, layers depend one way: http → runtime → persistence → rules.
  ...MAINTENANCE_LAYERS.map(({ layer, below, root }) => ({
    files: [`src/maintenance/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${['http', 'runtime', 'persistence', 'rules'].filter((l) => l !== layer && !below.includes(l)).join('|')})/|(^|/)(${root.join('|')})\\.js$`,
              message: `src/maintenance/${layer} may import ${below.length ? `only ${below.join(', ')}` : 'no other layer'} (http → runtime → persistence → rules).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
